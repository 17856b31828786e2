/**
 * The tiny Qwen3-MoE decoder as an ONNX graph (opset 17), with the inputs and outputs
 * transformers.js feeds a decoder with a KV cache, plus each layer's router choices.
 * Per layer: RMSNorm → GQA attention (q/k RMSNorm per head, RoPE, cache) → RMSNorm → softmax
 * router → top-k → renormalised SwiGLU experts, of which only the chosen ones' weights are read
 * (a Gather by the router's indices), as in Qwen3-MoE.
 */
import { TINY_MOE as T, TINY_VOCAB, type TinyDtype } from '../../src/lib/tiny-moe';
import { routerIndicesOutput, routerWeightsOutput } from '../../src/shared/routing';
import { GraphBuilder } from './graph-builder';
import { DataType, type OnnxModel, type ValueInfo } from './onnx';
import { quantizeInt8, quantizeQ4, Q4_BLOCK, type TinyWeights, type Weight } from './weights';

export const routerOutputs = (layer: number) => ({ indices: routerIndicesOutput(layer), weights: routerWeightsOutput(layer) });

/** How each build stores its weight matrices and reads them. */
class Weights {
  constructor(
    private readonly g: GraphBuilder,
    private readonly dtype: TinyDtype,
  ) {}

  /** x @ W for a dense matrix [in, out]. */
  matmul(x: string, name: string, w: Weight): string {
    const g = this.g;
    if (this.dtype === 'fp32') return g.op('MatMul', [x, g.f32(name, w.dims, w.data)]);
    if (this.dtype === 'int8') {
      // DequantizeLinear on a constant is not folded by ONNX Runtime: the weight stays int8 in memory.
      const q = quantizeInt8(w);
      const inputs = [g.initializer(`${name}.q`, DataType.INT8, w.dims, q.q), g.f32(`${name}.scale`, [w.dims[1]!], q.scale)];
      return g.op('MatMul', [x, g.op('DequantizeLinear', inputs, { axis: 1 })]);
    }
    // 4-bit: ONNX Runtime's MatMulNBits (the kernel transformers.js's q4 models use) reads the packed blocks.
    const q = quantizeQ4(w);
    const [K, N] = w.dims as [number, number];
    const blocks = K / Q4_BLOCK;
    const packed = new Uint8Array(N * blocks * (Q4_BLOCK / 2));
    const scales = new Float32Array(N * blocks);
    const nibble = (k: number, n: number) => {
      const i = k * N + n;
      return i & 1 ? q.packed[i >> 1]! >> 4 : q.packed[i >> 1]! & 15;
    };
    for (let n = 0; n < N; n++)
      for (let b = 0; b < blocks; b++) {
        scales[n * blocks + b] = q.scale[b * N + n]!;
        for (let j = 0; j < Q4_BLOCK / 2; j++) {
          const k = b * Q4_BLOCK + 2 * j;
          packed[(n * blocks + b) * (Q4_BLOCK / 2) + j] = nibble(k, n) | (nibble(k + 1, n) << 4);
        }
      }
    const B = g.initializer(`${name}.q4`, DataType.UINT8, [N, blocks, Q4_BLOCK / 2], packed);
    const S = g.f32(`${name}.scales`, [N * blocks], scales);
    return g.opN('MatMulNBits', [x, B, S], 1, { K, N, bits: 4, block_size: Q4_BLOCK }, 'com.microsoft')[0]!;
  }

  /** The chosen experts' matrices: [E, in, out] gathered by `indices` [B, S, k] → [B, S, k, in, out]. */
  experts(name: string, w: Weight, indices: string): string {
    const g = this.g;
    const [E, rows, cols] = w.dims as [number, number, number];
    if (this.dtype === 'fp32') return g.op('Gather', [g.f32(name, w.dims, w.data), indices]);
    if (this.dtype === 'int8') {
      // Stored as uint8 with an offset of 128: ONNX Runtime's WebGPU Gather takes uint8 but not int8,
      // and an int8 table would stay in CPU memory, gathered there and copied up at every step.
      const q = quantizeInt8(w);
      const offset = Uint8Array.from(q.q, (v) => v + 128);
      const gathered = g.op('Cast', [g.op('Gather', [g.initializer(`${name}.q`, DataType.UINT8, w.dims, offset), indices])], { to: DataType.FLOAT });
      const values = g.op('Sub', [gathered, g.constF([128], [])]);
      const scale = g.op('Gather', [g.f32(`${name}.scale`, [E, 1, cols], q.scale), indices]);
      return g.op('Mul', [values, scale]);
    }
    // 4-bit, two values a byte along the output axis (low nibble first), scales per block of rows.
    const q = quantizeQ4(w);
    const blocks = rows / Q4_BLOCK;
    const bytes = g.op('Cast', [g.op('Gather', [g.initializer(`${name}.q4`, DataType.UINT8, [E, rows, cols / 2], q.packed), indices])], { to: DataType.FLOAT });
    const high = g.op('Floor', [g.op('Div', [bytes, g.constF([16], [])])]);
    const low = g.op('Sub', [bytes, g.op('Mul', [high, g.constF([16], [])])]);
    const last = g.constI64([-1]);
    const pairs = g.op('Concat', [g.op('Unsqueeze', [low, last]), g.op('Unsqueeze', [high, last])], { axis: -1 });
    const centred = g.op('Sub', [pairs, g.constF([8], [])]);
    const blocked = g.op('Reshape', [centred, g.constI64([0, 0, 0, blocks, Q4_BLOCK, cols])]);
    const scale = g.op('Gather', [g.f32(`${name}.scales`, [E, blocks, 1, cols], q.scale), indices]);
    return g.op('Reshape', [g.op('Mul', [blocked, scale]), g.constI64([0, 0, 0, rows, cols])]);
  }
}

