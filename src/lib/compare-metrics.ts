/**
 * The figures of a quantization comparison, computed from the data a comparison file holds, by
 * the UI and by `npm run compare` alike. Quality is measured against the reference variant (the
 * one with the most bits): free runs by their common token prefix, forced runs by top-1 agreement,
 * KL divergence over the reference's top-k (an approximation: the rest of the vocabulary is not
 * recorded) and the variant's perplexity on the reference's tokens.
 */
import type { ComparisonFile, ForcedTrace, ReferenceTrace, VariantResult } from '../shared/comparison';
import { quantOfModelId } from './quant';

export interface MeanSd {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  n: number;
}

/** Mean ± sample sd; null for no values. */
export function meanSd(values: readonly number[]): MeanSd | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

/** How many tokens two replies share from their start. */
export function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** Normalised probabilities from log-probabilities over one set of tokens. */
function renormalised(logprobs: readonly number[]): number[] {
  const max = Math.max(...logprobs);
  const weights = logprobs.map((l) => Math.exp(l - max));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * KL(P‖Q) in nats, P the reference's and Q the candidate's distribution, both restricted to the
 * reference's top-k tokens and renormalised over them. 0 when they agree there.
 */
export function klOverTopK(refLogprobs: readonly number[], candLogprobs: readonly number[]): number {
  if (refLogprobs.length !== candLogprobs.length || refLogprobs.length === 0) throw new Error('top-k sets differ');
  const p = renormalised(refLogprobs);
  const q = renormalised(candLogprobs);
  let kl = 0;
  p.forEach((pi, i) => {
    if (pi > 0) kl += pi * Math.log(pi / Math.max(q[i]!, Number.MIN_VALUE));
  });
  return Math.max(0, kl);
}

export interface ForcedFigures {
  steps: number;
  /** Share of steps where the candidate's most likely token is the reference's token (0..1). */
  top1Agreement: number;
  /** Mean KL over the steps, in nats. */
  klMean: number;
  /** exp(−mean log p(reference token)). */
  perplexity: number;
}

/** Forced figures of one variant over every prompt it has a trace for. */
export function forcedFigures(forced: readonly ForcedTrace[], reference: readonly ReferenceTrace[], refLogprobsOf: (prompt: string, step: number) => number[]): ForcedFigures | null {
  const refByPrompt = new Map(reference.map((t) => [t.prompt, t]));
  let steps = 0;
  let agree = 0;
  let kl = 0;
  let logp = 0;
  for (const trace of forced) {
    const ref = refByPrompt.get(trace.prompt);
    if (!ref) continue;
    trace.top1.forEach((top, i) => {
      steps++;
      if (top === ref.topIds[i]![0]) agree++;
      kl += klOverTopK(refLogprobsOf(trace.prompt, i), trace.refLogprobs[i]!);
      logp += trace.tokenLogprobs[i]!;
    });
  }
  if (steps === 0) return null;
  return { steps, top1Agreement: agree / steps, klMean: kl / steps, perplexity: Math.exp(-logp / steps) };
}

export interface VariantRow {
  modelId: string;
  /** The quantization code, e.g. q4f16_1. */
  variant: string;
  reference: boolean;
  status: VariantResult['status'];
  error: string | null;
  prompts: number;
  /** web-llm's decode tok/s, and the app's own from its chunk times (when the file has them). */
  decode: MeanSd | null;
  appDecode: MeanSd | null;
  prefill: MeanSd | null;
  ttftMs: MeanSd | null;
  loadMs: number | null;
  cached: boolean | null;
  downloadMB: number | null;
  webllmVramMB: number | null;
  peakGpuMB: number | null;
  forced: ForcedFigures | null;
  /** Free runs: mean common prefix with the reference's reply (tokens), and identical replies. */
  commonPrefixMean: number | null;
  identicalReplies: number;
  comparedReplies: number;
}

const quantOf = (modelId: string) => quantOfModelId(modelId) ?? modelId;

/** One row per variant, in the setup's order (the reference first). */
export function comparisonRows(file: ComparisonFile): VariantRow[] {
  const ref = file.variants[0]!;
  const reference = ref.reference ?? [];
  const refForced = new Map(ref.forced.map((t) => [t.prompt, t]));
  const refLogprobsOf = (prompt: string, step: number) => refForced.get(prompt)?.refLogprobs[step] ?? [];
  const refFree = new Map(ref.free.map((r) => [r.prompt, r.tokens]));
  return file.variants.map((v, i) => {
    const pairs = v.free.flatMap((r) => {
      const other = refFree.get(r.prompt);
      return other ? [[r.tokens, other] as const] : [];
    });
    const prefixes = pairs.map(([a, b]) => commonPrefix(a, b));
    return {
      modelId: v.modelId,
      variant: quantOf(v.modelId),
      reference: i === 0,
      status: v.status,
      error: v.error?.title ?? null,
      prompts: new Set(v.speed.map((s) => s.prompt)).size,
      decode: meanSd(v.speed.map((s) => s.usage.extra.decode_tokens_per_s)),
      appDecode: meanSd(v.speed.flatMap((s) => (s.app ? [s.app.extra.decode_tokens_per_s] : []))),
      prefill: meanSd(v.speed.map((s) => s.usage.extra.prefill_tokens_per_s)),
      ttftMs: meanSd(v.speed.map((s) => s.usage.extra.time_to_first_token_s * 1000)),
      loadMs: v.load?.ms ?? null,
      cached: v.load?.cached ?? null,
      downloadMB: v.downloadMB,
      webllmVramMB: v.webllmVramMB,
      peakGpuMB: v.peakGpuBytes === null ? null : v.peakGpuBytes / 2 ** 20,
      forced: ref.status === 'done' ? forcedFigures(v.forced, reference, refLogprobsOf) : null,
      commonPrefixMean: meanSd(prefixes)?.mean ?? null,
      identicalReplies: pairs.filter(([a, b]) => a.length === b.length && commonPrefix(a, b) === a.length).length,
      comparedReplies: pairs.length,
    };
  });
}
