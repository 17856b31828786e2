import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonPrefix, comparisonRows, distribution, forcedSteps, klOverTopK, meanSd, quantile } from '../../src/lib/compare-metrics';
import type { ComparisonFile } from '../../src/shared/comparison';
import { comparisonMarkdown, rowJson } from '../../src/lib/compare-table';
import { parseComparisonFile } from '../../src/shared/comparison-file';

const fixture = JSON.parse(readFileSync(new URL('../../public/replays/synthetic-compare.json', import.meta.url), 'utf8'));
const ln = Math.log;

describe('comparison arithmetic', () => {
  it('mean ± sample standard deviation', () => {
    expect(meanSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: Math.sqrt(32 / 7), n: 8 });
    expect(meanSd([3])).toEqual({ mean: 3, sd: 0, n: 1 });
    expect(meanSd([])).toBeNull();
  });

  it('common token prefix', () => {
    expect(commonPrefix([1, 2, 3, 4], [1, 2, 9, 4])).toBe(2);
    expect(commonPrefix([1, 2], [1, 2, 3])).toBe(2);
    expect(commonPrefix([], [1])).toBe(0);
    expect(commonPrefix([5], [6])).toBe(0);
  });

  it('KL over the top-k: zero for the same distribution, the hand-computed value otherwise, renormalised', () => {
    const p = [0.7, 0.1, 0.1, 0.1].map(ln);
    expect(klOverTopK(p, p)).toBe(0);
    // 0.7 ln(0.7/0.6) + 0.1 ln(0.1/0.2) + 0 + 0
    expect(klOverTopK(p, [0.6, 0.2, 0.1, 0.1].map(ln))).toBeCloseTo(0.0385907578, 9);
    // Only the top-k is recorded: both sides are renormalised over it, so a share of the
    // probability outside it (here half of each distribution) changes nothing.
    expect(klOverTopK([0.35, 0.05, 0.05, 0.05].map(ln), [0.3, 0.1, 0.05, 0.05].map(ln))).toBeCloseTo(0.0385907578, 9);
    // 0.5 ln(0.5/0.25) + 0.5 ln(0.5/0.75)
    expect(klOverTopK([ln(0.5), ln(0.5)], [ln(0.25), ln(0.75)])).toBeCloseTo(0.5 * ln(2) + 0.5 * ln(2 / 3), 12);
    expect(() => klOverTopK([0], [0, 0])).toThrow();
  });
});

