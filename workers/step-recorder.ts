/**
 * A web-llm LogitProcessor for quantization comparisons: at each decode step it sees the full
 * logits (web-llm copies them to the CPU while one is registered), records what the comparison
 * needs, and either lets the step through or forces the reference's token.
 * - Recording: the step's top-k token ids and log-probabilities; logits pass unchanged.
 * - Forcing along a path: the step's most likely token, the log-probability of the path's token,
 *   and the log-probabilities of the reference's top-k ids at that step; then every other token is
 *   set to -Infinity, so whatever the sampler does, the path's token is the one taken.
 * Log-probabilities are clamped at LOGPROB_FLOOR: a file must hold them, and JSON has no -Infinity.
 */
import type { LogitProcessor } from '@mlc-ai/web-llm';

export const LOGPROB_FLOOR = -1000;

/** log-softmax of `logits` into `out` (float64, so that a 150k-token vocabulary sums exactly enough). */
export function logSoftmax(logits: Float32Array, out = new Float64Array(logits.length)): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i]! - max);
  const logSum = max + Math.log(sum);
  for (let i = 0; i < logits.length; i++) out[i] = logits[i]! - logSum;
  return out;
}

/** Ids of the k largest values, largest first; ties go to the lower id (as an argmax sampler's). */
export function topK(values: ArrayLike<number>, k: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (ids.length === k && v <= values[ids[k - 1]!]!) continue;
    let at = ids.length;
    while (at > 0 && v > values[ids[at - 1]!]!) at--;
    ids.splice(at, 0, i);
    if (ids.length > k) ids.pop();
  }
  return ids;
}

const clamp = (lp: number) => Math.max(LOGPROB_FLOOR, lp);

export type StepPlan = { kind: 'record'; topK: number } | { kind: 'force'; path: readonly number[]; refTopIds: readonly (readonly number[])[] };

export interface RecordedSteps {
  /** Tokens the sampler took, one per step. */
  sampled: number[];
  /** Recording: log p of each sampled token. Forcing: log p of each path token. */
  tokenLogprobs: number[];
  /** Recording: each step's top-k ids and their log-probabilities. */
  topIds: number[][];
  topLogprobs: number[][];
  /** Forcing: each step's most likely token, and log p of the reference's top-k ids. */
  top1: number[];
  refLogprobs: number[][];
}

const empty = (): RecordedSteps => ({ sampled: [], topIds: [], topLogprobs: [], top1: [], tokenLogprobs: [], refLogprobs: [] });

export class StepRecorder implements LogitProcessor {
  private steps = empty();
  private scratch = new Float64Array(0);

  constructor(private plan: StepPlan) {}

  /** What the next generations do (web-llm keeps the processor a model was loaded with). */
  follow(plan: StepPlan): void {
    this.plan = plan;
    this.steps = empty();
  }

  processLogits(logits: Float32Array): Float32Array {
    if (this.scratch.length !== logits.length) this.scratch = new Float64Array(logits.length);
    const lp = logSoftmax(logits, this.scratch);
    const step = this.steps.top1.length + this.steps.topIds.length;
    if (this.plan.kind === 'record') {
      const ids = topK(lp, this.plan.topK);
      this.steps.topIds.push(ids);
      this.steps.topLogprobs.push(ids.map((id) => clamp(lp[id]!)));
      return logits;
    }
    const target = this.plan.path[step];
    if (target === undefined) return logits; // past the path: the request's max_tokens ends it here
    this.steps.top1.push(topK(lp, 1)[0]!);
    this.steps.tokenLogprobs.push(clamp(lp[target]!));
    this.steps.refLogprobs.push((this.plan.refTopIds[step] ?? []).map((id) => clamp(lp[id]!)));
    const forced = new Float32Array(logits.length).fill(Number.NEGATIVE_INFINITY);
    forced[target] = 0;
    return forced;
  }

  processSampledToken(token: number): void {
    this.steps.sampled.push(token);
    // Recording: the step's log-probabilities are still in the scratch buffer.
    if (this.plan.kind === 'record' && this.scratch.length > token) this.steps.tokenLogprobs.push(clamp(this.scratch[token]!));
  }

  resetState(): void {
    this.steps = empty();
  }

  /** What was recorded since the last reset (the processor starts afresh after). */
  take(): RecordedSteps {
    const steps = this.steps;
    this.steps = empty();
    return steps;
  }
}
