/**
 * Reads run files and saved runs, which are untrusted: every field the chat, the replay engine, the
 * runs panel and the rehearsal read is checked (types, plausible ranges, chunk times in order) and
 * copied into a new object, so that nothing else in the file travels on.
 */
import { LIMITS, Reader } from './untrusted';
import { RUN_ENGINES, RUN_FILE_FORMAT, RUN_FILE_VERSION, type AdapterSummary, type FinishReason, type Run, type RunFile, type RunSettings, type RunUsage } from './runs';
import type { RunSource } from './provenance';

/** Version 1 files spelled a run's source 'live' / 'replay'; they are read as measured / replayed. */
const LEGACY_SOURCE: Record<string, RunSource> = { live: 'measured', replay: 'replayed' };
const FINISH: readonly FinishReason[] = ['stop', 'length', 'abort', 'error'];
/** Runs per file, chunks per run: far beyond any real export, short of a file that would stall the page. */
const MAX_RUNS = 10_000;
const MAX_CHUNKS = 1_000_000;

export function readAdapter(r: Reader, v: unknown, path: string): AdapterSummary | null {
  if (v === null || v === undefined) return null;
  const a = r.obj(v, path);
  return {
    vendor: r.str(a.vendor, `${path}.vendor`),
    architecture: r.str(a.architecture, `${path}.architecture`),
    description: r.str(a.description, `${path}.description`),
    isFallback: r.bool(a.isFallback, `${path}.isFallback`),
    shaderF16: r.bool(a.shaderF16, `${path}.shaderF16`),
  };
}

/** web-llm's usage: counts of tokens, and rates and durations no GPU could beat or a reply outlast. */
export function readUsage(r: Reader, v: unknown, path: string): RunUsage {
  const u = r.obj(v, path);
  const e = r.obj(u.extra, `${path}.extra`);
  const count = (key: 'prompt_tokens' | 'completion_tokens' | 'total_tokens') => r.int(u[key], `${path}.${key}`, 0, 100_000_000);
  const rate = (key: 'prefill_tokens_per_s' | 'decode_tokens_per_s') => r.num(e[key], `${path}.extra.${key}`, 0, LIMITS.tokPerS);
  const secs = (key: 'e2e_latency_s' | 'time_to_first_token_s' | 'time_per_output_token_s') => r.num(e[key], `${path}.extra.${key}`, 0, LIMITS.dayS);
  return {
    prompt_tokens: count('prompt_tokens'),
    completion_tokens: count('completion_tokens'),
    total_tokens: count('total_tokens'),
    extra: {
      e2e_latency_s: secs('e2e_latency_s'),
      prefill_tokens_per_s: rate('prefill_tokens_per_s'),
      decode_tokens_per_s: rate('decode_tokens_per_s'),
      time_to_first_token_s: secs('time_to_first_token_s'),
      time_per_output_token_s: secs('time_per_output_token_s'),
    },
  };
}

function readSettings(r: Reader, v: unknown, path: string): RunSettings {
  const s = r.obj(v, path);
  return {
    temperature: r.num(s.temperature, `${path}.temperature`, 0, 2),
    top_p: r.num(s.top_p, `${path}.top_p`, 0, 1),
    max_tokens: r.int(s.max_tokens, `${path}.max_tokens`, 1, 10_000_000),
    thinking: s.thinking === null || s.thinking === undefined ? null : r.bool(s.thinking, `${path}.thinking`),
    systemPrompt: r.str(s.systemPrompt ?? '', `${path}.systemPrompt`, LIMITS.text),
    ...(s.seed === undefined ? {} : { seed: r.int(s.seed, `${path}.seed`, -(2 ** 53), 2 ** 53) }),
  };
}

