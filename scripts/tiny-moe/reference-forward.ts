/**
 * An independent forward pass of the tiny Qwen3-MoE in plain TypeScript (float64 arithmetic, one
 * token at a time with a KV cache), from the same weights as the ONNX builds: the unit tests hold
 * ONNX Runtime's output against it, so the graph is checked against the architecture, not itself.
 */
import { TINY_MOE as T, TINY_VOCAB, type TinyDtype } from '../../src/lib/tiny-moe';
import { dequantizeInt8, dequantizeQ4, quantizeInt8, quantizeQ4, type TinyWeights, type Weight } from './weights';

export interface StepOutput {
  logits: Float64Array;
  /** Per layer: the chosen experts (best first) and their renormalised weights. */
  routes: { indices: number[]; weights: number[] }[];
}

const matrix = (w: Weight, dtype: TinyDtype): Float32Array =>
  dtype === 'fp32' ? w.data : dtype === 'int8' ? dequantizeInt8(quantizeInt8(w)) : dequantizeQ4(quantizeQ4(w));

/** y = x @ W, W [in, out] row-major (at `offset` for a stacked matrix). */
function matvec(x: ArrayLike<number>, w: ArrayLike<number>, rows: number, cols: number, offset = 0): Float64Array {
  const y = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const xr = x[r]!;
    const base = offset + r * cols;
    for (let c = 0; c < cols; c++) y[c]! += xr * w[base + c]!;
  }
  return y;
}

function rmsNorm(x: ArrayLike<number>, w: ArrayLike<number>, from = 0, n = x.length): Float64Array {
  let ss = 0;
  for (let i = 0; i < n; i++) ss += x[from + i]! ** 2;
  const d = Math.sqrt(ss / n + T.rmsNormEps);
  return Float64Array.from({ length: n }, (_, i) => (x[from + i]! / d) * w[i]!);
}

function softmax(x: number[]): number[] {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export class ReferenceModel {
  private readonly mats: { q: Float32Array; k: Float32Array; v: Float32Array; o: Float32Array; gate: Float32Array; up: Float32Array; down: Float32Array }[];
  private readonly lm: Float32Array;
  /** Per layer, per position: keys and values after RoPE, [kvHeads × headDim]. */
  private cache: { k: Float64Array[]; v: Float64Array[] }[];

  constructor(
    private readonly w: TinyWeights,
    dtype: TinyDtype,
  ) {
    this.mats = w.layers.map((L) => ({
      q: matrix(L.q, dtype),
      k: matrix(L.k, dtype),
      v: matrix(L.v, dtype),
      o: matrix(L.o, dtype),
      gate: matrix(L.gate, dtype),
      up: matrix(L.up, dtype),
      down: matrix(L.down, dtype),
    }));
    this.lm = matrix(w.lmHead, dtype);
    this.cache = w.layers.map(() => ({ k: [], v: [] }));
  }

  private rope(x: Float64Array, pos: number) {
    const half = T.headDim / 2;
    for (let h = 0; h < x.length / T.headDim; h++) {
      const b = h * T.headDim;
      for (let j = 0; j < half; j++) {
        const a = pos * Math.pow(T.ropeTheta, (-2 * j) / T.headDim);
        const [c, s] = [Math.cos(a), Math.sin(a)];
        const x1 = x[b + j]!;
        const x2 = x[b + j + half]!;
        x[b + j] = x1 * c - x2 * s;
        x[b + j + half] = x2 * c + x1 * s;
      }
    }
  }

  private headNorm(x: Float64Array, w: Float32Array) {
    for (let h = 0; h < x.length / T.headDim; h++) x.set(rmsNorm(x, w, h * T.headDim, T.headDim), h * T.headDim);
  }

  /** Feeds one token at the next position; returns its logits and routes. */
  step(token: number): StepOutput {
    const { hidden: H, heads: nH, kvHeads: nKV, headDim: hd, experts: E, expertsPerToken: K, moeIntermediate: I } = T;
    const pos = this.cache[0]!.k.length;
    const h = Float64Array.from(this.w.embed.data.subarray(token * H, (token + 1) * H));
    const routes: StepOutput['routes'] = [];
    this.w.layers.forEach((L, l) => {
      const m = this.mats[l]!;
      const x = rmsNorm(h, L.inputNorm.data);
      const q = matvec(x, m.q, H, nH * hd);
      const k = matvec(x, m.k, H, nKV * hd);
      const v = matvec(x, m.v, H, nKV * hd);
      this.headNorm(q, L.qNorm.data);
      this.headNorm(k, L.kNorm.data);
      this.rope(q, pos);
      this.rope(k, pos);
      const c = this.cache[l]!;
      c.k.push(k);
      c.v.push(v);
      const ctx = new Float64Array(nH * hd);
      for (let head = 0; head < nH; head++) {
        const kvh = Math.floor(head / (nH / nKV));
        const scores = c.k.map((kk) => {
          let s = 0;
          for (let d = 0; d < hd; d++) s += q[head * hd + d]! * kk[kvh * hd + d]!;
          return s / Math.sqrt(hd);
        });
        const p = softmax(scores);
        for (let t = 0; t < p.length; t++) for (let d = 0; d < hd; d++) ctx[head * hd + d]! += p[t]! * c.v[t]![kvh * hd + d]!;
      }
      const attn = matvec(ctx, m.o, nH * hd, H);
      for (let i = 0; i < H; i++) h[i]! += attn[i]!;

      const y = rmsNorm(h, L.postNorm.data);
      const probs = softmax(Array.from(matvec(y, L.router.data, H, E)));
      // Top-k, ties to the lower index (as ONNX's TopK).
      const order = probs.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, K);
      const sum = order.reduce((a, [p]) => a + p, 0);
      const route = { indices: order.map(([, i]) => i), weights: order.map(([p]) => p / sum) };
      routes.push(route);
      route.indices.forEach((e, j) => {
        const gate = matvec(y, m.gate, H, I, e * H * I);
        const up = matvec(y, m.up, H, I, e * H * I);
        const act = gate.map((g, i) => (g / (1 + Math.exp(-g))) * up[i]!);
        const down = matvec(act, m.down, I, H, e * I * H);
        for (let i = 0; i < H; i++) h[i]! += route.weights[j]! * down[i]!;
      });
    });
    const logits = matvec(rmsNorm(h, this.w.norm.data), this.lm, H, TINY_VOCAB);
    for (let i = 0; i < TINY_VOCAB; i++) logits[i]! += this.w.logitBias.data[i]!;
    return { logits, routes };
  }
}
