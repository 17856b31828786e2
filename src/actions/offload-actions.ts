/** The experts-in-RAM projection's settings (saved with the preferences), and the RAM probe. */
import { inference } from '../bridge/inference-bridge';
import { makeError } from '../shared/errors';
import type { OffloadPrefs } from '../lib/offload-setup';
import { getState, setState } from '../store/store';

export function setOffload(change: Partial<OffloadPrefs>): void {
  const prefs = getState().prefs;
  setState({ prefs: { ...prefs, offload: { ...prefs.offload, ...change } } });
}

let probing = false;

/** Measures this machine's RAM bandwidth (a lower bound) and uses it for the projection. */
export async function measureRam(): Promise<void> {
  if (probing) return;
  probing = true;
  setState({ ramProbe: 'running' });
  try {
    const r = await inference().probeRam();
    if (r.ok) {
      setOffload({ ram: 'measured', measuredRamGBs: Math.round(r.value.gbPerSecond * 10) / 10 });
      setState({ ramProbe: 'idle' });
    } else setState({ ramProbe: 'idle', alert: r.error });
  } catch (err) {
    setState({ ramProbe: 'idle', alert: makeError('unknown', { title: 'The RAM probe failed', detail: String(err) }) });
  } finally {
    probing = false;
  }
}
