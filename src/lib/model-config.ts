/**
 * An architecture read from a model's own mlc-chat-config.json (its `model_config`, with the file's
 * `model_type`), as web-llm caches it with the model. It is the model's own word, so the memory panel
 * prefers it to the app's table; the file comes from a download, so every field is checked and a
 * config that does not read as a Qwen model gives no architecture rather than a guessed one.
 */
import type { Architecture } from './architectures';

type Config = Record<string, unknown>;

const isRecord = (v: unknown): v is Config => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A positive whole number no larger than `max`: each field has a ceiling well above any real model's,
 * so a damaged or hostile config (sizes of 9,999,999) gives no architecture rather than absurd figures. */
const count = (v: unknown, max = 1_000_000): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= max ? v : null);
const LIMIT = { dim: 65_536, layers: 1_024, heads: 1_024, headDim: 4_096, ffn: 262_144, vocab: 4_194_304, context: 16_777_216, experts: 4_096 } as const;

/** Qwen families whose attention the estimate knows: their bias and norm follow from the type. */
const FAMILIES: Record<string, Pick<Architecture, 'qkvBias' | 'qkNorm'>> = {
  qwen2: { qkvBias: true, qkNorm: false },
  qwen2_moe: { qkvBias: true, qkNorm: false },
  qwen3: { qkvBias: false, qkNorm: true },
  qwen3_moe: { qkvBias: false, qkNorm: true },
  qwen3_5: { qkvBias: false, qkNorm: true },
  qwen3_5_text: { qkvBias: false, qkNorm: true },
};

/** Hybrid layers: how often a full-attention layer comes, from `layer_types` or the interval. */
function fullAttentionInterval(c: Config, layers: number): number | null {
  if (Array.isArray(c.layer_types)) {
    const full = c.layer_types.filter((t) => t === 'full_attention').length;
    return full > 0 && layers % full === 0 ? layers / full : null;
  }
  return count(c.full_attention_interval, LIMIT.layers);
}

function hybridOf(c: Config, layers: number): Architecture['hybrid'] | null {
  const interval = fullAttentionInterval(c, layers);
  const keyHeads = count(c.linear_num_key_heads, LIMIT.heads);
  const valueHeads = count(c.linear_num_value_heads, LIMIT.heads);
  const keyDim = count(c.linear_key_head_dim, LIMIT.headDim);
  const valueDim = count(c.linear_value_head_dim, LIMIT.headDim);
  const convKernel = count(c.linear_conv_kernel_dim, LIMIT.headDim);
  if (!interval || !keyHeads || !valueHeads || !keyDim || !valueDim || !convKernel) return null;
  return { fullAttentionInterval: interval, keyHeads, valueHeads, keyDim, valueDim, convKernel };
}

function moeOf(c: Config): Architecture['moe'] | null {
  const experts = count(c.num_experts, LIMIT.experts);
  const perToken = count(c.num_experts_per_tok, LIMIT.experts);
  const intermediate = count(c.moe_intermediate_size, LIMIT.ffn);
  if (!experts || !perToken || !intermediate || perToken > experts) return null;
  const shared = count(c.shared_expert_intermediate_size, LIMIT.ffn);
  return { experts, perToken, intermediate, ...(shared ? { sharedIntermediate: shared } : {}) };
}

/** The architecture `modelConfig` describes, or null (with nothing guessed) when it does not say enough. */
export function architectureFromModelConfig(modelConfig: Config, source: string): Architecture | null {
  // Multimodal Qwen3.5 configs keep the language model's fields under text_config.
  const c: Config = isRecord(modelConfig.text_config) ? { ...modelConfig, ...modelConfig.text_config } : modelConfig;
  const family = typeof c.model_type === 'string' ? FAMILIES[c.model_type] : undefined;
  const hidden = count(c.hidden_size, LIMIT.dim);
  const layers = count(c.num_hidden_layers, LIMIT.layers);
  const heads = count(c.num_attention_heads, LIMIT.heads);
  const kvHeads = count(c.num_key_value_heads, LIMIT.heads);
  const vocab = count(c.vocab_size, LIMIT.vocab);
  if (!family || !hidden || !layers || !heads || !kvHeads || !vocab || kvHeads > heads) return null;
  const headDim = count(c.head_dim, LIMIT.headDim) ?? (hidden % heads === 0 ? hidden / heads : null);
  const moe = moeOf(c);
  // A config that names experts but whose expert fields do not read is not a dense model.
  if (!moe && typeof c.num_experts === 'number' && c.num_experts > 0) return null;
  const intermediate = count(c.intermediate_size, LIMIT.ffn) ?? moe?.intermediate ?? null;
  const maxContext = count(c.context_window_size, LIMIT.context) ?? count(c.max_position_embeddings, LIMIT.context);
  if (!headDim || !intermediate || !maxContext || typeof c.tie_word_embeddings !== 'boolean') return null;
  const hybrid = 'linear_num_value_heads' in c ? hybridOf(c, layers) : undefined;
  if (hybrid === null) return null;
  return {
    hidden,
    layers,
    heads,
    kvHeads,
    headDim,
    intermediate,
    vocab,
    tiedEmbeddings: c.tie_word_embeddings,
    ...family,
    maxContext,
    source,
    ...(moe ? { moe } : {}),
    ...(hybrid ? { hybrid, attnOutputGate: c.attn_output_gate !== false } : {}),
  };
}
