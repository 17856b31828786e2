/**
 * The tiny Qwen3-MoE the repo writes itself (`npm run tiny-moe`): Qwen3-MoE's shape at a size a
 * software WebGPU adapter runs — random weights, not a language model. One place for its shape,
 * read by the generator, its reference forward pass, the catalog and the memory estimate.
 */
import type { Architecture } from './architectures';

export const TINY_MOE = {
  /** The folder under the app's models path, and the name before the dtype in its catalog ids. */
  name: 'Qwen3-MoE-Tiny',
  seed: 20261206,
  /** 256 byte tokens, the merges, then the five special tokens. */
  byteTokens: 256,
  merges: 123,
  specials: ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<think>', '</think>'],
  hidden: 128,
  layers: 4,
  heads: 4,
  kvHeads: 2,
  headDim: 32,
  experts: 8,
  expertsPerToken: 2,
  moeIntermediate: 128,
  ropeTheta: 1_000_000,
  rmsNormEps: 1e-6,
  maxPositions: 2048,
} as const;

export const TINY_VOCAB = TINY_MOE.byteTokens + TINY_MOE.merges + TINY_MOE.specials.length;
export const specialId = (token: (typeof TINY_MOE.specials)[number]) => TINY_MOE.byteTokens + TINY_MOE.merges + TINY_MOE.specials.indexOf(token);

/** The three builds of the same weights, by transformers.js's dtype names and file suffixes. */
export const TINY_DTYPES = [
  { dtype: 'fp32', file: 'model.onnx', bits: 32 },
  { dtype: 'int8', file: 'model_int8.onnx', bits: 8 },
  { dtype: 'q4', file: 'model_q4.onnx', bits: 4 },
] as const;
export type TinyDtype = (typeof TINY_DTYPES)[number]['dtype'];

export const TINY_ARCHITECTURE: Architecture = {
  hidden: TINY_MOE.hidden,
  layers: TINY_MOE.layers,
  heads: TINY_MOE.heads,
  kvHeads: TINY_MOE.kvHeads,
  headDim: TINY_MOE.headDim,
  // config.json's intermediate_size (a dense MLP's width, unused by an all-MoE model), as for every MoE here.
  intermediate: TINY_MOE.moeIntermediate * 2,
  vocab: TINY_VOCAB,
  tiedEmbeddings: false,
  qkvBias: false,
  qkNorm: true,
  maxContext: TINY_MOE.maxPositions,
  source: 'scripts/tiny-moe (written by this repository; random weights)',
  moe: { experts: TINY_MOE.experts, perToken: TINY_MOE.expertsPerToken, intermediate: TINY_MOE.moeIntermediate },
};

/** config.json as Hugging Face's Qwen3-MoE writes it (the field names transformers.js reads). */
export function tinyConfigJson(): Record<string, unknown> {
  const t = TINY_MOE;
  return {
    architectures: ['Qwen3MoeForCausalLM'],
    model_type: 'qwen3_moe',
    vocab_size: TINY_VOCAB,
    hidden_size: t.hidden,
    intermediate_size: t.moeIntermediate * 2,
    moe_intermediate_size: t.moeIntermediate,
    num_hidden_layers: t.layers,
    num_attention_heads: t.heads,
    num_key_value_heads: t.kvHeads,
    head_dim: t.headDim,
    num_experts: t.experts,
    num_experts_per_tok: t.expertsPerToken,
    norm_topk_prob: true,
    decoder_sparse_step: 1,
    mlp_only_layers: [],
    hidden_act: 'silu',
    rms_norm_eps: t.rmsNormEps,
    rope_theta: t.ropeTheta,
    rope_scaling: null,
    max_position_embeddings: t.maxPositions,
    attention_bias: false,
    attention_dropout: 0,
    use_sliding_window: false,
    sliding_window: null,
    max_window_layers: t.layers,
    tie_word_embeddings: false,
    output_router_logits: false,
    router_aux_loss_coef: 0.001,
    initializer_range: 0.02,
    use_cache: true,
    bos_token_id: specialId('<|endoftext|>'),
    eos_token_id: specialId('<|im_end|>'),
    torch_dtype: 'float32',
    transformers_version: '4.51.0',
    // Not a Hugging Face field: says what this is wherever the file is read.
    tiny_moe_note: 'Random weights written by scripts/tiny-moe: Qwen3-MoE-shaped, not a language model.',
  };
}
