import type { OverflowPolicy } from '../lib/context-window';
import type { RunSettings } from '../shared/runs';
import { getState, setState } from '../store/store';
import type { PanelName } from '../store/types';

export function setSettings(patch: Partial<RunSettings>): void {
  setState({ settings: { ...getState().settings, ...patch } });
}

export function setOverflowPolicy(overflow: OverflowPolicy): void {
  setState({ prefs: { ...getState().prefs, overflow } });
}

/** Opens or folds a panel on a phone; remembered, like the other preferences. */
export function togglePanel(name: PanelName, open: boolean): void {
  const prefs = getState().prefs;
  setState({ prefs: { ...prefs, panels: { ...prefs.panels, [name]: open } } });
}
