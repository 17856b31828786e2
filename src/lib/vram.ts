/**
 * GPU memory of an MLC model, from first principles:
 * weights (every parameter at the quantization's bits per weight, group scales included),
 * KV cache (layers × KV heads × head dim × 2 for K and V × bytes per element × tokens),
 * and the temporary buffers of one prefill chunk (the logits in float32 for every token of
 * the chunk, plus the largest intermediate activation: the MLP's gate/up/activation or the
 * attention scores). The same functions serve the memory panel, `npm run vram-table` and
 * the MoE projections.
 */
import type { Architecture } from './architectures';
import type { QuantInfo } from './quant';

export const MiB = 2 ** 20;

/** Parameter count from the architecture (embeddings, attention, MLP, norms, LM head). */
export function parameterCount(a: Architecture): number {
  const q = a.heads * a.headDim;
  const kv = a.kvHeads * a.headDim;
  const attention = a.hidden * q + 2 * a.hidden * kv + q * a.hidden + (a.qkvBias ? q + 2 * kv : 0);
  const mlp = 3 * a.hidden * a.intermediate;
  const norms = 2 * a.hidden + (a.qkNorm ? 2 * a.headDim : 0);
  const embedding = a.vocab * a.hidden;
  return a.layers * (attention + mlp + norms) + a.hidden + embedding + (a.tiedEmbeddings ? 0 : embedding);
}

/** Bytes per element of the KV cache and activations: MLC keeps them in the quantization's float type. */
const floatBytes = (quant: QuantInfo) => quant.floatBits / 8;

export function weightBytes(a: Architecture, quant: QuantInfo): number {
  return (parameterCount(a) * quant.bitsPerWeight) / 8;
}

export function kvBytesPerToken(a: Architecture, quant: QuantInfo): number {
  return a.layers * a.kvHeads * a.headDim * 2 * floatBytes(quant);
}

export function tempBytes(a: Architecture, quant: QuantInfo, prefillChunk: number): number {
  const logits = prefillChunk * a.vocab * 4;
  const mlp = 4 * a.intermediate;
  const attention = a.heads * prefillChunk + (a.heads + 2 * a.kvHeads) * a.headDim;
  return logits + prefillChunk * Math.max(mlp, attention) * floatBytes(quant);
}

export interface MemoryEstimate {
  weights: number;
  kvPerToken: number;
  kv: number;
  temp: number;
  total: number;
}

/** Bytes needed to run the model with `contextTokens` of KV cache allocated. */
export function estimateMemory(a: Architecture, quant: QuantInfo, contextTokens: number, prefillChunk = 1024): MemoryEstimate {
  const weights = weightBytes(a, quant);
  const kvPerToken = kvBytesPerToken(a, quant);
  const kv = kvPerToken * contextTokens;
  const temp = tempBytes(a, quant, prefillChunk);
  return { weights, kvPerToken, kv, temp, total: weights + kv + temp };
}
