/** The stage view for presenters (?present): opening and leaving it, and fullscreen. */
import { getState, setState } from '../store/store';
import { send, setDraft, stop } from './chat-actions';
import { newChat } from './conversation-actions';
import { confirmStopComparison } from './compare-actions';
import { playRehearsal, whyNoFallback } from './rehearsal-actions';

/** ?present, and ?present&check while the pre-flight check is open: a link opens the same view. */
function setPresentParam(on: boolean, check = false): void {
  const url = new URL(window.location.href);
  for (const [name, wanted] of [['present', on], ['check', on && check]] as const) {
    if (wanted) url.searchParams.set(name, '');
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, '', url.href.replace(/(present|check)=(&|$)/g, '$1$2'));
}

export function togglePreflight(): void {
  const preflightOpen = !getState().preflightOpen;
  setState({ preflightOpen });
  setPresentParam(true, preflightOpen);
}

export function openStage(): void {
  if (getState().view === 'compare' && !confirmStopComparison('Opening the stage view')) return;
  setState({ view: 'stage' });
  setPresentParam(true, getState().preflightOpen);
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

/** The script, one prompt per line (blank lines dropped); the next prompt goes back to the first. */
export function setScript(text: string): void {
  const script = text.split('\n').map((l) => l.trim()).filter(Boolean);
  setState({ prefs: { ...getState().prefs, script }, scriptAt: 0 });
}

/** → or Space: sends the script's next prompt (nothing while a reply streams). */
export function sendNext(): void {
  const { prefs, scriptAt, streaming, loadState } = getState();
  const prompt = prefs.script[scriptAt];
  if (prompt === undefined || streaming || loadState !== 'ready') return;
  setDraft(prompt);
  setState({ scriptAt: scriptAt + 1 });
  void send();
}

/** ←: the previous prompt is sent next again. */
export function stepBack(): void {
  setState({ scriptAt: Math.max(0, getState().scriptAt - 1) });
}

let noticeTimer: ReturnType<typeof setTimeout> | null = null;

/** Says on stage, for a few seconds, why a key did nothing. */
function showStageNotice(text: string): void {
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  setState({ stageNotice: text });
  noticeTimer = setTimeout(() => setState({ stageNotice: null }), 6000);
}

/** H: the app's header and banners, hidden for the audience or shown for the presenter. */
export function toggleAudience(): void {
  setState({ audience: !getState().audience });
}

/** R: a fresh chat for the next part of the talk (the old one stays in the list). */
export function clearStage(): void {
  void newChat();
}

/** The stage view's keys; false when the key is not one of them (or the presenter is typing). */
export function stageKey(e: KeyboardEvent): boolean {
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (target?.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return false;
  // Space on a focused button presses the button.
  if (e.key === ' ' && target?.closest('button, summary')) return false;
  const play = () => {
    const why = whyNoFallback(getState());
    if (why) showStageNotice(why);
    else void playRehearsal();
  };
  const actions: Record<string, () => void> = {
    f: toggleFullscreen,
    F: toggleFullscreen,
    ArrowRight: sendNext,
    ' ': sendNext,
    ArrowLeft: stepBack,
    Escape: stop,
    r: clearStage,
    R: clearStage,
    p: play,
    P: play,
    h: toggleAudience,
    H: toggleAudience,
  };
  const action = actions[e.key];
  if (!action) return false;
  action();
  return true;
}
