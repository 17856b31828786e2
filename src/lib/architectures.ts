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
  /** How the values were checked where the source file itself could not be read here. */
  checked?: string;
  /** Mixture of experts: every layer's MLP is `experts` experts, of which `perToken` run for each token. */
  moe?: { experts: number; perToken: number; intermediate: number; sharedIntermediate?: number };
  /** Hybrid models (Qwen3-Next, Qwen3.5/3.6): 1 layer in `fullAttentionInterval` has attention and a KV
   * cache, the others are Gated DeltaNet (linear attention) with a fixed-size state. */
  hybrid?: { fullAttentionInterval: number; keyHeads: number; valueHeads: number; keyDim: number; valueDim: number; convKernel: number };
  /** Gated attention: q_proj also produces an output gate (twice its width). */
  attnOutputGate?: boolean;
  /** LFM2-style hybrids: only `attentionLayers` layers have attention (and a KV cache); the others are
   * gated short convolutions (in_proj to 3 × hidden, a depthwise kernel, out_proj). */
  shortConv?: { attentionLayers: number; kernel: number };
  /** MoE models whose first layers keep a dense MLP (of `intermediate`) before the experts start. */
  denseLayers?: number;
}

const card = (repo: string) => `https://huggingface.co/${repo}/blob/main/config.json`;

const qwen2 = { qkvBias: true, qkNorm: false };
const qwen3 = { qkvBias: false, qkNorm: true };

const QWEN2_05B = { hidden: 896, layers: 24, heads: 14, kvHeads: 2, headDim: 64, intermediate: 4864, vocab: 151936, tiedEmbeddings: true, ...qwen2 };
const QWEN2_15B = { hidden: 1536, layers: 28, heads: 12, kvHeads: 2, headDim: 128, intermediate: 8960, vocab: 151936, tiedEmbeddings: true, ...qwen2 };
const QWEN25_3B = { hidden: 2048, layers: 36, heads: 16, kvHeads: 2, headDim: 128, intermediate: 11008, vocab: 151936, tiedEmbeddings: true, ...qwen2 };
const QWEN2_7B = { hidden: 3584, layers: 28, heads: 28, kvHeads: 4, headDim: 128, intermediate: 18944, vocab: 152064, tiedEmbeddings: false, ...qwen2 };

/**
 * Qwen3.5's small models: Gated DeltaNet in three layers of four, gated full attention (256-wide
 * heads, q_proj twice as wide for the output gate) in the fourth; 16 key heads of 128 in the linear
 * layers; one vocabulary of 248,320. The multimodal checkpoints' vision tower and multi-token-
 * prediction layer are not part of the MLC text builds, so they are not counted.
 */
const qwen35 = (o: Pick<Architecture, 'hidden' | 'layers' | 'heads' | 'kvHeads' | 'intermediate' | 'tiedEmbeddings'> & { valueHeads: number }) => ({
  hidden: o.hidden,
  layers: o.layers,
  heads: o.heads,
  kvHeads: o.kvHeads,
  headDim: 256,
  intermediate: o.intermediate,
  vocab: 248320,
  tiedEmbeddings: o.tiedEmbeddings,
  ...qwen3,
  attnOutputGate: true,
  hybrid: { fullAttentionInterval: 4, keyHeads: 16, valueHeads: o.valueHeads, keyDim: 128, valueDim: 128, convKernel: 4 },
  maxContext: 262144,
});

/** Where the Qwen3.5 values were read: Hugging Face is out of reach from the machine this table was
 * written on, so each entry names the public copies of its config.json (text_config) it was taken from,
 * and what was inferred rather than read. The app also reads the model's own mlc-chat-config.json once
 * it is cached, and says so when it differs from this table. */
const Q35_CHECKED = {
  '0.8B': 'text_config transcribed in public code (hidden 1024, 24 layers, 8/2 heads, 3584, linear 16/16 heads, tied), and THUDM/slime scripts/models/qwen3.5-0.8B.sh',
  '2B': 'text_config fields checked by a public preflight script for Qwen3.5-2B (hidden 2048, 24 layers, 8/2 heads, 6144, linear 16/16 heads); tied embeddings inferred: untied would put the estimate 11 % above web-llm\'s figure',
  '4B': 'text_config transcribed in public code (hidden 2560, 32 layers, 16/4 heads, 9216, linear 16/32 heads, tied), and slime\'s Qwen3.5-4B model args',
  '9B': 'Qwen3.5-9B defaults of a public Qwen3.5 implementation (hidden 4096, 32 layers, 16/4 heads, 12288, linear 16/32 heads, untied) and a public model-card summary (32 layers, hidden 4096)',
};

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

  'Qwen3.5-0.8B': { ...qwen35({ hidden: 1024, layers: 24, heads: 8, kvHeads: 2, intermediate: 3584, tiedEmbeddings: true, valueHeads: 16 }), source: card('Qwen/Qwen3.5-0.8B'), checked: Q35_CHECKED['0.8B'] },
  'Qwen3.5-2B': { ...qwen35({ hidden: 2048, layers: 24, heads: 8, kvHeads: 2, intermediate: 6144, tiedEmbeddings: true, valueHeads: 16 }), source: card('Qwen/Qwen3.5-2B'), checked: Q35_CHECKED['2B'] },
  'Qwen3.5-4B': { ...qwen35({ hidden: 2560, layers: 32, heads: 16, kvHeads: 4, intermediate: 9216, tiedEmbeddings: true, valueHeads: 32 }), source: card('Qwen/Qwen3.5-4B'), checked: Q35_CHECKED['4B'] },
  'Qwen3.5-9B': { ...qwen35({ hidden: 4096, layers: 32, heads: 16, kvHeads: 4, intermediate: 12288, tiedEmbeddings: false, valueHeads: 32 }), source: card('Qwen/Qwen3.5-9B'), checked: Q35_CHECKED['9B'] },
};

export function architectureOf(modelName: string): Architecture | null {
  return ARCHITECTURES[modelName] ?? null;
}
