import { inference } from '../bridge/inference-bridge';
import { makeError } from '../shared/errors';
import { setState } from '../store/store';

export async function probeGpu(): Promise<boolean> {
  // No WebGPU at all: the store said so before the first paint; the worker has nothing to add.
  if (!('gpu' in navigator)) return false;
  setState({ gpu: { status: 'probing', report: null, error: null } });
  try {
    const result = await inference().probeGpu();
    if (result.ok) {
      setState({ gpu: { status: 'ready', report: result.value, error: null } });
      return result.value.shaderF16;
    }
    setState({ gpu: { status: 'error', report: null, error: result.error } });
  } catch (err) {
    setState({ gpu: { status: 'error', report: null, error: makeError('unknown', { detail: String(err) }) } });
  }
  return false;
}
