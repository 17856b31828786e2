// Writes the synthetic replay fixtures in public/replays/. They are made by this
// script, not by a model, and say so in their metadata (synthetic: true).
// Usage: node scripts/make-synthetic-runs.mjs
import { writeFileSync } from 'node:fs';

const ADAPTER = { vendor: 'synthetic', architecture: 'none', description: 'fixture, no GPU was used', isFallback: false, shaderF16: false };
const SETTINGS = { temperature: 0.7, top_p: 0.9, max_tokens: 1024, thinking: false, systemPrompt: 'You are a helpful assistant.' };

/** Splits text into token-like pieces (about 4 characters each), keeping every character. */
function tokenize(text) {
  return text.match(/\s*[^\s]{1,4}|\s+/g) ?? [];
}

function loadEvents(ms, steps = 12) {
  const events = [];
  for (let i = 1; i <= steps; i++) {
    const progress = i / steps;
    events.push({
      t: Math.round((ms * i) / steps),
      progress,
      text: `Fetching param cache[${i}/${steps}]: ${Math.round(progress * 350)}MB fetched. ${Math.round(progress * 100)}% completed, ${((ms * i) / steps / 1000).toFixed(0)} secs elapsed. (synthetic)`,
    });
  }
  return events;
}

// Computed here independently of src/shared/runs.ts on purpose: the unit tests check the two agree.
function usageOf(chunks, promptTokens) {
  const n = chunks.length;
  const first = chunks[0].t;
  const last = chunks[n - 1].t;
  const decodeS = (last - first) / 1000;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: n,
    total_tokens: promptTokens + n,
    extra: {
      e2e_latency_s: last / 1000,
      prefill_tokens_per_s: promptTokens / (first / 1000),
      decode_tokens_per_s: (n - 1) / decodeS,
      time_to_first_token_s: first / 1000,
      time_per_output_token_s: decodeS / (n - 1),
    },
  };
}

let seq = 0;
function run(modelId, text, { rate = 30, ttft = 150, thinking = false, promptTokens = 40 } = {}) {
  const chunks = tokenize(text).map((piece, i) => ({ t: Math.round((ttft + (i * 1000) / rate) * 100) / 100, text: piece }));
  seq++;
  return {
    id: `synthetic-${String(seq).padStart(3, '0')}`,
    modelId,
    source: 'measured',
    synthetic: true,
    startedAt: '2026-11-22T00:00:00.000Z',
    settings: { ...SETTINGS, thinking },
    adapter: ADAPTER,
    contextWindow: 4096,
    messageCount: 2,
    load: loadEvents(1500),
    chunks,
    usage: usageOf(chunks, promptTokens),
    finishReason: 'stop',
  };
}

const MARKDOWN = `Here is a small **TypeScript** function that sums the numbers in an array, with a test of how it behaves on an empty list.

\`\`\`ts
export function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
\`\`\`

1. \`reduce\` starts from \`0\`, so an empty array sums to zero.
2. It runs in linear time and allocates nothing.
3. For very large arrays of floats, consider Kahan summation to limit rounding error.

More on [Array.prototype.reduce](https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Array/reduce). This whole reply is a synthetic fixture played back by the replay engine, written slowly enough that a test can stop it midway.`;

const THINKING = `<think>
The user asks for the capital of France. That is Paris. Keep the answer short.
Paris has been the capital for most of the country's history, apart from a few periods such as the Vichy years.
There is no ambiguity in the question, so one sentence is enough; no need to mention the history.
</think>

The capital of France is **Paris**.`;

const PAYLOAD = `Here is some HTML, which must show as text:

<script>window.__pwned = 'script'</script>
<img src="x" onerror="window.__pwned = 'img'">
<b onclick="window.__pwned = 'click'">bold?</b>

[a javascript link](javascript:window.__pwned='link') and [a normal link](https://example.com).`;

const file = {
  format: 'qwen-webgpu-runs',
  version: 2,
  exportedAt: '2026-11-22T00:00:00.000Z',
  synthetic: true,
  note: 'Synthetic fixture made by scripts/make-synthetic-runs.mjs; no model produced this text and no GPU measured these timings.',
  runs: [
    run('Qwen3-0.6B-q4f32_1-MLC', MARKDOWN, { rate: 25 }),
    run('Qwen3-0.6B-q4f32_1-MLC', THINKING, { rate: 40, thinking: true }),
    run('Qwen3-0.6B-q4f32_1-MLC', PAYLOAD, { rate: 60 }),
    run('Qwen3-1.7B-q4f32_1-MLC', 'A reply from the larger model, replayed from a synthetic fixture.', { rate: 20 }),
  ],
};

writeFileSync(new URL('../public/replays/synthetic-chat.json', import.meta.url), JSON.stringify(file, null, 1) + '\n');
console.log(`wrote public/replays/synthetic-chat.json (${file.runs.length} runs)`);
