/**
 * The figures of a quantization comparison, computed from the data a comparison file holds, by
 * the UI and by `npm run compare` alike. Quality is measured against the reference variant (the
 * one with the most bits): free runs by their common token prefix, forced runs by top-1 agreement,
 * KL divergence over the reference's top-k (an approximation: the rest of the vocabulary is not
 * recorded) and the variant's perplexity on the reference's tokens.
 */
import type { ComparisonFile, ForcedTrace, ReferenceTrace, VariantResult } from '../shared/comparison';
import type { RunEngine } from '../shared/runs';
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

/** A per-step statistic as llama.cpp's `llama-perplexity --kl-divergence` summarises it. */
export interface Distribution {
  n: number;
  mean: number;
  /** Standard error of the mean: sample sd ÷ √n (0 for one value). */
  se: number;
  median: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** The value at quantile q of sorted values, interpolated linearly between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function distribution(values: readonly number[]): Distribution | null {
  const m = meanSd(values);
  if (!m) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: m.n,
    mean: m.mean,
    se: m.sd / Math.sqrt(m.n),
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    p999: quantile(sorted, 0.999),
    max: sorted[sorted.length - 1]!,
  };
}

export interface ForcedFigures {
  steps: number;
  /** Share of steps where the candidate's most likely token is the reference's token (0..1):
   * llama-perplexity's "same top p". */
  top1Agreement: number;
  /** Mean KL over the steps, in nats. */
  klMean: number;
  /** KL per step, summarised. */
  kld: Distribution;
  /** The probability the variant gives the reference's token minus the one the reference gives it:
   * mean and root mean square over the steps (null without the reference's own forced trace). */
  deltaP: { mean: number; rms: number } | null;
  /** exp(−mean log p(reference token)). */
  perplexity: number;
}

/** The reference's own forced pass: its log-probabilities of its top-k and of its token, per step. */
export interface ReferenceSteps {
  topLogprobs: (prompt: string, step: number) => number[];
  tokenLogprob: (prompt: string, step: number) => number | undefined;
}

/** Forced figures of one variant over every prompt it has a trace for. */
export function forcedFigures(forced: readonly ForcedTrace[], reference: readonly ReferenceTrace[], refSteps: ReferenceSteps): ForcedFigures | null {
  const refByPrompt = new Map(reference.map((t) => [t.prompt, t]));
  let agree = 0;
  let logp = 0;
  const kls: number[] = [];
  const deltas: number[] = [];
  for (const trace of forced) {
    const ref = refByPrompt.get(trace.prompt);
    if (!ref) continue;
    trace.top1.forEach((top, i) => {
      if (top === ref.topIds[i]![0]) agree++;
      kls.push(klOverTopK(refSteps.topLogprobs(trace.prompt, i), trace.refLogprobs[i]!));
      logp += trace.tokenLogprobs[i]!;
      const own = refSteps.tokenLogprob(trace.prompt, i);
      if (own !== undefined) deltas.push(Math.exp(trace.tokenLogprobs[i]!) - Math.exp(own));
    });
  }
  const kld = distribution(kls);
  if (!kld) return null;
  const steps = kld.n;
  const deltaP = deltas.length === steps ? { mean: deltas.reduce((a, b) => a + b, 0) / steps, rms: Math.sqrt(deltas.reduce((a, d) => a + d * d, 0) / steps) } : null;
  return { steps, top1Agreement: agree / steps, klMean: kld.mean, kld, deltaP, perplexity: Math.exp(-logp / steps) };
}

export interface VariantRow {
  modelId: string;
  /** The quantization code, e.g. q4f16_1. */
  variant: string;
  /** The engine that ran it. */
  engine: RunEngine;
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
  /** Why its quality was not measured against the reference (another vocabulary or chat template). */
  qualitySkipped: string | null;
  /** PPL(Q) ÷ PPL(base), the reference's perplexity on its own tokens being PPL(base). */
  pplRatio: number | null;
  /** Free runs: mean common prefix with the reference's reply (tokens), and identical replies. */
  commonPrefixMean: number | null;
  identicalReplies: number;
  comparedReplies: number;
}

