import { inference } from '../bridge/inference-bridge';
import { makeError } from '../shared/errors';
import { getState, setState } from '../store/store';

export async function runBandwidthProbe(): Promise<void> {
  if (getState().bandwidth.status === 'running') return;
  setState({ bandwidth: { status: 'running', result: getState().bandwidth.result, error: null } });
  try {
    const r = await inference().probeBandwidth();
    setState({ bandwidth: r.ok ? { status: 'done', result: r.value, error: null } : { status: 'error', result: null, error: r.error } });
  } catch (err) {
    setState({ bandwidth: { status: 'error', result: null, error: makeError('unknown', { detail: String(err) }) } });
  }
}

const SELF_TEST_BYTES = 256 * 2 ** 20;

/** Allocates 256 MB on the adapter so the measured figure can be seen to move, then frees it. */
export async function toggleMemorySelfTest(): Promise<void> {
  const { selfTest } = getState();
  if (selfTest.status === 'busy') return;
  setState({ selfTest: { status: 'busy', bytes: selfTest.bytes } });
  try {
    if (selfTest.status === 'holding') {
      await inference().releaseTestBuffers();
      setState({ selfTest: { status: 'idle', bytes: 0 } });
    } else {
      const bytes = await inference().allocateTestBuffers(SELF_TEST_BYTES);
      setState({ selfTest: { status: 'holding', bytes } });
    }
  } catch (err) {
    setState({ selfTest: { status: 'idle', bytes: 0 }, alert: makeError('unknown', { title: 'The memory check failed', detail: String(err) }) });
  }
}

export function setGpuMemoryGB(gb: number | null): void {
  setState({ prefs: { ...getState().prefs, gpuMemoryGB: gb !== null && gb > 0 ? gb : null } });
}

/** The hardware every projection stands on (`THIS_MACHINE` or a hardware id), shared by the chat and the stage. */
export function setHardware(id: string): void {
  setState({ prefs: { ...getState().prefs, hardware: id } });
}
