/**
 * The quantization comparison, the part the chat needs too: open and leave its view, edit the
 * setup (kept in the URL, so a setup can be shared), keep the last setup and result across a
 * reload, and stop a running comparison when something else needs the GPU. Running, importing and
 * exporting live in compare-run-actions.ts, loaded with the view.
 */
import { del, get, set } from 'idb-keyval';
import { inference } from '../bridge/inference-bridge';
import { DEFAULT_COMPARE_DRAFT, draftFromUrl, urlOf, type CompareDraft } from '../lib/compare-url';
import { quantOfModelId } from '../lib/quant';
import { onnxRecordOf } from '../lib/onnx-models';
import { BUILT_IN_PROMPTS } from '../lib/compare-prompts';
import { COMPARISON_FORMAT, type ComparisonFile } from '../shared/comparison';
import type { Provenance } from '../shared/provenance';
import { makeError, type AppError } from '../shared/errors';
import { setAside } from '../store/persistence';
import { readCompareDraft } from '../store/saved-state';
import { attempt, problemLine } from '../shared/untrusted';
import { getState, setState } from '../store/store';

// The validator comes with the view (the chat never reads a comparison file): loaded when a result is read.
const validator = () => import('../shared/comparison-file').then((m) => m.parseComparisonFile);

// Two keys: the setup is saved as it is edited, the result (up to megabytes of token ids and
// log-probabilities) only when it changes, and read only once the view is open.
const DRAFT_KEY = 'qwen-webgpu:compare-draft:v1';
const RESULT_KEY = 'qwen-webgpu:compare-result:v1';
/** Whether the saved result was run here or read from a file (absent: not known, so not claimed as here). */
const ORIGIN_KEY = 'qwen-webgpu:compare-origin:v1';

type Compare = ReturnType<typeof getState>['compare'];
export const patchCompare = (p: Partial<Compare>) => setState({ compare: { ...getState().compare, ...p } });
const patch = patchCompare;

/** Saves the shown result (after a run, an import or a replay starts). */
export function saveComparison(): void {
  const { result, origin } = getState().compare;
  void Promise.all([set(RESULT_KEY, result), set(ORIGIN_KEY, origin)]).catch(() => {});
}

/** The provenance of a comparison's figures as shown: measured only when run here on the live engine. */
export function figuresProvenance(result: ComparisonFile, origin: 'here' | 'file'): Provenance {
  return result.source === 'measured' && origin === 'file' ? 'imported' : result.source;
}

/** The last result, once the view opens. One that no longer reads is set aside with a message, never shown. */
let savedRead = false;
async function readSavedResult(): Promise<void> {
  if (savedRead) return;
  savedRead = true;
  let saved: unknown;
  try {
    saved = await get<unknown>(RESULT_KEY);
  } catch {
    return; // Private windows may refuse IndexedDB: the view starts empty.
  }
  if (saved === undefined || saved === null || getState().compare.result) return;
  const parseComparisonFile = await validator();
  const read = attempt(() => parseComparisonFile(saved));
  if (read.ok) {
    const origin = await get<unknown>(ORIGIN_KEY).catch(() => undefined);
    patch({ result: read.value, origin: origin === 'here' ? 'here' : 'file' });
    return;
  }
  await setAside(RESULT_KEY, saved);
  patch({ error: makeError('saved-invalid', { title: 'Your last comparison could not be read', detail: problemLine(read.error) }) });
}

/** Forgets the comparison's saved setup and result (the error boundary's way out of a crash). */
export async function resetComparisonData(): Promise<void> {
  patch({ result: null, origin: 'file', error: null, notice: null, draft: DEFAULT_COMPARE_DRAFT, merged: null });
  await Promise.all([del(RESULT_KEY), del(DRAFT_KEY), del(ORIGIN_KEY)]).catch(() => {});
}

