import type { OverflowPolicy } from '../lib/context-window';
import type { RunSettings } from '../shared/runs';
import { getState, setState } from '../store/store';

export function setSettings(patch: Partial<RunSettings>): void {
  setState({ settings: { ...getState().settings, ...patch } });
}

export function setOverflowPolicy(overflow: OverflowPolicy): void {
  setState({ prefs: { ...getState().prefs, overflow } });
}