/** A variant's short name: web-llm's quantization code ("q4f16_1"), or an ONNX build's ("int8" of
 * "Qwen3-MoE-Tiny-int8-ONNX"); the whole id otherwise. */
export const quantOf = (modelId: string) => quantOfModelId(modelId) ?? /-([a-z0-9_]+)-ONNX$/.exec(modelId)?.[1] ?? modelId;

/** The engine that ran a variant: its own word, else the file's (files from before the ONNX engine: web-llm). */
export const engineOfVariant = (file: ComparisonFile, v: VariantResult): RunEngine => v.engine ?? file.environment.engine ?? 'web-llm';

/** One row per variant, in the setup's order (the reference first). */
export function comparisonRows(file: ComparisonFile): VariantRow[] {
  const ref = file.variants[0]!;
  const reference = ref.reference ?? [];
  const refForced = new Map(ref.forced.map((t) => [t.prompt, t]));
  const refSteps: ReferenceSteps = {
    topLogprobs: (prompt, step) => refForced.get(prompt)?.refLogprobs[step] ?? [],
    tokenLogprob: (prompt, step) => refForced.get(prompt)?.tokenLogprobs[step],
  };
  const refFree = new Map(ref.free.map((r) => [r.prompt, r.tokens]));
  const rows = file.variants.map((v, i) => {
    // Token ids of another vocabulary are not the reference's tokens: free replies are not compared either.
    const pairs = v.qualitySkipped ? [] : v.free.flatMap((r) => {
      const other = refFree.get(r.prompt);
      return other ? [[r.tokens, other] as const] : [];
    });
    const prefixes = pairs.map(([a, b]) => commonPrefix(a, b));
    return {
      modelId: v.modelId,
      variant: quantOf(v.modelId),
      engine: engineOfVariant(file, v),
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
      forced: ref.status === 'done' && !v.qualitySkipped ? forcedFigures(v.forced, reference, refSteps) : null,
      qualitySkipped: v.qualitySkipped ?? null,
      pplRatio: null as number | null,
      commonPrefixMean: meanSd(prefixes)?.mean ?? null,
      identicalReplies: pairs.filter(([a, b]) => a.length === b.length && commonPrefix(a, b) === a.length).length,
      comparedReplies: pairs.length,
    };
  });
  const base = rows[0]?.forced?.perplexity;
  for (const r of rows) if (r.forced && base) r.pplRatio = r.forced.perplexity / base;
  return rows;
}

/** One forced position of one prompt: how far the variant is from the reference there, and why. */
export interface ForcedStep {
  position: number;
  kl: number;
  /** The variant's most likely token is the reference's. */
  agree: boolean;
  /** The reference's top-k, most likely first, with its probabilities. */
  reference: { id: number; p: number }[];
  /** The variant's probabilities of the same tokens, its most likely first. */
  variant: { id: number; p: number }[];
  /** The variant's own most likely token (it may lie outside the reference's top-k). */
  variantTop1: number;
}

/** KL and the two top-k lists at each forced position of one prompt; null without the traces. */
export function forcedSteps(file: ComparisonFile, modelId: string, prompt: string): ForcedStep[] | null {
  const ref = file.variants[0];
  const refTrace = ref?.reference?.find((t) => t.prompt === prompt);
  const refOwn = ref?.forced.find((t) => t.prompt === prompt);
  const trace = file.variants.find((v) => v.modelId === modelId)?.forced.find((t) => t.prompt === prompt);
  if (!refTrace || !refOwn || !trace) return null;
  return trace.top1.map((top1, i) => {
    const ids = refTrace.topIds[i] ?? [];
    const refLp = refOwn.refLogprobs[i] ?? [];
    const candLp = trace.refLogprobs[i] ?? [];
    const list = (lps: readonly number[]) => ids.map((id, j) => ({ id, p: Math.exp(lps[j] ?? Number.NEGATIVE_INFINITY) }));
    return {
      position: i + 1,
      kl: klOverTopK(refLp, candLp),
      agree: top1 === ids[0],
      reference: list(refLp),
      variant: list(candLp).sort((a, b) => b.p - a.p),
      variantTop1: top1,
    };
  });
}
