/**
 * A rehearsal: the presenter's script run once, its replies kept as runs, so that on stage a failing
 * live engine can be replaced by a playback of this very machine's rehearsal, labelled as such.
 */
import { readAdapter, readRun } from '../shared/run-file';
import { makeRunFile, type AdapterSummary, type Run, type RunFile } from '../shared/runs';
import { attempt, LIMITS, Reader } from '../shared/untrusted';

export interface Rehearsal {
  recordedAt: string;
  modelId: string;
  /** The GPU the runs were made on, as the worker described it. */
  adapter: AdapterSummary | null;
  /** Browser name and major version, e.g. "Chrome 131". */
  browser: string;
  /** The script prompts, in the order rehearsed; runs[i] answers prompts[i]. */
  prompts: string[];
  runs: Run[];
}

/** "Chrome 131", "Edge 131", "Firefox 133", "Safari 18"; the whole string when none of these is found. */
export function browserOf(userAgent: string): string {
  const patterns: [string, RegExp][] = [
    ['Edge', /Edg\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Firefox', /Firefox\/(\d+)/],
    ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
    ['Safari', /Version\/(\d+).*Safari/],
  ];
  for (const [name, re] of patterns) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return userAgent.slice(0, 60) || 'unknown browser';
}

export function gpuName(adapter: AdapterSummary | null): string {
  if (!adapter) return 'an unknown GPU';
  const name = [adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' ') || 'an unnamed GPU';
  return adapter.isFallback ? `${name} (software adapter)` : name;
}

const sameGpu = (a: AdapterSummary | null, b: AdapterSummary | null) =>
  a !== null && b !== null && a.vendor === b.vendor && a.architecture === b.architecture && a.description === b.description && a.isFallback === b.isFallback;

/** What a rehearsal is worth on this machine, for the pre-flight check. */
export interface RehearsalFit {
  sameGpu: boolean;
  sameBrowser: boolean;
  /** Every run was made by the live engine (not played back). */
  live: boolean;
  /** Script prompts (of the current script) that have a rehearsed reply. */
  covered: number;
  scriptLength: number;
}

export function rehearsalFit(r: Rehearsal, here: { adapter: AdapterSummary | null; browser: string }, script: string[]): RehearsalFit {
  const rehearsed = new Set(r.prompts);
  return {
    sameGpu: sameGpu(r.adapter, here.adapter),
    sameBrowser: r.browser === here.browser,
    live: r.runs.every((run) => run.source === 'measured'),
    covered: script.filter((p) => rehearsed.has(p)).length,
    scriptLength: script.length,
  };
}

/** Where a rehearsal's runs came from: the GPU that made them, or the demo when a replay made them
 * (its "adapter" is the demo file's, which no GPU was). */
export function rehearsalGpu(r: Rehearsal): string {
  return r.runs.every((run) => run.source === 'replayed') ? 'recorded from the demo, not a GPU' : gpuName(r.adapter);
}

/** The words every replayed figure of a fallback carries. */
export function rehearsalLabel(r: Rehearsal): string {
  const date = new Date(r.recordedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return `replayed from rehearsal, ${date}, ${rehearsalGpu(r)}`;
}

/** The run file the replay engine plays on stage: replies chosen by their prompt, and no load pauses
 * (a fallback must start at once; the load's timing is not what the audience is shown). */
export function rehearsalRunFile(r: Rehearsal): RunFile {
  return { ...makeRunFile(r.runs.map((run) => ({ ...run, load: [] })), rehearsalLabel(r)), prompts: r.prompts };
}

/** Reads a stored rehearsal back, or null when it is not one (storage is read as untrusted). */
export function parseRehearsal(data: unknown): Rehearsal | null {
  if (data === undefined || data === null) return null;
  const read = attempt(() => readRehearsal(new Reader('saved rehearsal'), data));
  return read.ok ? read.value : null;
}

function readRehearsal(r: Reader, data: unknown): Rehearsal {
  const d = r.obj(data, '');
  const prompts = r.list(d.prompts, 'prompts', 1_000, (p, path) => r.str(p, path, LIMITS.text), 1);
  return {
    recordedAt: r.date(d.recordedAt, 'recordedAt'),
    modelId: r.str(d.modelId, 'modelId'),
    adapter: readAdapter(r, d.adapter, 'adapter'),
    browser: r.str(d.browser, 'browser'),
    prompts,
    runs: r.list(d.runs, 'runs', prompts.length, (run, path) => readRun(r, run, path), prompts.length),
  };
}
