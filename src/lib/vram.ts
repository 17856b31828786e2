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

const fullAttentionLayers = (a: Architecture) =>
  a.shortConv ? a.shortConv.attentionLayers : a.hybrid ? Math.floor(a.layers / a.hybrid.fullAttentionInterval) : a.layers;

/** A mixer layer without attention: Gated DeltaNet (hybrid) or a gated short convolution (shortConv). */
const otherMixerParams = (a: Architecture) => (a.hybrid ? linearAttentionParams(a) : a.shortConv ? 4 * a.hidden * a.hidden + a.shortConv.kernel * a.hidden : 0);

function attentionParams(a: Architecture): number {
  const q = a.heads * a.headDim;
  const kv = a.kvHeads * a.headDim;
  return a.hidden * q * (a.attnOutputGate ? 2 : 1) + 2 * a.hidden * kv + q * a.hidden + (a.qkvBias ? q + 2 * kv : 0) + (a.qkNorm ? 2 * a.headDim : 0);
}

/** A Gated DeltaNet layer: q, k, v and gate projections, the beta/alpha projections, a short convolution, the output. */
function linearAttentionParams(a: Architecture): number {
  const h = a.hybrid!;
  const qk = h.keyHeads * h.keyDim;
  const v = h.valueHeads * h.valueDim;
  return a.hidden * (2 * qk + 2 * v) + a.hidden * 2 * h.valueHeads + (2 * qk + v) * h.convKernel + v * a.hidden + 2 * h.valueHeads + h.valueDim;
}

/** MLP parameters of one layer: all of them, or only those one token runs through. */
function mlpParams(a: Architecture, active: boolean): number {
  if (!a.moe) return 3 * a.hidden * a.intermediate;
  const m = a.moe;
  const routed = (active ? m.perToken : m.experts) * 3 * a.hidden * m.intermediate;
  const shared = m.sharedIntermediate ? 3 * a.hidden * m.sharedIntermediate + a.hidden : 0;
  return a.hidden * m.experts + routed + shared;
}

function layerParams(a: Architecture, active: boolean): number {
  const full = fullAttentionLayers(a);
  const mixers = full * attentionParams(a) + (a.layers - full) * otherMixerParams(a);
  const dense = a.moe ? (a.denseLayers ?? 0) : 0;
  const mlps = dense * 3 * a.hidden * a.intermediate + (a.layers - dense) * mlpParams(a, active);
  return mixers + mlps + a.layers * 2 * a.hidden;
}

/** Parameter count from the architecture (embeddings, attention, MLP or experts, norms, LM head). */
export function parameterCount(a: Architecture): number {
  const embedding = a.vocab * a.hidden;
  return layerParams(a, false) + a.hidden + embedding + (a.tiedEmbeddings ? 0 : embedding);
}

/** Parameters one token runs through, as model cards count them (embeddings included). */
export function activeParameterCount(a: Architecture): number {
  const embedding = a.vocab * a.hidden;
  return layerParams(a, true) + a.hidden + embedding + (a.tiedEmbeddings ? 0 : embedding);
}

/** Parameters read from memory to decode one token: the active ones, less the input embedding
 * table when it is separate from the LM head (one row of it is read, not all). */
export function parametersReadPerToken(a: Architecture): number {
  return activeParameterCount(a) - (a.tiedEmbeddings ? 0 : a.vocab * a.hidden);
}

/** Bytes per element of the KV cache and activations: MLC keeps them in the quantization's float type. */
const floatBytes = (quant: Pick<QuantInfo, 'floatBits'>) => quant.floatBits / 8;

export function weightBytes(a: Architecture, quant: Pick<QuantInfo, 'bitsPerWeight'>): number {
  return (parameterCount(a) * quant.bitsPerWeight) / 8;
}

/** KV cache bytes per token the model needs: only full-attention layers keep one (linear layers
 * hold a fixed-size state). What a runtime that sizes its cache to the model reserves, and what
 * decoding reads. */
export function kvBytesPerToken(a: Architecture, quant: Pick<QuantInfo, 'floatBits'>): number {
  return fullAttentionLayers(a) * a.kvHeads * a.headDim * 2 * floatBytes(quant);
}

/** KV cache bytes per token an MLC build reserves: its paged cache has pages for every layer, the
 * linear-attention layers of hybrid models included. For Qwen3.5 web-llm's figures agree with this
 * within 2 %, and are 7 to 22 % above a cache for the full-attention layers alone. */
export function mlcKvBytesPerToken(a: Architecture, quant: Pick<QuantInfo, 'floatBits'>): number {
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

/** Bytes an MLC build needs to run the model with `contextTokens` of KV cache allocated. */
export function estimateMemory(a: Architecture, quant: QuantInfo, contextTokens: number, prefillChunk = 1024): MemoryEstimate {
  const weights = weightBytes(a, quant);
  const kvPerToken = mlcKvBytesPerToken(a, quant);
  const kv = kvPerToken * contextTokens;
  const temp = tempBytes(a, quant, prefillChunk);
  return { weights, kvPerToken, kv, temp, total: weights + kv + temp };
}

/** A size in MB (2^20 bytes) as the app writes it everywhere: MB below a GB, GB with one decimal above. */
export function formatSizeMB(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}
