/**
 * Reads what IndexedDB gives back, as untrusted as an imported file: it may be damaged, or written
 * by another version of the app. Each part is checked on its own; what does not read falls back to
 * its default (a setting) or is left out (a run, a message, a custom model), and is named in
 * `problems` so that the app can say what it set aside instead of rendering it.
 */
import { readConversationList, type ConversationMeta } from '../lib/conversations';
import { checkUrl, customArchitecture, type CustomModel } from '../lib/custom-model';
import { parseOnnxQuant, parseQuant } from '../lib/quant';
import { DEFAULT_COMPARE_DRAFT, type CompareDraft } from '../lib/compare-url';
import { hardware } from '../lib/hardware';
import { parseMirrorUrl } from '../lib/mirror';
import { THIS_MACHINE } from '../lib/projection-basis';
import { RAM_KINDS } from '../lib/offload-setup';
import { parseRun } from '../shared/run-file';
import type { Run } from '../shared/runs';
import { LIMITS, problemLine } from '../shared/untrusted';
import { DEFAULT_PREFS, DEFAULT_SETTINGS } from './store';
import type { ChatEntry, PrefsSlice, SettingsSlice } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** What was set aside while reading, one line each. */
export type Problems = string[];

/** Runs as saved by any version of the app; one that no longer reads is left out, not the rest. */
export function readRuns(saved: unknown, problems: Problems): Run[] {
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((r, i) => {
    try {
      return [parseRun(r, i)];
    } catch (err) {
      problems.push(`a saved run (${problemLine(err)})`);
      return [];
    }
  });
}

const FINISH = new Set(['stop', 'length', 'abort', 'error', 'interrupted']);
const SOURCES = new Set(['measured', 'replayed']);

function isMessage(m: unknown): m is ChatEntry & { replayed?: boolean } {
  if (!isObj(m) || typeof m.id !== 'string' || (m.role !== 'user' && m.role !== 'assistant')) return false;
  if (typeof m.content !== 'string' || m.content.length > LIMITS.reply) return false;
  if (m.finishReason !== undefined && !FINISH.has(m.finishReason as string)) return false;
  return m.source === undefined || SOURCES.has(m.source as string);
}

/** Messages as saved by any version; replies saved before sources had one name said `replayed: true`
 * (or nothing, for measured ones). */
export function readMessages(saved: unknown, problems: Problems): ChatEntry[] {
  if (!Array.isArray(saved)) return [];
  const kept = saved.filter(isMessage);
  if (kept.length < saved.length) problems.push(`${saved.length - kept.length} message(s) of a conversation`);
  return kept.map((m) => {
    const { replayed, speed, ...whole } = m;
    // A speed that does not read is dropped, not the message.
    const rest = isObj(speed) && finiteIn(speed.decodeTps, 0, 1e6) && finiteIn(speed.tokens, 0, 1e7) ? { ...whole, speed } : whole;
    return m.role !== 'assistant' || m.source ? rest : { ...rest, source: replayed ? 'replayed' : 'measured' };
  });
}

export function readConversations(saved: unknown, problems: Problems): ConversationMeta[] {
  const list = readConversationList(saved);
  if (Array.isArray(saved) && list.length < saved.length) problems.push(`${saved.length - list.length} entry(ies) of the conversation list`);
  return list;
}

/** Settings field by field: one that does not read takes its default, the others stay. */
export function readSettings(saved: unknown, problems: Problems): SettingsSlice['settings'] {
  if (saved === undefined) return DEFAULT_SETTINGS;
  const s = isObj(saved) ? saved : {};
  const valid: Record<Exclude<keyof typeof DEFAULT_SETTINGS, 'seed'>, (v: unknown) => boolean> = {
    systemPrompt: (v) => typeof v === 'string' && v.length <= LIMITS.text,
    temperature: (v) => finiteIn(v, 0, 2),
    top_p: (v) => finiteIn(v, 0, 1),
    max_tokens: (v) => finiteIn(v, 1, 10_000_000) && Number.isInteger(v),
    thinking: (v) => typeof v === 'boolean' || v === null,
  };
  const out: Obj = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(valid) as (keyof typeof valid)[]) {
    if (s[key] === undefined) continue;
    if (valid[key](s[key])) out[key] = s[key];
    else problems.push(`the setting ${key}`);
  }
  return out as unknown as SettingsSlice['settings'];
}

type Prefs = PrefsSlice['prefs'];

/** An MLC build has a library and an MLC quantization; an ONNX build neither library nor more
 * than a dtype the app knows. */
