/**
 * The presenter's safety net: "Record rehearsal" runs the script once and keeps its runs; on stage,
 * when the live engine fails, the rehearsal plays back in its place (labelled replayed, with its date
 * and GPU) until the presenter goes back to live.
 */
import { browserOf, rehearsalRunFile, type Rehearsal } from '../lib/rehearsal';
import { makeError } from '../shared/errors';
import type { Run } from '../shared/runs';
import { saveRehearsal } from '../store/persistence';
import { getState, setState } from '../store/store';
import { freshWorker } from './app-actions';
import { send, setDraft, settleReply, stop } from './chat-actions';
import { newChat } from './conversation-actions';
import { loadSelected } from './model-actions';
import { exitReplay, startReplay } from './runs-actions';

let cancelled = false;

class Stopped extends Error {}

/** Sends one prompt and returns the run of its reply; throws when the reply did not finish. */
async function rehearse(prompt: string): Promise<Run> {
  const before = getState().runs.length;
  setDraft(prompt);
  await send();
  const run = getState().runs[before];
  if (cancelled) throw new Stopped('you stopped it');
  if (!run) throw new Stopped(getState().chatError?.title ?? 'the reply failed');
  if (run.finishReason === 'abort' || run.finishReason === 'error') throw new Stopped(`the reply ended early (${run.finishReason})`);
  return run;
}

/** Runs the whole script in a fresh chat on the engine in use (loading the chosen model first) and
 * keeps the rehearsal only when every prompt got a whole reply. */
export async function recordRehearsal(): Promise<void> {
  const { prefs, rehearsing, streaming, fallback } = getState();
  const script = prefs.script;
  // Playing the rehearsal, a new one would only record the old one again.
  if (rehearsing || streaming || fallback || script.length === 0) return;
  cancelled = false;
  setState({ rehearsing: { at: 0, of: script.length }, rehearsalError: null, scriptAt: 0 });
  try {
    if (getState().loadState !== 'ready') await loadSelected();
    const { loadedId, loadError } = getState();
    if (getState().loadState !== 'ready' || !loadedId) throw new Stopped(`the model did not load${loadError ? `: ${loadError.title}` : ''}`);
    await newChat();
    const runs: Run[] = [];
    for (const [i, prompt] of script.entries()) {
      if (cancelled) throw new Stopped('you stopped it');
      setState({ rehearsing: { at: i, of: script.length } });
      runs.push(await rehearse(prompt));
    }
    const rehearsal: Rehearsal = {
      recordedAt: new Date().toISOString(),
      modelId: loadedId,
      adapter: runs[0]?.adapter ?? null,
      browser: browserOf(navigator.userAgent),
      prompts: [...script],
      runs,
    };
    setState({ rehearsal });
    await saveRehearsal(rehearsal);
  } catch (err) {
    const at = getState().rehearsing?.at ?? 0;
    const why = err instanceof Error ? err.message : String(err);
    setState({ rehearsalError: makeError('rehearsal-stopped', { title: `The rehearsal stopped at prompt ${at + 1} of ${script.length}: ${why}` }) });
  } finally {
    setState({ rehearsing: null, scriptAt: 0 });
  }
}

export function dismissRehearsalError(): void {
  setState({ rehearsalError: null });
}

export function stopRehearsal(): void {
  cancelled = true;
  stop();
}

/** Why P would not play the rehearsal now, in the presenter's words; null when it would. */
export function whyNoFallback(s: ReturnType<typeof getState>): string | null {
  if (s.fallback) return null;
  if (!s.rehearsal) return 'P plays a rehearsal, and none is recorded on this machine: record one from the pre-flight check.';
  if (!canFallBack(s)) return 'The live model is working: P plays the rehearsal only after a failure (a lost GPU, a crashed worker, a failed load).';
  return null;
}

/** The live engine failed (or the presenter chose to): the rehearsal plays in its place, from the
 * script position the talk has reached. A crashed worker is replaced first. */
export async function playRehearsal(): Promise<void> {
  const { rehearsal, alert } = getState();
  if (!rehearsal || !canFallBack(getState())) return;
  await settleReply();
  if (alert?.code === 'worker-crashed') await freshWorker();
  setState({ alert: null });
  if (!(await startReplay(rehearsalRunFile(rehearsal)))) return;
  setState({ fallback: true, selectedId: rehearsal.modelId });
  await loadSelected({ skipStorageCheck: true });
}

/** Leaves the rehearsal for the live engine and loads the model again; if that fails, the offer to
 * play the rehearsal comes back. */
export async function backToLive(): Promise<void> {
  if (!getState().fallback) return;
  await settleReply();
  setState({ fallback: false });
  await exitReplay();
  await loadSelected({ skipStorageCheck: true });
}

/** P on stage plays the rehearsal when there is one and the live engine failed or is not ready:
 * never in the middle of a working live demo, where a stray key would swap it for a recording. */
export function canFallBack(s: ReturnType<typeof getState>): boolean {
  return s.rehearsal !== null && !s.fallback && (liveFailure(s) !== null || s.loadState !== 'ready');
}

/** The live engine cannot go on: a lost device, a crashed worker, or a model that did not load. */
export function liveFailure(s: ReturnType<typeof getState>): string | null {
  if (s.fallback) return null;
  if (s.alert && (s.alert.code === 'device-lost' || s.alert.code === 'worker-crashed')) return s.alert.title;
  if (s.loadState === 'error' && s.loadError) return s.loadError.title;
  return null;
}
