// Writes public/replays/synthetic-compare.json: a quantization comparison made by this script, not
// by a model, and labelled so (synthetic: true). Its distributions are built so that every quality
// figure is known by hand (tests/unit/compare-metrics.test.ts holds the app's arithmetic to them):
// - reference q0f32: p = 0.7 on its token, 0.1 on each of three others (top-4) at every step;
// - q4f32_1: 0.6 / 0.2 / 0.1 / 0.1 at every step: top-1 always agrees, KL = 0.7 ln(7/6) + 0.1 ln(1/2)
//   ≈ 0.038591 nats, perplexity 1/0.6 ≈ 1.6667, free replies identical;
// - q4f16_1: like q4f32_1, except at every fourth step (3, 7) 0.2 / 0.5 / 0.2 / 0.1: top-1 agrees at
//   12 of 16 steps, mean KL ≈ 0.190612, perplexity exp(0.75 ln(1/0.6) + 0.25 ln 5) ≈ 2.1935, and its
//   free replies leave the reference's at token 3.
// Usage: node scripts/make-synthetic-compare.mjs
import { writeFileSync } from 'node:fs';

const ADAPTER = { vendor: 'synthetic', architecture: 'none', description: 'fixture, no GPU was used', isFallback: false, shaderF16: true };
const STEPS = 8;
const PROMPTS = [
  { id: 'sum', text: 'Write a TypeScript function that sums an array of numbers.' },
  { id: 'capital', text: 'What is the capital of France? Answer in one sentence.' },
];
const WORDS = ['The', ' capital', ' of', ' France', ' is', ' Paris', '.', ' sum', ' returns', ' a', ' number', ' total', ' zero', ' array', ' values', ' then'];
const ln = Math.log;

/** The reference's tokens for a prompt, and the three runners-up at each step (ids in WORDS). */
function referenceSteps(p) {
  return Array.from({ length: STEPS }, (_, i) => {
    const token = (p * STEPS + i) % WORDS.length;
    return [token, (token + 1) % WORDS.length, (token + 2) % WORDS.length, (token + 3) % WORDS.length];
  });
}

const REF_P = [0.7, 0.1, 0.1, 0.1];
const NEAR_P = [0.6, 0.2, 0.1, 0.1];
const OFF_P = [0.2, 0.5, 0.2, 0.1];
const offStep = (variant, i) => variant === 'q4f16_1' && i % 4 === 3;
const probsAt = (variant, i) => (variant === 'q0f32' ? REF_P : offStep(variant, i) ? OFF_P : NEAR_P);
const text = (tokens) => tokens.map((t) => WORDS[t]).join('');

function usage(decode, prompt, completion) {
  const prefill = decode * 12;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    extra: {
      e2e_latency_s: prompt / prefill + completion / decode,
      prefill_tokens_per_s: prefill,
      decode_tokens_per_s: decode,
      time_to_first_token_s: prompt / prefill,
      time_per_output_token_s: 1 / decode,
    },
  };
}

function variant(quant, decodeBase, memory) {
  const speed = [];
  PROMPTS.forEach((p, pi) =>
    [0, 1].forEach((rep) => {
      // decodeBase × (1.0, 1.1) on the first prompt, 1.05 twice on the second: mean 1.05 × base.
      const factor = pi === 0 ? [1, 1.1][rep] : 1.05;
      // The app's own figures agree with web-llm's here: a fixture has no clocks to disagree.
      const u = usage(decodeBase * factor, 20 + pi * 4, STEPS);
      speed.push({ prompt: p.id, rep, usage: u, app: u });
    }),
  );
  const free = PROMPTS.map((p, pi) => {
    const tokens = referenceSteps(pi).map((ids, i) => (offStep(quant, i) ? ids[1] : ids[0]));
    // A reply that left the reference's path goes its own way: the rest differs too.
    const first = tokens.findIndex((t, i) => t !== referenceSteps(pi)[i][0]);
    if (first !== -1) for (let i = first + 1; i < tokens.length; i++) tokens[i] = (tokens[i] + 5) % WORDS.length;
    return { prompt: p.id, tokens, text: text(tokens) };
  });
  const forced = PROMPTS.map((p, pi) => {
    const steps = referenceSteps(pi);
    const probs = steps.map((_, i) => probsAt(quant, i));
    return {
      prompt: p.id,
      top1: steps.map((ids, i) => ids[probs[i].indexOf(Math.max(...probs[i]))]),
      tokenLogprobs: probs.map((q) => ln(q[0])),
      refLogprobs: probs.map((q) => q.map(ln)),
    };
  });
  return {
    modelId: `Qwen3-0.6B-${quant}-MLC`,
    status: 'done',
    load: { ms: memory.loadMs, cached: true },
    downloadMB: memory.downloadMB,
    webllmVramMB: memory.webllmMB,
    peakGpuBytes: memory.peakMB * 2 ** 20,
    speed,
    free,
    forced,
    ...(quant === 'q0f32' ? { reference: PROMPTS.map((p, pi) => ({ prompt: p.id, topIds: referenceSteps(pi) })) } : {}),
  };
}

const file = {
  format: 'qwen-webgpu-comparison',
  version: 1,
  exportedAt: '2026-12-02T00:00:00.000Z',
  source: 'measured',
  synthetic: true,
  note: 'Synthetic fixture made by scripts/make-synthetic-compare.mjs; no model produced these tokens and no GPU measured these figures.',
  environment: { adapter: ADAPTER, userAgent: 'synthetic', webllmVersion: null },
  setup: {
    model: 'Qwen3-0.6B',
    variants: ['Qwen3-0.6B-q0f32-MLC', 'Qwen3-0.6B-q4f32_1-MLC', 'Qwen3-0.6B-q4f16_1-MLC'],
    prompts: PROMPTS,
    maxTokens: STEPS,
    repetitions: 2,
    seed: 1,
    topK: 4,
  },
  variants: [
    variant('q0f32', 20, { loadMs: 2400, downloadMB: 2289, webllmMB: 3843.25, peakMB: 3600 }),
    variant('q4f32_1', 40, { loadMs: 900, downloadMB: 358, webllmMB: 1924.98, peakMB: 1800 }),
    variant('q4f16_1', 60, { loadMs: 800, downloadMB: 322, webllmMB: 1403.34, peakMB: 1300 }),
  ],
};

writeFileSync(new URL('../public/replays/synthetic-compare.json', import.meta.url), JSON.stringify(file, null, 1) + '\n');
console.log(`wrote public/replays/synthetic-compare.json (${file.variants.length} variants, ${PROMPTS.length} prompts)`);
