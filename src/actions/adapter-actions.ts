import { inference } from '../bridge/inference-bridge';
import { makeError } from '../shared/errors';
import { setState } from '../store/store';

/** Whether the last visit's adapter was a software (fallback) one, or null on a first visit: the
 * model shown before this visit's probe answers is then the one the probe will choose, and the page
 * does not shift when it answers. */
const ADAPTER_KEY = 'qwen-webgpu:fallback-adapter';
export function rememberedFallback(): boolean {
  try {
    return localStorage.getItem(ADAPTER_KEY) === '1';
  } catch {
    return false;
  }
}

function remember(isFallback: boolean): void {
  try {
    localStorage.setItem(ADAPTER_KEY, isFallback ? '1' : '0');
  } catch {
    // Storage refused (private mode, quota): the next visit guesses again.
  }
}

export async function probeGpu(): Promise<boolean> {
  // No WebGPU at all: the store said so before the first paint; the worker has nothing to add.
  if (!('gpu' in navigator)) return false;
  setState({ gpu: { status: 'probing', report: null, error: null } });
  try {
    const result = await inference().probeGpu();
    if (result.ok) {
      setState({ gpu: { status: 'ready', report: result.value, error: null } });
      remember(result.value.isFallback);
      return result.value.shaderF16;
    }
    setState({ gpu: { status: 'error', report: null, error: result.error } });
  } catch (err) {
    setState({ gpu: { status: 'error', report: null, error: makeError('unknown', { detail: String(err) }) } });
  }
  return false;
}
