/**
 * Architecture of every Qwen model in the catalog, as its config.json on the
 * model card states it. `source` is that file. Instruct, Coder and Math
 * variants share the base model's shape unless stated.
 */
export interface Architecture {
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  intermediate: number;
  vocab: number;
  tiedEmbeddings: boolean;
  /** Qwen2/2.5 add a bias to the q, k and v projections. */
  qkvBias: boolean;
  /** Qwen3 normalises q and k per head (two small weight vectors per layer). */
  qkNorm: boolean;
  maxContext: number;
  source: string;
  /** Mixture of experts: every layer's MLP is `experts` experts, of which `perToken` run for each token. */
  moe?: { experts: number; perToken: number; intermediate: number; sharedIntermediate?: number };
  /** Hybrid models (Qwen3-Next, Qwen3.5/3.6): 1 layer in `fullAttentionInterval` has attention and a KV
   * cache, the others are Gated DeltaNet (linear attention) with a fixed-size state. */
  hybrid?: { fullAttentionInterval: number; keyHeads: number; valueHeads: number; keyDim: number; valueDim: number; convKernel: number };
  /** Gated attention: q_proj also produces an output gate (twice its width). */
  attnOutputGate?: boolean;
}

const card = (repo: string) => `https://huggingface.co/${repo}/blob/main/config.json`;

const qwen2 = { qkvBias: true, qkNorm: false };
const qwen3 = { qkvBias: false, qkNorm: true };

const QWEN2_05B = { hidden: 896, layers: 24, heads: 14, kvHeads: 2, headDim: 64, intermediate: 4864, vocab: 151936, tiedEmbeddings: true, ...qwen2 };
const QWEN2_15B = { hidden: 1536, layers: 28, heads: 12, kvHeads: 2, headDim: 128, intermediate: 8960, vocab: 151936, tiedEmbeddings: true, ...qwen2 };
const QWEN25_3B = { hidden: 2048, layers: 36, heads: 16, kvHeads: 2, headDim: 128, intermediate: 11008, vocab: 151936, tiedEmbeddings: true, ...qwen2 };
const QWEN2_7B = { hidden: 3584, layers: 28, heads: 28, kvHeads: 4, headDim: 128, intermediate: 18944, vocab: 152064, tiedEmbeddings: false, ...qwen2 };

/** Keyed by the catalog's model name (the model id without its quantization). */
export const ARCHITECTURES: Record<string, Architecture> = {
  'Qwen3-0.6B': { hidden: 1024, layers: 28, heads: 16, kvHeads: 8, headDim: 128, intermediate: 3072, vocab: 151936, tiedEmbeddings: true, ...qwen3, maxContext: 40960, source: card('Qwen/Qwen3-0.6B') },
  'Qwen3-1.7B': { hidden: 2048, layers: 28, heads: 16, kvHeads: 8, headDim: 128, intermediate: 6144, vocab: 151936, tiedEmbeddings: true, ...qwen3, maxContext: 40960, source: card('Qwen/Qwen3-1.7B') },
  'Qwen3-4B': { hidden: 2560, layers: 36, heads: 32, kvHeads: 8, headDim: 128, intermediate: 9728, vocab: 151936, tiedEmbeddings: true, ...qwen3, maxContext: 40960, source: card('Qwen/Qwen3-4B') },
  'Qwen3-8B': { hidden: 4096, layers: 36, heads: 32, kvHeads: 8, headDim: 128, intermediate: 12288, vocab: 151936, tiedEmbeddings: false, ...qwen3, maxContext: 40960, source: card('Qwen/Qwen3-8B') },

  'Qwen2.5-0.5B-Instruct': { ...QWEN2_05B, maxContext: 32768, source: card('Qwen/Qwen2.5-0.5B-Instruct') },
  'Qwen2.5-1.5B-Instruct': { ...QWEN2_15B, maxContext: 32768, source: card('Qwen/Qwen2.5-1.5B-Instruct') },
  'Qwen2.5-3B-Instruct': { ...QWEN25_3B, maxContext: 32768, source: card('Qwen/Qwen2.5-3B-Instruct') },
  'Qwen2.5-7B-Instruct': { ...QWEN2_7B, maxContext: 32768, source: card('Qwen/Qwen2.5-7B-Instruct') },
  'Qwen2.5-Coder-0.5B-Instruct': { ...QWEN2_05B, maxContext: 32768, source: card('Qwen/Qwen2.5-Coder-0.5B-Instruct') },
  'Qwen2.5-Coder-1.5B-Instruct': { ...QWEN2_15B, maxContext: 32768, source: card('Qwen/Qwen2.5-Coder-1.5B-Instruct') },
  'Qwen2.5-Coder-3B-Instruct': { ...QWEN25_3B, maxContext: 32768, source: card('Qwen/Qwen2.5-Coder-3B-Instruct') },
  'Qwen2.5-Coder-7B-Instruct': { ...QWEN2_7B, maxContext: 32768, source: card('Qwen/Qwen2.5-Coder-7B-Instruct') },
  'Qwen2.5-Math-1.5B-Instruct': { ...QWEN2_15B, maxContext: 4096, source: card('Qwen/Qwen2.5-Math-1.5B-Instruct') },

  'Qwen2-0.5B-Instruct': { ...QWEN2_05B, maxContext: 32768, source: card('Qwen/Qwen2-0.5B-Instruct') },
  'Qwen2-1.5B-Instruct': { ...QWEN2_15B, maxContext: 32768, source: card('Qwen/Qwen2-1.5B-Instruct') },
  'Qwen2-7B-Instruct': { ...QWEN2_7B, maxContext: 32768, source: card('Qwen/Qwen2-7B-Instruct') },
  'Qwen2-Math-1.5B-Instruct': { ...QWEN2_15B, maxContext: 4096, source: card('Qwen/Qwen2-Math-1.5B-Instruct') },
  'Qwen2-Math-7B-Instruct': { ...QWEN2_7B, maxContext: 4096, source: card('Qwen/Qwen2-Math-7B-Instruct') },

  'DeepSeek-R1-Distill-Qwen-7B': { ...QWEN2_7B, maxContext: 131072, source: card('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B') },
};

/**
 * Models in web-llm's catalog whose architecture is not in the table, and why.
 * Qwen3.5 mixes Gated DeltaNet (linear attention) and full-attention layers; its
 * small models' configs could not be checked here, so no estimate is made for them.
 */
export const UNSOURCED: Record<string, string> = {
  'Qwen3.5-0.8B': 'hybrid linear/full attention; config.json not verified',
  'Qwen3.5-2B': 'hybrid linear/full attention; config.json not verified',
  'Qwen3.5-4B': 'hybrid linear/full attention; config.json not verified',
  'Qwen3.5-9B': 'hybrid linear/full attention; config.json not verified',
};

export function architectureOf(modelName: string): Architecture | null {
  return ARCHITECTURES[modelName] ?? null;
}
