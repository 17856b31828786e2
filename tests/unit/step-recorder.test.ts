import { describe, expect, it } from 'vitest';
import { LOGPROB_FLOOR, StepRecorder, logSoftmax, topK } from '../../workers/step-recorder';

const ln = Math.log;
/** Logits whose softmax is exactly `probs` (up to float32 rounding of the logits). */
const logitsOf = (probs: number[], shift = 3) => Float32Array.from(probs.map((p) => ln(p) + shift));
const argmax = (a: Float32Array) => a.indexOf(Math.max(...a));

describe('log-softmax and top-k', () => {
  it('turns logits into log-probabilities, whatever their offset', () => {
    const lp = logSoftmax(logitsOf([0.1, 0.2, 0.3, 0.4], 17));
    [0.1, 0.2, 0.3, 0.4].forEach((p, i) => expect(lp[i]).toBeCloseTo(ln(p), 6));
  });

  it('takes the k largest, largest first, ties to the lower id', () => {
    expect(topK([0.1, 0.4, 0.2, 0.4, 0.3], 3)).toEqual([1, 3, 4]);
    expect(topK([5, 1], 4)).toEqual([0, 1]);
  });
});

describe('StepRecorder', () => {
  it('recording: passes the logits through and keeps each step’s top-k', () => {
    const rec = new StepRecorder({ kind: 'record', topK: 2 });
    const logits = logitsOf([0.1, 0.2, 0.3, 0.4]);
    expect(rec.processLogits(logits)).toBe(logits);
    rec.processSampledToken(3);
    const steps = rec.take();
    expect(steps.topIds).toEqual([[3, 2]]);
    expect(steps.topLogprobs[0]![0]).toBeCloseTo(ln(0.4), 6);
    expect(steps.topLogprobs[0]![1]).toBeCloseTo(ln(0.3), 6);
    expect(steps.sampled).toEqual([3]);
    expect(steps.tokenLogprobs[0]).toBeCloseTo(ln(0.4), 6);
    expect(rec.take().topIds).toEqual([]);
  });

  it('forcing: records the step, then leaves only the path’s token to sample', () => {
    const rec = new StepRecorder({ kind: 'force', path: [1, 0], refTopIds: [[3, 2], [0, 2]] });
    const out0 = rec.processLogits(logitsOf([0.1, 0.2, 0.3, 0.4]));
    expect(argmax(out0)).toBe(1);
    expect([...out0].filter(Number.isFinite)).toHaveLength(1);
    rec.processSampledToken(1);
    const out1 = rec.processLogits(logitsOf([0.5, 0.25, 0.25]));
    expect(argmax(out1)).toBe(0);
    rec.processSampledToken(0);
    // Past the path: untouched (the request's max_tokens is the path's length).
    const past = logitsOf([0.5, 0.5]);
    expect(rec.processLogits(past)).toBe(past);
    const steps = rec.take();
    expect(steps.top1).toEqual([3, 0]);
    expect(steps.tokenLogprobs[0]).toBeCloseTo(ln(0.2), 6);
    expect(steps.tokenLogprobs[1]).toBeCloseTo(ln(0.5), 6);
    expect(steps.refLogprobs[0]!.map((x) => x.toFixed(5))).toEqual([ln(0.4), ln(0.3)].map((x) => x.toFixed(5)));
    expect(steps.refLogprobs[1]!.map((x) => x.toFixed(5))).toEqual([ln(0.5), ln(0.25)].map((x) => x.toFixed(5)));
    expect(steps.sampled).toEqual([1, 0]);
  });

  it('clamps log-probabilities a file cannot hold, and starts afresh on reset', () => {
    const rec = new StepRecorder({ kind: 'force', path: [1], refTopIds: [[0, 1]] });
    rec.processLogits(Float32Array.from([0, Number.NEGATIVE_INFINITY]));
    const steps = rec.take();
    expect(steps.tokenLogprobs).toEqual([LOGPROB_FLOOR]);
    expect(steps.refLogprobs).toEqual([[0, LOGPROB_FLOOR]]);
    rec.processLogits(Float32Array.from([0, 0]));
    rec.resetState();
    expect(rec.take().top1).toEqual([]);
  });
});
