/**
 * Running a comparison in the worker, and what a tester does with its result: import, export,
 * copy as Markdown, replay. Loaded with the comparison's view.
 */
import { inference, streamChannel } from '../bridge/inference-bridge';
import { CATALOG } from '../catalog-data';
import { draftProblem, setupOf } from '../lib/compare-plan';
import { compareModelNamed, compareModels } from '../lib/compare-models';
import { comparisonMarkdown } from '../lib/compare-table';
import { MergeRefused, mergeComparisons, mergedMarkdown, type NamedComparison } from '../lib/compare-merge';
import { fileStamp, saveFile } from '../lib/save-file';
import type { ComparisonFile, ComparisonProgress, ComparisonSetup } from '../shared/comparison';
import { parseComparisonFile } from '../shared/comparison-file';
import { makeError } from '../shared/errors';
import { problemLine } from '../shared/untrusted';
import { getState, setState } from '../store/store';
import { comparisonRunning, draftOf, setCompareDraft, patchCompare as patch, replayedComparison, saveComparison as save, startComparisonReplay } from './compare-actions';

/** The models a comparison can hold (both engines' builds of one Qwen together). */
export const COMPARE_MODELS = compareModels(CATALOG);
export const compareModelOf = (name: string) => compareModelNamed(COMPARE_MODELS, name);

export async function refreshFreeStorage(): Promise<void> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    patch({ freeMB: quota === undefined ? null : Math.floor((quota - (usage ?? 0)) / 2 ** 20) });
  } catch {
    patch({ freeMB: null });
  }
}

/** A macrotask boundary: work after it runs as a task of its own. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs the setup in the worker; the chat's model is unloaded (one model in GPU memory at a time). */
async function run(setup: ComparisonSetup, earlier: ComparisonFile['variants'] = []): Promise<void> {
  setState({ loadedId: null, loadState: 'idle', loadProgress: null });
  patch({ status: 'running', progress: null, error: null, notice: null, merged: null });
  const channel = streamChannel<ComparisonProgress>((progress) => patch({ progress }));
  let outcome: Partial<ReturnType<typeof getState>['compare']>;
  try {
    const r = await inference().compare(setup, channel.port, earlier);
    outcome = r.ok ? { result: r.value, origin: 'here' } : { error: r.error };
  } catch (err) {
    outcome = { error: makeError('worker-crashed', { detail: String(err) }) };
  } finally {
    channel.close();
  }
  // The reply's deserialisation (a whole comparison) and the results' first render are each a task
  // of their own: together they passed 50 ms on a 2,000-token comparison.
  await nextTask();
  patch({ ...outcome, status: 'idle', progress: null });
  save();
}

export async function startComparison(): Promise<void> {
  // Until the app has settled which engine runs (a ?replay= file is still being read), a start would
  // run the draft's setup on an engine that may be swapped under it.
  if (comparisonRunning() || !getState().choiceSettled) return;
  const s = getState();
  const { draft } = s.compare;
  const model = compareModelOf(draft.model);
  const replayModels = s.engine.source === 'replayed' ? s.engine.replayModels : null;
  const problem = draftProblem(draft, model, s.gpu.report?.shaderF16 ?? false, replayModels);
  if (problem || !model) {
    patch({ notice: problem });
    return;
  }
  // A replayed comparison runs as recorded (its prompts and settings), for the variants chosen.
  const recorded = replayedComparison();
  const setup = setupOf(draft, model);
  await run(recorded ? { ...recorded.setup, variants: recorded.setup.variants.filter((id) => setup.variants.includes(id)) } : setup);
}

/** Reads a comparison file: its figures are shown as they were recorded (and labelled so). */
export async function importComparison(file: File): Promise<ComparisonFile | null> {
  try {
    const result = parseComparisonFile(JSON.parse(await file.text()));
    // The setup takes the file's own: running it here repeats the same comparison on this GPU.
    setCompareDraft(draftOf(result.setup));
    patch({ result, origin: 'file', error: null, merged: null, notice: `Imported ${file.name}.` });
    save();
    return result;
  } catch (err) {
    patch({ error: makeError('comparison-invalid', { detail: `${file.name}: ${problemLine(err)}` }) });
    return null;
  }
}

/**
 * Reads several comparison files at once and merges them (the same prompts, from different machines):
 * speed per machine, quality per variant. Files that do not match are refused with the reason, and
 * the comparison shown stays as it was.
 */
export async function importComparisons(files: readonly File[]): Promise<void> {
  if (files.length === 1) {
    await importComparison(files[0]!);
    return;
  }
  const list: NamedComparison[] = [];
  for (const file of files) {
    try {
      list.push({ name: file.name, file: parseComparisonFile(JSON.parse(await file.text())) });
    } catch (err) {
      patch({ error: makeError('comparison-invalid', { detail: `${file.name}: ${problemLine(err)}` }) });
      return;
    }
  }
  try {
    const merged = mergeComparisons(list);
    // The setup takes the comparison's own, as a single import does: running it adds this machine.
    setCompareDraft(draftOf(list[0]!.file.setup));
    patch({ merged, error: null, notice: `Merged ${files.length} comparisons: ${files.map((f) => f.name).join(', ')}.` });
  } catch (err) {
    if (!(err instanceof MergeRefused)) throw err;
    patch({ error: makeError('comparison-invalid', { title: 'These comparisons cannot be merged', message: 'Only comparisons of the same model, prompts, reference, token budget and top-k merge into one table.', detail: err.message }) });
  }
}

export function closeMerged(): void {
  patch({ merged: null, notice: null });
}

/** Puts a table on the clipboard, saying so, or saying why not. */
async function copyTable(markdown: string, notice: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(markdown);
    patch({ notice });
  } catch (err) {
    patch({ error: makeError('unknown', { title: 'The clipboard refused the table', detail: String(err) }) });
  }
}

export async function copyMergedMarkdown(): Promise<void> {
  const merged = getState().compare.merged;
  if (merged) await copyTable(mergedMarkdown(merged), 'The merged table is on the clipboard, as Markdown.');
}

/** Plays the shown comparison back through the replay engine: same steps, every figure replayed. */
export async function replayComparison(): Promise<void> {
  const result = getState().compare.result;
  if (!result || comparisonRunning()) return;
  await startComparisonReplay(result);
  if (replayedComparison()) await run(result.setup);
}

export function exportComparison(): void {
  const result = getState().compare.result;
  if (!result) return;
  saveFile(`comparison-${result.setup.model}-${fileStamp(result.exportedAt)}.json`, JSON.stringify(result, null, 1), 'application/json');
}

export async function copyComparisonMarkdown(): Promise<void> {
  const result = getState().compare.result;
  if (result) await copyTable(comparisonMarkdown(result), 'The table is on the clipboard, as Markdown.');
}

/** The shown result, when it can be resumed: some variants did not finish, and the engine now is the
 * one that measured the others (a resume never mixes measured and replayed figures). */
export function resumable(result: ComparisonFile | null, origin: 'here' | 'file', source: ComparisonFile['source'], synthetic: boolean): boolean {
  return result !== null && origin === 'here' && result.variants.some((v) => v.status !== 'done') && result.source === source && result.synthetic === synthetic;
}

/** Runs the variants of the shown result that did not finish, keeping those that did. */
export async function resumeComparison(): Promise<void> {
  const { compare, engine } = getState();
  const result = compare.result;
  if (!result || comparisonRunning() || !resumable(result, compare.origin, engine.source, engine.synthetic)) return;
  await run(result.setup, result.variants);
}
