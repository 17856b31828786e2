/**
 * Reads a comparison file, which is untrusted input (an import, a saved result, a replay, the CLI):
 * every field a figure is computed from is checked for type and plausibility, every trace must line
 * up with the reference's, and only known fields are copied, so that a damaged or mismatched file is
 * refused with a message saying what is wrong rather than shown as figures or crashing a view.
 */
import {
  COMPARISON_FORMAT,
  COMPARISON_VERSION,
  type ComparisonFile,
  type ComparisonSetup,
  type ForcedTrace,
  type ReferenceTrace,
  type VariantResult,
} from './comparison';
import type { AppError, ErrorAction, ErrorCode } from './errors';
import { readAdapter, readUsage } from './run-file';
import { RUN_ENGINES } from './runs';
import { LIMITS, Reader } from './untrusted';
import type { VocabularyInfo } from './vocabulary';

const MAX_VARIANTS = 16;
const MAX_PROMPTS = 1_000;
const MAX_SAMPLES = 100_000;

function readSetup(r: Reader, v: unknown): ComparisonSetup {
  const s = r.obj(v, 'setup');
  const prompts = r.list(s.prompts, 'setup.prompts', MAX_PROMPTS, (p, path) => {
    const o = r.obj(p, path);
    return { id: r.str(o.id, `${path}.id`), text: r.str(o.text, `${path}.text`, LIMITS.text) };
  }, 1);
  const ids = new Set(prompts.map((p) => p.id));
  if (ids.size !== prompts.length) r.fail('setup.prompts', 'two prompts share an id');
  return {
    model: r.str(s.model, 'setup.model'),
    variants: r.list(s.variants, 'setup.variants', MAX_VARIANTS, (m, path) => r.str(m, path), 2),
    prompts,
    maxTokens: r.int(s.maxTokens, 'setup.maxTokens', 1, 1_000_000),
    repetitions: r.int(s.repetitions, 'setup.repetitions', 1, 10_000),
    seed: r.int(s.seed, 'setup.seed', -(2 ** 53), 2 ** 53),
    topK: r.int(s.topK, 'setup.topK', 1, 1_000),
  };
}

function readError(r: Reader, v: unknown, path: string): AppError {
  const e = r.obj(v, path);
  const detail = r.optStr(e.detail, `${path}.detail`, LIMITS.text);
  return {
    code: r.str(e.code, `${path}.code`) as ErrorCode,
    title: r.str(e.title, `${path}.title`),
    message: r.str(e.message, `${path}.message`, LIMITS.text),
    action: 'none' satisfies ErrorAction,
    ...(detail === undefined ? {} : { detail }),
  };
}

function readVocabulary(r: Reader, v: unknown, path: string): VocabularyInfo {
  const o = r.obj(v, path);
  const hash = r.str(o.hash, `${path}.hash`, 64);
  if (!/^[0-9a-f]+$/.test(hash)) r.fail(`${path}.hash`, 'should be hexadecimal digits');
  return { size: r.int(o.size, `${path}.size`, 1, LIMITS.tokenId + 1), hash };
}

/** The reference's top-k at each step: 1…topK token ids, most likely first. */
function readReference(r: Reader, v: unknown, path: string, setup: ComparisonSetup, prompts: Set<string>): ReferenceTrace[] {
  return r.list(v, path, MAX_PROMPTS, (t, p) => {
    const o = r.obj(t, p);
    const prompt = r.str(o.prompt, `${p}.prompt`);
    if (!prompts.has(prompt)) r.fail(`${p}.prompt`, `"${prompt}" is not a prompt of the setup`);
    const topIds = r.list(o.topIds, `${p}.topIds`, setup.maxTokens, (step, sp) => r.ints(step, sp, setup.topK, 0, LIMITS.tokenId));
    topIds.forEach((ids, i) => {
      if (ids.length === 0) r.fail(`${p}.topIds[${i}]`, 'a step with no token: the reference must record at least its chosen one');
    });
    return { prompt, topIds };
  });
}

/** A forced trace lines up with the reference's: one entry per step, a log-probability per top-k id. */
function readForced(r: Reader, v: unknown, path: string, reference: Map<string, ReferenceTrace> | null): ForcedTrace {
  const o = r.obj(v, path);
  const prompt = r.str(o.prompt, `${path}.prompt`);
  const ref = reference?.get(prompt);
  if (reference && !ref) r.fail(`${path}.prompt`, `forced on "${prompt}", which the reference has no trace for`);
  const steps = ref?.topIds.length ?? LIMITS.reply;
  const trace = {
    prompt,
    top1: r.ints(o.top1, `${path}.top1`, steps, 0, LIMITS.tokenId),
    tokenLogprobs: r.logprobs(o.tokenLogprobs, `${path}.tokenLogprobs`, steps),
    refLogprobs: r.list(o.refLogprobs, `${path}.refLogprobs`, steps, (lp, p) => r.logprobs(lp, p, LIMITS.tokenId)),
  };
  if (ref) {
    for (const key of ['top1', 'tokenLogprobs', 'refLogprobs'] as const) {
      if (trace[key].length !== steps) r.fail(`${path}.${key}`, `has ${trace[key].length} steps, the reference's trace for "${prompt}" ${steps}`);
    }
    trace.refLogprobs.forEach((lp, i) => {
      if (lp.length !== ref.topIds[i]!.length) r.fail(`${path}.refLogprobs[${i}]`, `has ${lp.length} log-probabilities for the reference's ${ref.topIds[i]!.length} top-k tokens`);
    });
  }
  return trace;
}