/** The last setup; a setup in the URL wins over it and opens the view. */
export async function hydrateComparison(): Promise<void> {
  try {
    const draft = await get<unknown>(DRAFT_KEY);
    if (draft !== undefined) patch({ draft: readCompareDraft(draft) });
  } catch {
    // As above: the default setup then.
  }
  const fromUrl = draftFromUrl(new URLSearchParams(window.location.search), getState().compare.draft);
  if (fromUrl) {
    patch({ draft: fromUrl });
    setState({ view: 'compare' });
    await readSavedResult();
  }
}

export const comparisonRunning = () => getState().compare.status === 'running';

/** Asks before something else takes the GPU from a running comparison; true when it may. */
export function confirmStopComparison(what: string): boolean {
  if (!comparisonRunning()) return true;
  if (!window.confirm(`A comparison is running. ${what} stops it; the variants that finished are kept.`)) return false;
  cancelComparison();
  return true;
}

export function openCompare(): void {
  setState({ view: 'compare' });
  void readSavedResult();
  window.history.replaceState(null, '', urlOf(getState().compare.draft, window.location.href));
}

export function closeCompare(): void {
  if (!confirmStopComparison('Leaving the comparison')) return;
  setState({ view: 'chat' });
  const url = new URL(window.location.href);
  url.searchParams.delete('compare');
  url.searchParams.delete('variants');
  window.history.replaceState(null, '', url);
}

export function setCompareDraft(change: Partial<CompareDraft>): void {
  patch({ draft: { ...getState().compare.draft, ...change }, notice: null });
  if (getState().view === 'compare') window.history.replaceState(null, '', urlOf(getState().compare.draft, window.location.href));
  void set(DRAFT_KEY, getState().compare.draft).catch(() => {});
}

export function dismissComparisonError(): void {
  patch({ error: null });
}

export function cancelComparison(): void {
  if (comparisonRunning()) void inference().cancelComparison();
}

export const isComparisonFile = (data: unknown) => typeof data === 'object' && data !== null && (data as { format?: unknown }).format === COMPARISON_FORMAT;

/**
 * Shows a recorded comparison and switches the worker to replaying it: running the comparison
 * then plays it back, every figure labelled replayed (a demonstration without a GPU). A refusal is
 * shown in the comparison view, and returned.
 */
export async function startComparisonReplay(data: unknown): Promise<AppError | null> {
  let result;
  try {
    result = (await validator())(data);
  } catch (err) {
    const error = makeError('comparison-invalid', { detail: problemLine(err) });
    patch({ error });
    return error;
  }
  const engine = await inference().useComparisonReplay(result);
  if (!engine.ok) {
    patch({ error: engine.error });
    return engine.error;
  }
  replaying = result;
  setState({ engine: engine.value, loadedId: null, loadState: 'idle', view: 'compare' });
  setCompareDraft(draftOf(result.setup));
  patch({ result, origin: 'file', error: null });
  saveComparison();
  return null;
}

/** The setup shows the recorded comparison's own: its variants, its prompts (built-in ones ticked by
 * name when their text is the same, the others as the user's own), tokens, repetitions and seed. */
export function draftOf(setup: ComparisonFile['setup']): CompareDraft {
  const builtIn = setup.prompts.filter((p) => BUILT_IN_PROMPTS.some((b) => b.id === p.id && b.text === p.text));
  const own = setup.prompts.filter((p) => !builtIn.includes(p));
  return {
    model: setup.model,
    quants: setup.variants.map((id) => onnxRecordOf(id)?.quant ?? quantOfModelId(id) ?? id),
    builtIn: builtIn.map((p) => p.id),
    ownPrompts: own.map((p) => p.text.replace(/\n/g, ' ')).join('\n'),
    maxTokens: setup.maxTokens,
    repetitions: setup.repetitions,
    seed: setup.seed,
  };
}

/** The comparison the worker is replaying, if it is: running it again runs its recorded setup. */
let replaying: ComparisonFile | null = null;

export function replayedComparison(): ComparisonFile | null {
  return getState().engine.source === 'replayed' ? replaying : null;
}
