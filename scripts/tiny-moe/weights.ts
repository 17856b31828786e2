/**
 * The tiny model's weights, drawn from a seeded generator (the same seed gives the same bytes on
 * every machine), and their int8 and 4-bit quantizations. Matrices are stored as `x @ W`, [in, out].
 */
import { TINY_MOE as T, TINY_VOCAB, specialId } from '../../src/lib/tiny-moe';

export interface Weight {
  dims: number[];
  data: Float32Array;
}

export interface LayerWeights {
  inputNorm: Weight;
  q: Weight;
  k: Weight;
  v: Weight;
  o: Weight;
  qNorm: Weight;
  kNorm: Weight;
  postNorm: Weight;
  router: Weight;
  /** [experts, hidden, moeIntermediate] */
  gate: Weight;
  up: Weight;
  /** [experts, moeIntermediate, hidden] */
  down: Weight;
}

export interface TinyWeights {
  embed: Weight;
  layers: LayerWeights[];
  norm: Weight;
  lmHead: Weight;
  /** Added to the logits: keeps control bytes, stray specials and the end of a reply unlikely, so the gibberish is printable. */
  logitBias: Weight;
}

/** mulberry32: small, fast, and the same in every JavaScript engine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number) {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

export function generateWeights(seed: number = T.seed): TinyWeights {
  const gauss = normal(rng(seed));
  const w = (dims: number[], std: number, mean = 0): Weight => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = mean + std * gauss();
    return { dims, data };
  };
  const H = T.hidden;
  const q = T.heads * T.headDim;
  const kv = T.kvHeads * T.headDim;
  const layers: LayerWeights[] = [];
  for (let l = 0; l < T.layers; l++) {
    layers.push({
      inputNorm: w([H], 0.05, 1),
      q: w([H, q], 1 / Math.sqrt(H)),
      k: w([H, kv], 1 / Math.sqrt(H)),
      v: w([H, kv], 1 / Math.sqrt(H)),
      o: w([q, H], 0.5 / Math.sqrt(q)),
      qNorm: w([T.headDim], 0.05, 1),
      kNorm: w([T.headDim], 0.05, 1),
      postNorm: w([H], 0.05, 1),
      // Spread router logits: each token prefers a few experts clearly, so routing is not a coin toss.
      router: w([H, T.experts], 2 / Math.sqrt(H)),
      gate: w([T.experts, H, T.moeIntermediate], 1 / Math.sqrt(H)),
      up: w([T.experts, H, T.moeIntermediate], 1 / Math.sqrt(H)),
      down: w([T.experts, T.moeIntermediate, H], 0.5 / Math.sqrt(T.moeIntermediate)),
    });
  }
  // Logits of standard deviation ≈ 5 over ~400 tokens: the top token usually holds most of the mass.
  const lmHead = w([H, TINY_VOCAB], 5 / Math.sqrt(H));
  const bias = new Float32Array(TINY_VOCAB);
  for (let b = 0; b < T.byteTokens; b++) if ((b < 32 && b !== 10) || b >= 127) bias[b] = -30;
  for (const s of T.specials) bias[specialId(s)] = s === '<|im_end|>' ? -8 : -30;
  return { embed: w([TINY_VOCAB, H], 1), layers, norm: w([H], 0.05, 1), lmHead, logitBias: { dims: [TINY_VOCAB], data: bias } };
}

/** Symmetric int8, one scale per output column (per expert and column for stacked experts). */
export interface Int8Weight {
  dims: number[];
  q: Int8Array;
  /** [..leading, out] */
  scale: Float32Array;
}

/** Symmetric 4-bit in blocks of `block` along the input axis: values −8…7 stored +8, two per byte (low nibble first). */
export interface Q4Weight {
  dims: number[];
  packed: Uint8Array;
  /** [..leading, in / block, out] */
  scale: Float32Array;
  block: number;
}

export const Q4_BLOCK = 32;

/** Splits dims into (leading matrices, rows, cols). */
const shape = (dims: number[]) => ({ mats: dims.slice(0, -2).reduce((a, b) => a * b, 1), rows: dims.at(-2)!, cols: dims.at(-1)! });

export function quantizeInt8(w: Weight): Int8Weight {
  const { mats, rows, cols } = shape(w.dims);
  const q = new Int8Array(w.data.length);
  const scale = new Float32Array(mats * cols);
  for (let m = 0; m < mats; m++)
    for (let c = 0; c < cols; c++) {
      let max = 0;
      for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(w.data[(m * rows + r) * cols + c]!));
      const s = max / 127 || 1;
      scale[m * cols + c] = s;
      for (let r = 0; r < rows; r++) q[(m * rows + r) * cols + c] = Math.round(w.data[(m * rows + r) * cols + c]! / s);
    }
  return { dims: w.dims, q, scale };
}

export function dequantizeInt8(w: Int8Weight): Float32Array {
  const { rows, cols } = shape(w.dims);
  return Float32Array.from(w.q, (v, i) => v * w.scale[Math.floor(i / (rows * cols)) * cols + (i % cols)]!);
}

export function quantizeQ4(w: Weight, block = Q4_BLOCK): Q4Weight {
  const { mats, rows, cols } = shape(w.dims);
  if (rows % block !== 0) throw new Error(`rows ${rows} not a multiple of ${block}`);
  const blocks = rows / block;
  const scale = new Float32Array(mats * blocks * cols);
  const packed = new Uint8Array(w.data.length / 2);
  for (let m = 0; m < mats; m++)
    for (let b = 0; b < blocks; b++)
      for (let c = 0; c < cols; c++) {
        let max = 0;
        for (let r = b * block; r < (b + 1) * block; r++) max = Math.max(max, Math.abs(w.data[(m * rows + r) * cols + c]!));
        const s = max / 7 || 1;
        scale[(m * blocks + b) * cols + c] = s;
        for (let r = b * block; r < (b + 1) * block; r++) {
          const i = (m * rows + r) * cols + c;
          const v = Math.max(-8, Math.min(7, Math.round(w.data[i]! / s))) + 8;
          packed[i >> 1] = packed[i >> 1]! | (i & 1 ? v << 4 : v);
        }
      }
  return { dims: w.dims, packed, scale, block };
}

export function dequantizeQ4(w: Q4Weight): Float32Array {
  const { rows, cols } = shape(w.dims);
  const blocks = rows / w.block;
  const out = new Float32Array(w.packed.length * 2);
  for (let i = 0; i < out.length; i++) {
    const nibble = i & 1 ? w.packed[i >> 1]! >> 4 : w.packed[i >> 1]! & 15;
    const m = Math.floor(i / (rows * cols));
    const r = Math.floor(i / cols) % rows;
    out[i] = (nibble - 8) * w.scale[(m * blocks + Math.floor(r / w.block)) * cols + (i % cols)]!;
  }
  return out;
}