function readVariant(r: Reader, v: unknown, i: number, setup: ComparisonSetup, reference: Map<string, ReferenceTrace> | null): VariantResult {
  const path = `variants[${i}]`;
  const o = r.obj(v, path);
  const prompts = new Set(setup.prompts.map((p) => p.id));
  const inSetup = (p: unknown, where: string) => {
    const id = r.str(p, where);
    if (!prompts.has(id)) r.fail(where, `"${id}" is not a prompt of the setup`);
    return id;
  };
  const modelId = r.str(o.modelId, `${path}.modelId`);
  if (modelId !== setup.variants[i]) r.fail(`${path}.modelId`, `is ${modelId}, the setup says ${setup.variants[i]}`);
  const mb = (key: 'downloadMB' | 'webllmVramMB') => r.nullable(o[key], (n) => r.num(n, `${path}.${key}`, 0, 1e8));
  const error = o.error === undefined ? undefined : readError(r, o.error, `${path}.error`);
  const skipped = r.optStr(o.qualitySkipped, `${path}.qualitySkipped`, LIMITS.text);
  return {
    modelId,
    ...(o.engine === undefined ? {} : { engine: r.oneOf(o.engine, `${path}.engine`, RUN_ENGINES) }),
    ...(o.vocabulary === undefined ? {} : { vocabulary: r.nullable(o.vocabulary, (x) => readVocabulary(r, x, `${path}.vocabulary`)) }),
    ...(skipped === undefined ? {} : { qualitySkipped: skipped }),
    status: r.oneOf(o.status, `${path}.status`, ['done', 'failed', 'cancelled'] as const),
    ...(error ? { error } : {}),
    load: r.nullable(o.load, (l) => {
      const load = r.obj(l, `${path}.load`);
      return { ms: r.num(load.ms, `${path}.load.ms`, 0, LIMITS.dayMs), cached: r.bool(load.cached, `${path}.load.cached`) };
    }),
    downloadMB: mb('downloadMB'),
    webllmVramMB: mb('webllmVramMB'),
    peakGpuBytes: r.nullable(o.peakGpuBytes, (n) => r.num(n, `${path}.peakGpuBytes`, 0, 1e14)),
    speed: r.list(o.speed, `${path}.speed`, MAX_SAMPLES, (s, p) => {
      const sample = r.obj(s, p);
      return {
        prompt: inSetup(sample.prompt, `${p}.prompt`),
        rep: r.int(sample.rep, `${p}.rep`, 0, setup.repetitions),
        usage: readUsage(r, sample.usage, `${p}.usage`),
        ...(sample.app === undefined ? {} : { app: readUsage(r, sample.app, `${p}.app`) }),
      };
    }),
    free: r.list(o.free, `${path}.free`, MAX_SAMPLES, (f, p) => {
      const reply = r.obj(f, p);
      return { prompt: inSetup(reply.prompt, `${p}.prompt`), tokens: r.ints(reply.tokens, `${p}.tokens`, setup.maxTokens, 0, LIMITS.tokenId), text: r.str(reply.text, `${p}.text`, LIMITS.reply) };
    }),
    forced: r.list(o.forced, `${path}.forced`, MAX_PROMPTS, (t, p) => readForced(r, t, p, reference)),
  };
}

/** Validates a comparison; throws an InvalidData naming the first problem. */
export function parseComparisonFile(data: unknown): ComparisonFile {
  const r = new Reader('comparison file');
  const d = r.obj(data, '');
  if (d.format !== COMPARISON_FORMAT) r.fail('format', `should be "${COMPARISON_FORMAT}" (a comparison exported from Compare)`);
  if (d.version !== COMPARISON_VERSION) r.fail('version', `version ${String(d.version).slice(0, 20)} is not one this app reads (${COMPARISON_VERSION})`);
  const setup = readSetup(r, d.setup);
  const raw = r.arr(d.variants, 'variants', setup.variants.length, setup.variants.length);
  const env = r.obj(d.environment, 'environment');
  const first = r.obj(raw[0], 'variants[0]');
  // The reference's own trace is what every other variant's forced trace is measured against.
  const reference = first.status === 'done' ? readReference(r, first.reference, 'variants[0].reference', setup, new Set(setup.prompts.map((p) => p.id))) : null;
  const refMap = reference ? new Map(reference.map((t) => [t.prompt, t])) : null;
  const variants = raw.map((v, i) => readVariant(r, v, i, setup, refMap));
  if (reference) {
    variants[0]!.reference = reference;
    // KL needs the reference's own log-probabilities at each step: its forced trace must cover every prompt another variant was forced on.
    const own = new Set(variants[0]!.forced.map((t) => t.prompt));
    variants.forEach((v, i) =>
      v.forced.forEach((t, j) => {
        if (!own.has(t.prompt)) r.fail(`variants[${i}].forced[${j}]`, `forced on "${t.prompt}", for which the reference has no forced trace of its own`);
      }),
    );
  }
  const note = r.optStr(d.note, 'note', LIMITS.text);
  return {
    format: COMPARISON_FORMAT,
    version: COMPARISON_VERSION,
    exportedAt: r.date(d.exportedAt, 'exportedAt'),
    source: r.oneOf(d.source, 'source', ['measured', 'replayed'] as const),
    synthetic: d.synthetic === true,
    ...(note === undefined ? {} : { note }),
    environment: {
      adapter: readAdapter(r, env.adapter, 'environment.adapter'),
      userAgent: r.str(env.userAgent, 'environment.userAgent', 2_000),
      webllmVersion: r.nullable(env.webllmVersion, (w) => r.str(w, 'environment.webllmVersion')),
      ...(env.engine === undefined ? {} : { engine: r.oneOf(env.engine, 'environment.engine', RUN_ENGINES) }),
    },
    setup,
    variants,
  };
}
