/** The stage view for presenters (?present): opening and leaving it, and fullscreen. */
import { getState, setState } from '../store/store';
import { confirmStopComparison } from './compare-actions';

function setPresentParam(on: boolean): void {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set('present', '');
  else url.searchParams.delete('present');
  window.history.replaceState(null, '', url.href.replace('present=&', 'present&').replace(/present=$/, 'present'));
}

export function openStage(): void {
  if (getState().view === 'compare' && !confirmStopComparison('Opening the stage view')) return;
  setState({ view: 'stage' });
  setPresentParam(true);
}

export function closeStage(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  setState({ view: 'chat' });
  setPresentParam(false);
}

/** F in the stage view: fullscreen on and off (never while typing). */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen().catch(() => {});
}
