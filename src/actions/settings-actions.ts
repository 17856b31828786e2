import type { RunSettings } from '../lib/runs';
import { getState, setState } from '../store/store';

export function setSettings(patch: Partial<RunSettings>): void {
  setState({ settings: { ...getState().settings, ...patch } });
}