export function buildDecoder(w: TinyWeights, dtype: TinyDtype): OnnxModel {
  const g = new GraphBuilder();
  const W = new Weights(g, dtype);
  const { heads: nH, kvHeads: nKV, headDim: hd, expertsPerToken: K } = T;
  const groups = nH / nKV;
  const i64 = (v: number[]) => g.constI64(v);

  const rms = (x: string, name: string, weight: Weight) => {
    const meanSq = g.op('ReduceMean', [g.op('Mul', [x, x])], { axes: [-1], keepdims: 1 });
    const denom = g.op('Sqrt', [g.op('Add', [meanSq, g.constF([T.rmsNormEps], [])])]);
    return g.op('Mul', [g.op('Div', [x, denom]), g.f32(name, weight.dims, weight.data)]);
  };

  // The mask [B, 1, 1, S, T]: a query sees the keys up to its own position that the attention mask keeps.
  const scalarAt = (shapeOf: string, i: number) => g.op('Gather', [g.op('Shape', [shapeOf]), g.constI64([i], [])]);
  const total = scalarAt('attention_mask', 1);
  const past = g.op('Sub', [total, scalarAt('input_ids', 1)]);
  const qPos = g.op('Range', [past, total, g.constI64([1], [])]);
  const kPos = g.op('Range', [g.constI64([0], []), total, g.constI64([1], [])]);
  const causal = g.op('LessOrEqual', [g.op('Unsqueeze', [kPos, i64([0])]), g.op('Unsqueeze', [qPos, i64([1])])]);
  const kept = g.op('Unsqueeze', [g.op('Cast', ['attention_mask'], { to: DataType.BOOL }), i64([1, 2, 3])]);
  const mask = g.op('Where', [g.op('And', [causal, kept]), g.constF([0], []), g.constF([-1e9], [])]);

  // RoPE tables [B, 1, S, hd] from the position ids.
  const invFreq = Float32Array.from({ length: hd / 2 }, (_, j) => Math.pow(T.ropeTheta, (-2 * j) / hd));
  const pos = g.op('Unsqueeze', [g.op('Cast', ['position_ids'], { to: DataType.FLOAT }), i64([2])]);
  const freqs = g.op('Mul', [pos, g.f32('rope.inv_freq', [hd / 2], invFreq)]);
  const angles = g.op('Concat', [freqs, freqs], { axis: -1 });
  const cos = g.op('Unsqueeze', [g.op('Cos', [angles]), i64([1])]);
  const sin = g.op('Unsqueeze', [g.op('Sin', [angles]), i64([1])]);
  const rope = (x: string) => {
    const first = g.op('Slice', [x, i64([0]), i64([hd / 2]), i64([3])]);
    const second = g.op('Slice', [x, i64([hd / 2]), i64([hd]), i64([3])]);
    const rotated = g.op('Concat', [g.op('Neg', [second]), first], { axis: 3 });
    return g.op('Add', [g.op('Mul', [x, cos]), g.op('Mul', [rotated, sin])]);
  };

  const inputs: ValueInfo[] = [
    { name: 'input_ids', dataType: DataType.INT64, shape: ['batch_size', 'sequence_length'] },
    { name: 'attention_mask', dataType: DataType.INT64, shape: ['batch_size', 'total_sequence_length'] },
    { name: 'position_ids', dataType: DataType.INT64, shape: ['batch_size', 'sequence_length'] },
  ];
  const outputs: ValueInfo[] = [{ name: 'logits', dataType: DataType.FLOAT, shape: ['batch_size', 'sequence_length', TINY_VOCAB] }];

  let h = g.op('Gather', [g.f32('embed_tokens', w.embed.dims, w.embed.data), 'input_ids']);
  w.layers.forEach((L, l) => {
    const p = `layers.${l}`;
    // Attention.
    const x = rms(h, `${p}.input_layernorm`, L.inputNorm);
    const heads = (proj: string, n: number, name: string, wt: Weight, norm?: Weight) => {
      const split = g.op('Reshape', [W.matmul(x, `${p}.${proj}`, wt), i64([0, 0, n, hd])]);
      const normed = norm ? rms(split, `${p}.${name}`, norm) : split;
      return g.op('Transpose', [normed], { perm: [0, 2, 1, 3] });
    };
    const q = rope(heads('q_proj', nH, 'q_norm', L.q, L.qNorm));
    const k = rope(heads('k_proj', nKV, 'k_norm', L.k, L.kNorm));
    const v = heads('v_proj', nKV, '', L.v);
    const pastK = `past_key_values.${l}.key`;
    const pastV = `past_key_values.${l}.value`;
    inputs.push(
      { name: pastK, dataType: DataType.FLOAT, shape: ['batch_size', nKV, 'past_sequence_length', hd] },
      { name: pastV, dataType: DataType.FLOAT, shape: ['batch_size', nKV, 'past_sequence_length', hd] },
    );
    const presentK = g.op('Concat', [pastK, k], { axis: 2 }, `present.${l}.key`);
    const presentV = g.op('Concat', [pastV, v], { axis: 2 }, `present.${l}.value`);
    outputs.push(
      { name: presentK, dataType: DataType.FLOAT, shape: ['batch_size', nKV, 'total_sequence_length', hd] },
      { name: presentV, dataType: DataType.FLOAT, shape: ['batch_size', nKV, 'total_sequence_length', hd] },
    );
    // Grouped queries: [B, nKV, groups, S, hd] against [B, nKV, 1, T, hd], broadcast by MatMul.
    const q5 = g.op('Reshape', [q, i64([0, nKV, groups, -1, hd])]);
    const k5 = g.op('Transpose', [g.op('Unsqueeze', [presentK, i64([2])])], { perm: [0, 1, 2, 4, 3] });
    const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q5, k5]), g.constF([1 / Math.sqrt(hd)], [])]), mask]);
    const probs = g.op('Softmax', [scores], { axis: -1 });
    const ctx5 = g.op('MatMul', [probs, g.op('Unsqueeze', [presentV, i64([2])])]);
    const ctx = g.op('Reshape', [g.op('Transpose', [g.op('Reshape', [ctx5, i64([0, nH, -1, hd])])], { perm: [0, 2, 1, 3] }), i64([0, 0, nH * hd])]);
    h = g.op('Add', [h, W.matmul(ctx, `${p}.o_proj`, L.o)]);

    // Mixture of experts: the router's top-k, renormalised; only those experts' weights are read.
    const y = rms(h, `${p}.post_attention_layernorm`, L.postNorm);
    const routerProbs = g.op('Softmax', [g.op('MatMul', [y, g.f32(`${p}.mlp.gate`, L.router.dims, L.router.data)])], { axis: -1 });
    const [topV, topI] = g.opN('TopK', [routerProbs, i64([K])], 2, { axis: -1 }) as [string, string];
    const names = routerOutputs(l);
    const chosen = g.op('Identity', [topI], {}, names.indices);
    const weights = g.op('Div', [topV, g.op('ReduceSum', [topV, i64([-1])], { keepdims: 1 })], {}, names.weights);
    outputs.push(
      { name: chosen, dataType: DataType.INT64, shape: ['batch_size', 'sequence_length', K] },
      { name: weights, dataType: DataType.FLOAT, shape: ['batch_size', 'sequence_length', K] },
    );
    const y6 = g.op('Unsqueeze', [y, i64([2, 3])]);
    const gate = g.op('MatMul', [y6, W.experts(`${p}.experts.gate_proj`, L.gate, chosen)]);
    const up = g.op('MatMul', [y6, W.experts(`${p}.experts.up_proj`, L.up, chosen)]);
    const act = g.op('Mul', [g.op('Mul', [gate, g.op('Sigmoid', [gate])]), up]);
    const down = g.op('Squeeze', [g.op('MatMul', [act, W.experts(`${p}.experts.down_proj`, L.down, chosen)]), i64([3])]);
    const mixed = g.op('ReduceSum', [g.op('Mul', [down, g.op('Unsqueeze', [weights, i64([3])])]), i64([2])], { keepdims: 0 });
    h = g.op('Add', [h, mixed]);
  });
  const final = rms(h, 'norm', w.norm);
  g.op('Add', [W.matmul(final, 'lm_head', w.lmHead), g.f32('logit_bias', w.logitBias.dims, w.logitBias.data)], {}, 'logits');
  return {
    nodes: g.nodes,
    initializers: g.initializers,
    inputs,
    outputs,
    opset: 17,
    ...(dtype === 'q4' ? { extraOpsets: [{ domain: 'com.microsoft', version: 1 }] } : {}),
    producer: 'qwen3-moe-webgpu tiny-moe',
  };
}
