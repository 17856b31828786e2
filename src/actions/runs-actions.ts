import { inference } from '../bridge/inference-bridge';
import { makeError, type AppError } from '../shared/errors';
import { problemLine } from '../shared/untrusted';
import { fetchChecked, noAnswer } from '../lib/fetch-checked';
import { isComparisonFile, startComparisonReplay } from './compare-actions';
import { refreshCache } from './model-actions';
import { makeRunFile, type Run, type RunFile } from '../shared/runs';
import { parseRunFile } from '../shared/run-file';
import { writeModelParam } from '../lib/url';
import { fileStamp, saveFile } from '../lib/save-file';
import { getState, setState } from '../store/store';
import { whenHydrated } from '../store/persistence';

/** The run file being replayed, kept so a restarted worker can resume it. */
let replaying: RunFile | null = null;

export function replayFile(): RunFile | null {
  return replaying;
}

export function addRun(run: Run): void {
  setState({ runs: [...getState().runs, run] });
}

export function exportRuns(runs: Run[] = getState().runs): void {
  const file = makeRunFile(runs);
  saveFile(`qwen-runs-${fileStamp(file.exportedAt)}.json`, JSON.stringify(file, null, 1), 'application/json');
}

/** Adds the runs of an exported file to the list (duplicates skipped) and returns the parsed file. */
export async function importRuns(file: Blob): Promise<RunFile | null> {
  try {
    const parsed = parseRunFile(JSON.parse(await file.text()));
    // Runs saved earlier must be in the list first, or they would be counted as new and then overwritten.
    await whenHydrated();
    const known = new Set(getState().runs.map((r) => r.id));
    const fresh = parsed.runs.filter((r) => !known.has(r.id));
    setState({ runs: [...getState().runs, ...fresh], runsNotice: `Imported ${fresh.length} run(s)${parsed.synthetic ? ' (synthetic)' : ''}.` });
    return parsed;
  } catch (err) {
    setState({ runsNotice: null, chatError: makeError('replay-invalid', { detail: problemLine(err) }) });
    return null;
  }
}

export function clearRuns(): void {
  setState({ runs: [], runsNotice: null });
}

/** Switches the worker to the replay engine; every figure it produces is labelled as replayed. A refusal is shown by the composer. */
export async function startReplay(file: RunFile | unknown): Promise<boolean> {
  const error = await playReplayFile(file);
  if (error) setState({ chatError: error });
  return error === null;
}

async function playReplayFile(file: RunFile | unknown): Promise<AppError | null> {
  const result = await inference().useReplay(file);
  if (!result.ok) return result.error;
  replaying = file as RunFile;
  const first = result.value.replayModels[0] ?? null;
  const selectedId = getState().selectedId;
  const keep = selectedId !== null && result.value.replayModels.includes(selectedId);
  setState({ engine: result.value, loadedId: null, loadState: 'idle', loadProgress: null, loadError: null, selectedId: keep ? selectedId : first });
  const chosen = getState().selectedId;
  if (chosen) writeModelParam(chosen);
  return null;
}

export async function exitReplay(): Promise<void> {
  replaying = null;
  const engine = await inference().useWebLLM();
  setState({ engine, loadedId: null, loadState: 'idle', loadProgress: null, loadError: null, fallback: false });
  const url = new URL(window.location.href);
  url.searchParams.delete('replay');
  window.history.replaceState(null, '', url);
  // The replay engine caches nothing: what the live engines hold is asked again.
  await refreshCache();
}

/**
 * A replay file named by the URL (or the recorded demo): a run file, or a comparison. Why it could
 * not be played is shown at the top of the page, where the replay banner would have been.
 */
export async function startReplayFromUrl(src: string): Promise<void> {
  const error = await replayFromUrl(src);
  if (error) setState({ alert: error });
}

async function replayFromUrl(src: string): Promise<AppError | null> {
  const named = src.slice(0, 300);
  let text: string;
  try {
    // Same-origin only: a replay parameter must not make the app fetch from elsewhere.
    const url = new URL(src, window.location.href);
    if (url.origin !== window.location.origin) throw new Error(`replay files must come from ${window.location.origin}`);
    const got = await fetchChecked(url.href, { mode: 'same-origin', timeoutMs: 30_000, maxBytes: 256 * 2 ** 20 });
    if (got.kind !== 'answered') throw new Error(noAnswer(got, url.host, `${url.host} did not answer`));
    if (!got.ok) throw new Error(`HTTP ${got.status}`);
    // A host that answers every path with the app's page (a single-page fallback) has no such file.
    if (got.text.trimStart().startsWith('<')) throw new Error('the site answered with a web page: it has no file there');
    text = got.text;
  } catch (err) {
    return makeError('replay-invalid', {
      title: 'The replay file could not be fetched',
      message: 'This link names a replay file that the site did not serve, so the live engine is in use. Ask for a new link, or import the file in the Runs panel.',
      detail: `${named}: ${problemLine(err)}`,
    });
  }
  try {
    const data: unknown = JSON.parse(text);
    return isComparisonFile(data) ? await startComparisonReplay(data) : await playReplayFile(data);
  } catch (err) {
    return makeError('replay-invalid', { detail: `${named}: ${problemLine(err)}` });
  }
}