describe('the synthetic comparison (distributions built so the figures are known by hand)', () => {
  const file = parseComparisonFile(fixture);
  const rows = comparisonRows(file);

  it('the reference agrees with itself: top-1 = 1, KL = 0, perplexity 1/0.7', () => {
    expect(rows[0]).toMatchObject({ variant: 'q0f32', reference: true, identicalReplies: 2, comparedReplies: 2, commonPrefixMean: 8 });
    expect(rows[0]!.forced).toMatchObject({ steps: 16, top1Agreement: 1, klMean: 0, perplexity: expect.closeTo(1 / 0.7, 12), deltaP: { mean: 0, rms: 0 } });
    expect(rows[0]!.forced!.kld).toMatchObject({ mean: 0, median: 0, p99: 0, max: 0, se: 0 });
    expect(rows[0]!.pplRatio).toBe(1);
  });

  it('llama-perplexity’s statistics: q4f32_1 gives the reference’s token 0.6 where it gave 0.7 (Δp −0.1 at every step), PPL ratio 7/6', () => {
    const f = rows[1]!.forced!;
    expect(f.deltaP!.mean).toBeCloseTo(-0.1, 12);
    expect(f.deltaP!.rms).toBeCloseTo(0.1, 12);
    expect(rows[1]!.pplRatio).toBeCloseTo(7 / 6, 12);
    // The same KL at every step: every percentile is it.
    for (const k of ['median', 'p90', 'p99', 'p999', 'max'] as const) expect(f.kld[k]).toBeCloseTo(f.klMean, 12);
    expect(f.kld.se).toBeCloseTo(0, 12);
    const g = rows[2]!.forced!;
    expect(g.kld.median).toBeLessThanOrEqual(g.kld.p90);
    expect(g.kld.p90).toBeLessThanOrEqual(g.kld.p99);
    expect(g.kld.p99).toBeLessThanOrEqual(g.kld.max);
    expect(rows[2]!.pplRatio).toBeCloseTo(2.193456688254 * 0.7, 10);
  });

  it('distribution: mean ± standard error, percentiles between closest ranks, max', () => {
    const d = distribution([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])!;
    expect(d).toMatchObject({ n: 10, mean: 5.5, median: 5.5, max: 10 });
    expect(d.p90).toBeCloseTo(9.1, 12);
    expect(d.p99).toBeCloseTo(9.91, 12);
    expect(d.se).toBeCloseTo(Math.sqrt(55 / 6) / Math.sqrt(10), 12);
    expect(quantile([2], 0.99)).toBe(2);
    expect(distribution([])).toBeNull();
  });

  it('q4f32_1 keeps every top-1 token; KL 0.038591; perplexity 1/0.6', () => {
    const f = rows[1]!.forced!;
    expect(f.top1Agreement).toBe(1);
    expect(f.klMean).toBeCloseTo(0.7 * ln(7 / 6) + 0.1 * ln(0.5), 12);
    expect(f.perplexity).toBeCloseTo(1 / 0.6, 12);
    expect(rows[1]).toMatchObject({ identicalReplies: 2, commonPrefixMean: 8 });
  });

  it('q4f16_1 loses the top-1 token at 4 of 16 steps; KL 0.190612; perplexity 2.193457; free replies part at token 3', () => {
    const f = rows[2]!.forced!;
    expect(f.top1Agreement).toBe(0.75);
    expect(f.klMean).toBeCloseTo(0.190611960529, 10);
    expect(f.perplexity).toBeCloseTo(2.193456688254, 10);
    expect(rows[2]).toMatchObject({ identicalReplies: 0, commonPrefixMean: 3 });
  });

  it('speed is mean ± sd over prompts × repetitions from web-llm usage', () => {
    expect(rows.map((r) => r.decode!.mean)).toEqual([expect.closeTo(21, 9), expect.closeTo(42, 9), expect.closeTo(63, 9)]);
    expect(rows[0]!.decode!.sd).toBeCloseTo(20 * Math.sqrt(0.005 / 3), 9);
    expect(rows[0]!.decode!.n).toBe(4);
  });

  it('prints the JSON fields npm run compare promises, and a Markdown table that says it is synthetic', () => {
    const json = rows.map(rowJson);
    expect(Object.keys(json[0]!)).toEqual(
      expect.arrayContaining(['variant', 'model_id', 'reference', 'prompts', 'decode_tok_s_mean', 'decode_tok_s_sd', 'prefill_tok_s_mean', 'ttft_ms_mean', 'peak_gpu_mb', 'webllm_vram_mb', 'top1_agreement', 'kl_mean', 'ppl', 'identical_replies']),
    );
    expect(json[0]).toMatchObject({ reference: true, top1_agreement: 1, kl_mean: 0, prompts: 2 });
    expect(json[2]).toMatchObject({ variant: 'q4f16_1', top1_agreement: 0.75, kl_mean: 0.19061, ppl: 2.1935, identical_replies: 0 });
    expect(json[1]).toMatchObject({ same_top_p: 1, delta_p_mean: -0.1, delta_p_rms: 0.1, ppl_ratio: 1.16667, kld_max: 0.03859 });
    for (const k of ['kld_median', 'kld_p90', 'kld_p95', 'kld_p99', 'kld_p999', 'kld_max', 'kld_se', 'delta_p_mean', 'delta_p_rms', 'same_top_p', 'ppl_ratio', 'ln_ppl_ratio']) expect(json[2]).toHaveProperty(k);
    const md = comparisonMarkdown(file);
    expect(md).toContain('| q4f16_1 | 63.0 ± 2.4 |');
    expect(md).toContain('Synthetic fixture: no model produced these figures.');
    // The KL-divergence summary as llama-perplexity prints it, one row per variant.
    expect(md).toContain('| variant | PPL(Q)/PPL(base) | ln(PPL(Q)/PPL(base)) | Mean KLD | Median KLD | 90 % | 95 % | 99 % | 99.9 % | Max KLD | Mean Δp | RMS Δp | Same top p |');
    expect(md).toContain('| q4f32_1 | 1.1667 | 0.1542 | 0.038591 ± 0.000000 |');
  });
});