/** Chunk times in milliseconds since the request, in order, none past a day. */
function readChunks(r: Reader, v: unknown, path: string): Run['chunks'] {
  const a = r.arr(v, path, MAX_CHUNKS);
  const chunks: Run['chunks'] = new Array(a.length);
  let last = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a[i] as { t?: unknown; text?: unknown } | null;
    const t = c?.t;
    if (typeof c !== 'object' || c === null || typeof t !== 'number' || !(t >= last && t <= LIMITS.dayMs) || typeof c.text !== 'string' || c.text.length > LIMITS.text) {
      r.obj(c, `${path}[${i}]`);
      r.str(c!.text, `${path}[${i}].text`, LIMITS.text);
      r.num(t, `${path}[${i}].t`, last, LIMITS.dayMs);
    }
    chunks[i] = { t: t as number, text: c!.text as string };
    last = t as number;
  }
  return chunks;
}

/** One run (the i-th of a file, for the message), reading version 1's spelling of its source. */
export function readRun(r: Reader, v: unknown, path: string): Run {
  const o = r.obj(v, path);
  const legacy = LEGACY_SOURCE[String(o.source)];
  const source = legacy ?? r.oneOf(o.source, `${path}.source`, ['measured', 'replayed'] as const);
  const replayOf = r.optStr(o.replayOf, `${path}.replayOf`);
  const engine = o.engine === undefined ? undefined : r.oneOf(o.engine, `${path}.engine`, RUN_ENGINES);
  return {
    id: r.str(o.id, `${path}.id`),
    modelId: r.str(o.modelId, `${path}.modelId`),
    source,
    synthetic: o.synthetic === true,
    ...(replayOf === undefined ? {} : { replayOf }),
    ...(engine === undefined ? {} : { engine }),
    startedAt: r.date(o.startedAt, `${path}.startedAt`),
    settings: readSettings(r, o.settings, `${path}.settings`),
    adapter: readAdapter(r, o.adapter, `${path}.adapter`),
    contextWindow: r.nullable(o.contextWindow, (w) => r.int(w, `${path}.contextWindow`, 1, 100_000_000)),
    messageCount: o.messageCount === undefined ? 0 : r.int(o.messageCount, `${path}.messageCount`, 0, 10_000_000),
    load:
      o.load === undefined
        ? []
        : r.list(o.load, `${path}.load`, 100_000, (e, p) => {
            const ev = r.obj(e, p);
            return { t: r.num(ev.t, `${p}.t`, 0, LIMITS.dayMs), progress: r.num(ev.progress, `${p}.progress`, 0, 1), text: r.str(ev.text, `${p}.text`, LIMITS.text) };
          }),
    chunks: readChunks(r, o.chunks, `${path}.chunks`),
    usage: r.nullable(o.usage, (u) => readUsage(r, u, `${path}.usage`)),
    finishReason: o.finishReason === undefined ? 'stop' : r.oneOf(o.finishReason, `${path}.finishReason`, FINISH),
  };
}

const runReader = new Reader('run');

/** One saved or imported run; throws an InvalidData saying what is wrong. */
export function parseRun(v: unknown, i: number): Run {
  return readRun(runReader, v, `run ${i}`);
}

/** Validates an imported run file; throws an InvalidData saying what is wrong. */
export function parseRunFile(data: unknown): RunFile {
  const r = new Reader('run file');
  const d = r.obj(data, '');
  if (d.format !== RUN_FILE_FORMAT) r.fail('format', `should be "${RUN_FILE_FORMAT}" (an export of the Runs panel)`);
  if (d.version !== RUN_FILE_VERSION && d.version !== 1) r.fail('version', `version ${String(d.version).slice(0, 20)} is not one this app reads (1 or ${RUN_FILE_VERSION})`);
  const runs = r.list(d.runs, 'runs', MAX_RUNS, (v, p) => readRun(r, v, p));
  const prompts = d.prompts === undefined ? undefined : r.list(d.prompts, 'prompts', runs.length, (p, path) => r.str(p, path, LIMITS.text), runs.length);
  const note = r.optStr(d.note, 'note', LIMITS.text);
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    exportedAt: d.exportedAt === undefined ? new Date(0).toISOString() : r.date(d.exportedAt, 'exportedAt'),
    synthetic: d.synthetic === true,
    ...(note === undefined ? {} : { note }),
    runs,
    ...(prompts === undefined ? {} : { prompts }),
  };
}