const customModelReads = (c: unknown): c is CustomModel =>
  isObj(c) &&
  typeof c.id === 'string' &&
  (c.engine === undefined || c.engine === 'onnx') &&
  checkUrl(String(c.model), 'URL').ok &&
  (c.engine === 'onnx' ? c.modelLib === '' && parseOnnxQuant(String(c.quant)) !== null : checkUrl(String(c.modelLib), 'URL').ok && parseQuant(String(c.quant)) !== null) &&
  isObj(c.modelConfig) &&
  customArchitecture(c as unknown as CustomModel) !== null;

const PREF_READERS: { [K in keyof Prefs]: (v: unknown) => Prefs[K] | undefined } = {
  gpuMemoryGB: (v) => (v === null ? null : finiteIn(v, 0.1, 100_000) ? v : undefined),
  hardware: (v) => (v === THIS_MACHINE || (typeof v === 'string' && hardware(v) !== null) ? v : undefined),
  overflow: (v) => (v === 'rolling' || v === 'stop' ? v : undefined),
  charsPerToken: (v) => (isObj(v) && Object.values(v).every((x) => finiteIn(x, 0.1, 100)) ? (v as Record<string, number>) : undefined),
  script: (v) => (Array.isArray(v) && v.length <= 1_000 && v.every((p) => typeof p === 'string' && p.length <= LIMITS.text) ? v : undefined),
  customModels: (v) => (Array.isArray(v) ? v.filter(customModelReads) : undefined),
  mirror: (v) => (v === null ? null : typeof v === 'string' && parseMirrorUrl(v, 'http:').ok ? v : undefined),
  panels: (v) => (isObj(v) && Object.values(v).every((x) => typeof x === 'boolean') ? (v as Prefs['panels']) : undefined),
  offload: (v) =>
    isObj(v) &&
    finiteIn(v.gpuGB, 1, 1024) &&
    (v.gpuGBs === null || finiteIn(v.gpuGBs, 1, 100_000)) &&
    (v.ram === 'measured' || RAM_KINDS.some((k) => k.id === v.ram)) &&
    (v.measuredRamGBs === null || finiteIn(v.measuredRamGBs, 0.1, 100_000))
      ? { gpuGB: v.gpuGB as number, gpuGBs: v.gpuGBs as number | null, ram: v.ram as string, measuredRamGBs: v.measuredRamGBs as number | null }
      : undefined,
};

/** Preferences field by field; a custom model that no longer reads as one (its config, its URLs) is left out. */
export function readPrefs(saved: unknown, problems: Problems): Prefs {
  if (!isObj(saved)) return DEFAULT_PREFS;
  const out: Obj = { ...DEFAULT_PREFS };
  for (const key of Object.keys(PREF_READERS) as (keyof Prefs)[]) {
    if (saved[key] === undefined) continue;
    const read = PREF_READERS[key](saved[key]);
    if (read === undefined) problems.push(`the preference ${key}`);
    else out[key] = read;
    if (key === 'customModels' && Array.isArray(saved[key]) && Array.isArray(read) && read.length < saved[key].length) problems.push(`${saved[key].length - read.length} custom model(s)`);
  }
  return out as unknown as Prefs;
}

const names = (v: unknown) => Array.isArray(v) && v.length <= 64 && v.every((x) => typeof x === 'string' && x.length <= LIMITS.name);
const DRAFT_CHECKS: { [K in keyof CompareDraft]: (v: unknown) => boolean } = {
  model: (v) => typeof v === 'string' && v.length <= LIMITS.name,
  quants: names,
  builtIn: names,
  ownPrompts: (v) => typeof v === 'string' && v.length <= LIMITS.text,
  maxTokens: (v) => finiteIn(v, 1, 1_000_000) && Number.isInteger(v),
  repetitions: (v) => finiteIn(v, 1, 10_000) && Number.isInteger(v),
  seed: (v) => finiteIn(v, -(2 ** 53), 2 ** 53) && Number.isInteger(v),
};

/** The comparison's saved setup field by field; a field that does not read takes its default. */
export function readCompareDraft(saved: unknown): CompareDraft {
  const s = isObj(saved) ? saved : {};
  const out: Obj = { ...DEFAULT_COMPARE_DRAFT };
  for (const key of Object.keys(DRAFT_CHECKS) as (keyof CompareDraft)[]) if (DRAFT_CHECKS[key](s[key])) out[key] = s[key];
  return out as unknown as CompareDraft;
}