describe('reading a comparison file', () => {
  const clone = () => structuredClone(fixture);

  it('refuses what is not a comparison, or a version it does not know', () => {
    expect(() => parseComparisonFile({ format: 'qwen-webgpu-runs' })).toThrow('format: should be "qwen-webgpu-comparison"');
    expect(() => parseComparisonFile({ ...clone(), version: 9 })).toThrow('version: version 9 is not one this app reads');
  });

  it('refuses traces that do not line up with the reference, saying where', () => {
    const shorter = clone();
    shorter.variants[1].forced[0].top1.pop();
    expect(() => parseComparisonFile(shorter)).toThrow(/variants\[1\]\.forced\[0\]\.top1: has 7 steps, the reference's trace for "sum" 8/);
    const otherPrompt = clone();
    otherPrompt.variants[2].forced[1].prompt = 'poem';
    expect(() => parseComparisonFile(otherPrompt)).toThrow(/variants\[2\]\.forced\[1\]\.prompt: forced on "poem", which the reference has no trace for/);
    const notInSetup = clone();
    notInSetup.variants[1].free[0].prompt = 'poem';
    expect(() => parseComparisonFile(notInSetup)).toThrow(/variants\[1\]\.free\[0\]\.prompt: "poem" is not a prompt of the setup/);
    const wrongK = clone();
    wrongK.variants[2].forced[0].refLogprobs[3].push(-1);
    expect(() => parseComparisonFile(wrongK)).toThrow(/variants\[2\]\.forced\[0\]\.refLogprobs\[3\]: has 5 log-probabilities for the reference's 4 top-k tokens/);
    const positive = clone();
    positive.variants[1].forced[0].tokenLogprobs[0] = 0.5;
    expect(() => parseComparisonFile(positive)).toThrow(/variants\[1\]\.forced\[0\]\.tokenLogprobs\[0\]: should be a log-probability/);
  });

  it('keeps a failed variant, with its reason, beside the others', () => {
    const failed = clone();
    Object.assign(failed.variants[2], { status: 'failed', error: { code: 'device-lost', title: 'The GPU was lost', message: '', action: 'none' }, speed: [], free: [], forced: [] });
    const rows = comparisonRows(parseComparisonFile(failed));
    expect(rows[2]).toMatchObject({ status: 'failed', error: 'The GPU was lost', forced: null, decode: null });
    expect(comparisonMarkdown(parseComparisonFile(failed))).toContain('| q4f16_1 | failed: The GPU was lost |');
  });

  it('names the engine a comparison ran on (web-llm when a file predates the ONNX engine), and refuses an unknown one', () => {
    const measured = () => ({ ...clone(), synthetic: false });
    expect(comparisonMarkdown(parseComparisonFile(measured()))).toMatch(/Measured with web-llm /);
    const onnx = measured();
    Object.assign(onnx.environment, { engine: 'onnx', webllmVersion: null });
    expect(comparisonMarkdown(parseComparisonFile(onnx))).toContain('Measured with ONNX Runtime Web (transformers.js) on');
    const bad = clone();
    bad.environment.engine = 'tvm';
    expect(() => parseComparisonFile(bad)).toThrow('environment.engine');
  });
});

describe('the Markdown copy, with hostile names', () => {
  it('escapes table syntax, HTML and line breaks from the file', () => {
    const file = parseComparisonFile(structuredClone(fixture));
    file.setup.model = 'Qwen <img src=x onerror=alert(1)>';
    file.variants[2]!.status = 'failed';
    file.variants[2]!.error = { code: 'unknown', title: 'a | b\n| c | <script>', message: '', action: 'none' };
    const md = comparisonMarkdown(file);
    expect(md).toContain('**Qwen &lt;img src=x onerror=alert(1)&gt;**');
    expect(md).toContain('| q4f16_1 | failed: a \\| b \\| c \\| &lt;script&gt; | | | | | | | | |');
    expect(md).not.toMatch(/<img|<script/);
    // Every row of each table still has its cell borders: 11 in the main table, 14 in the KL summary.
    const [main, summary] = md.split('\n\n').filter((block) => block.startsWith('|'));
    for (const line of main!.split('\n')) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(12);
    for (const line of summary!.split('\n')) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(15);
  });
});

describe('where a variant departs: the forced pass position by position', () => {
  it('gives each position its KL and the two top-k lists, the variant’s ranked its own way', () => {
    const lp = (...ps: number[]) => ps.map((p) => Math.log(p));
    const file = {
      setup: { prompts: [{ id: 'p', text: 'x' }] },
      variants: [
        { modelId: 'ref', reference: [{ prompt: 'p', topIds: [[7, 3], [5, 9]] }], forced: [{ prompt: 'p', top1: [7, 5], tokenLogprobs: lp(0.6, 0.9), refLogprobs: [lp(0.6, 0.4), lp(0.9, 0.1)] }] },
        { modelId: 'cand', forced: [{ prompt: 'p', top1: [3, 5], tokenLogprobs: lp(0.3, 0.9), refLogprobs: [lp(0.3, 0.7), lp(0.9, 0.1)] }] },
      ],
    } as unknown as ComparisonFile;
    const steps = forcedSteps(file, 'cand', 'p')!;
    expect(steps.map((s) => s.position)).toEqual([1, 2]);
    // KL(P‖Q) over {7, 3}: 0.6 ln(0.6/0.3) + 0.4 ln(0.4/0.7); the second position agrees exactly.
    expect(steps[0]!.kl).toBeCloseTo(0.6 * Math.log(2) + 0.4 * Math.log(0.4 / 0.7), 12);
    expect(steps[1]!.kl).toBeCloseTo(0, 12);
    expect(steps.map((s) => s.agree)).toEqual([false, true]);
    expect(steps[0]!.reference.map((t) => t.id)).toEqual([7, 3]);
    expect(steps[0]!.variant.map((t) => [t.id, Number(t.p.toFixed(3))])).toEqual([[3, 0.7], [7, 0.3]]);
    expect(steps[0]!.variantTop1).toBe(3);
    expect(forcedSteps(file, 'cand', 'other')).toBeNull();
    // The reference against itself: KL 0 everywhere.
    expect(forcedSteps(file, 'ref', 'p')!.every((s) => s.kl === 0 && s.agree)).toBe(true);
  });
});
