// The tiny Qwen3-MoE's ONNX graph, run by ONNX Runtime's CPU (wasm) backend, against the plain
// TypeScript forward pass of the same weights: a prompt, then 16 greedy tokens fed back one by one.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { buildDecoder, routerOutputs } from '../../scripts/tiny-moe/decoder-graph';
import { encodeModel } from '../../scripts/tiny-moe/onnx';
import { ReferenceModel } from '../../scripts/tiny-moe/reference-forward';
import { generateWeights } from '../../scripts/tiny-moe/weights';
import { TINY_MOE as T, TINY_DTYPES, TINY_VOCAB, type TinyDtype } from '../../src/lib/tiny-moe';

ort.env.wasm.numThreads = 1;
const weights = generateWeights();
const PROMPT = [1, 72, 101, 108, 108, 111, 44, 32, 119, 111, 114, 108, 100];

const argmax = (a: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i]! > a[best]!) best = i;
  return best;
};

async function compare(dtype: TinyDtype) {
  const session = await ort.InferenceSession.create(encodeModel(buildDecoder(weights, dtype)), { executionProviders: ['wasm'] });
  const ref = new ReferenceModel(weights, dtype);
  const empty = new Float32Array(0);
  let past: Record<string, ort.Tensor> = {};
  for (let l = 0; l < T.layers; l++)
    for (const kv of ['key', 'value']) past[`past_key_values.${l}.${kv}`] = new ort.Tensor('float32', empty, [1, T.kvHeads, 0, T.headDim]);
  let ids = PROMPT;
  let total = 0;
  let maxDiff = 0;
  let routeMismatches = 0;
  const generated: number[] = [];
  for (let step = 0; step <= 16; step++) {
    const S = ids.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, S]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(total + S).fill(1n), [1, total + S]),
      position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: S }, (_, i) => BigInt(total + i)), [1, S]),
      ...past,
    };
    const out = await session.run(feeds);
    const logits = out.logits!.data as Float32Array;
    for (let s = 0; s < S; s++) {
      const r = ref.step(ids[s]!);
      for (let v = 0; v < TINY_VOCAB; v++) maxDiff = Math.max(maxDiff, Math.abs(r.logits[v]! - logits[s * TINY_VOCAB + v]!));
      r.routes.forEach((route, l) => {
        const got = Array.from(out[routerOutputs(l).indices]!.data as BigInt64Array).slice(s * T.expertsPerToken, (s + 1) * T.expertsPerToken).map(Number);
        if (got.join() !== route.indices.join()) routeMismatches++;
      });
    }
    total += S;
    past = {};
    for (let l = 0; l < T.layers; l++)
      for (const kv of ['key', 'value']) past[`past_key_values.${l}.${kv}`] = out[`present.${l}.${kv}`]!;
    const next = argmax(logits.subarray((S - 1) * TINY_VOCAB, S * TINY_VOCAB));
    generated.push(next);
    ids = [next];
  }
  await session.release();
  return { maxDiff, routeMismatches, generated };
}

describe('tiny Qwen3-MoE: ONNX Runtime (wasm) against the TypeScript forward pass', () => {
  for (const { dtype } of TINY_DTYPES) {
    it(`${dtype}: logits within 1e-4 and the same router choices, for a prompt and 16 greedy tokens`, async () => {
      const r = await compare(dtype);
      expect(r.routeMismatches).toBe(0);
      expect(r.maxDiff).toBeLessThan(1e-4);
      // Not one token repeated: a generation that means something to compare.
      expect(new Set(r.generated).size).toBeGreaterThan(1);
    }, 60_000);
  }

  it('the same seed writes the same bytes', () => {
    const a = encodeModel(buildDecoder(generateWeights(), 'int8'));
    const b = encodeModel(buildDecoder(generateWeights(), 'int8'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(encodeModel(buildDecoder(generateWeights(T.seed + 1), 'int8'))).equals(Buffer.from(a))).toBe(false);
  });
});
