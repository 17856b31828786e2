/**
 * A run is one generation, recorded as data: what was asked, on which model
 * and adapter, every chunk with its time, and web-llm's usage figures.
 * Runs are exported, imported and replayed.
 */
export const RUN_FILE_FORMAT = 'qwen-webgpu-runs';
export const RUN_FILE_VERSION = 1;

export interface RunChunk {
  /** Milliseconds since the request was sent. */
  t: number;
  text: string;
}

export interface LoadEvent {
  t: number;
  progress: number;
  text: string;
}

/** web-llm's `CompletionUsage`, kept field for field. */
export interface RunUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  extra: {
    e2e_latency_s: number;
    prefill_tokens_per_s: number;
    decode_tokens_per_s: number;
    time_to_first_token_s: number;
    time_per_output_token_s: number;
  };
}

export interface RunSettings {
  temperature: number;
  top_p: number;
  max_tokens: number;
  /** null when the model has no thinking switch. */
  thinking: boolean | null;
  systemPrompt: string;
}

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  isFallback: boolean;
  shaderF16: boolean;
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'error';

export interface Run {
  id: string;
  modelId: string;
  /** 'live' runs were measured by web-llm on this machine; 'replay' runs were played back. */
  source: 'live' | 'replay';
  /** Fixture runs made by a script, not by a model. */
  synthetic: boolean;
  /** For replays: the id of the run that was played back. */
  replayOf?: string;
  startedAt: string;
  settings: RunSettings;
  adapter: AdapterSummary | null;
  contextWindow: number | null;
  messageCount: number;
  load: LoadEvent[];
  chunks: RunChunk[];
  usage: RunUsage | null;
  finishReason: FinishReason;
}

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: typeof RUN_FILE_VERSION;
  exportedAt: string;
  synthetic?: boolean;
  note?: string;
  runs: Run[];
}

export function runText(run: Pick<Run, 'chunks'>): string {
  return run.chunks.map((c) => c.text).join('');
}

/** Usage computed from a run's own chunk timings, in web-llm's shape. */
export function usageFromChunks(chunks: readonly RunChunk[], promptTokens: number, prefillMs?: number): RunUsage {
  const n = chunks.length;
  const first = chunks[0]?.t ?? 0;
  const last = chunks[n - 1]?.t ?? 0;
  const decodeS = (last - first) / 1000;
  const ttft = first / 1000;
  const prefillS = (prefillMs ?? first) / 1000;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: n,
    total_tokens: promptTokens + n,
    extra: {
      e2e_latency_s: last / 1000,
      prefill_tokens_per_s: prefillS > 0 ? promptTokens / prefillS : 0,
      decode_tokens_per_s: decodeS > 0 && n > 1 ? (n - 1) / decodeS : 0,
      time_to_first_token_s: ttft,
      time_per_output_token_s: n > 1 ? decodeS / (n - 1) : 0,
    },
  };
}

export function makeRunFile(runs: Run[], note?: string): RunFile {
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    synthetic: runs.length > 0 && runs.every((r) => r.synthetic),
    ...(note ? { note } : {}),
    runs,
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

function checkRun(r: unknown, i: number): Run {
  const fail = (what: string): never => {
    throw new Error(`run ${i}: ${what}`);
  };
  if (!isObj(r)) return fail('not an object');
  if (!str(r.id) || !str(r.modelId)) fail('missing id or modelId');
  if (r.source !== 'live' && r.source !== 'replay') fail('source must be "live" or "replay"');
  if (!Array.isArray(r.chunks) || !r.chunks.every((c) => isObj(c) && num(c.t) && str(c.text))) fail('bad chunks');
  if (r.load !== undefined && !(Array.isArray(r.load) && r.load.every((e) => isObj(e) && num(e.t) && num(e.progress) && str(e.text))))
    fail('bad load events');
  if (!isObj(r.settings)) fail('missing settings');
  const u = r.usage;
  if (u !== null && u !== undefined && !(isObj(u) && num(u.completion_tokens) && isObj(u.extra) && num(u.extra.decode_tokens_per_s)))
    fail('bad usage');
  const run = r as unknown as Run;
  return { ...run, synthetic: r.synthetic === true, load: run.load ?? [], usage: run.usage ?? null, messageCount: num(r.messageCount) ? r.messageCount : 0 };
}

/** Validates an imported file; throws an Error saying what is wrong. */
export function parseRunFile(data: unknown): RunFile {
  if (!isObj(data) || data.format !== RUN_FILE_FORMAT) throw new Error(`not a ${RUN_FILE_FORMAT} file`);
  if (data.version !== RUN_FILE_VERSION) throw new Error(`unsupported version ${String(data.version)}`);
  if (!Array.isArray(data.runs)) throw new Error('no runs');
  const runs = data.runs.map(checkRun);
  return { ...(data as unknown as RunFile), synthetic: data.synthetic === true, runs };
}
