/**
 * An architecture read from a model's own mlc-chat-config.json (its `model_config`, with the file's
 * `model_type`), as web-llm caches it with the model. It is the model's own word, so the memory panel
 * prefers it to the app's table; the file comes from a download, so every field is checked and a
 * config that does not read as a Qwen model gives no architecture rather than a guessed one.
 */
import type { Architecture } from './architectures';

type Config = Record<string, unknown>;

const isRecord = (v: unknown): v is Config => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1e7 ? v : null);

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
  return count(c.full_attention_interval);
}

function hybridOf(c: Config, layers: number): Architecture['hybrid'] | null {
  const interval = fullAttentionInterval(c, layers);
  const keyHeads = count(c.linear_num_key_heads);
  const valueHeads = count(c.linear_num_value_heads);
  const keyDim = count(c.linear_key_head_dim);
  const valueDim = count(c.linear_value_head_dim);
  const convKernel = count(c.linear_conv_kernel_dim);
  if (!interval || !keyHeads || !valueHeads || !keyDim || !valueDim || !convKernel) return null;
  return { fullAttentionInterval: interval, keyHeads, valueHeads, keyDim, valueDim, convKernel };
}

function moeOf(c: Config): Architecture['moe'] | null {
  const experts = count(c.num_experts);
  const perToken = count(c.num_experts_per_tok);
  const intermediate = count(c.moe_intermediate_size);
  if (!experts || !perToken || !intermediate) return null;
  const shared = count(c.shared_expert_intermediate_size);
  return { experts, perToken, intermediate, ...(shared ? { sharedIntermediate: shared } : {}) };
}

/** The architecture `modelConfig` describes, or null (with nothing guessed) when it does not say enough. */
export function architectureFromModelConfig(modelConfig: Config, source: string): Architecture | null {
  // Multimodal Qwen3.5 configs keep the language model's fields under text_config.
  const c: Config = isRecord(modelConfig.text_config) ? { ...modelConfig, ...modelConfig.text_config } : modelConfig;
  const family = typeof c.model_type === 'string' ? FAMILIES[c.model_type] : undefined;
  const hidden = count(c.hidden_size);
  const layers = count(c.num_hidden_layers);
  const heads = count(c.num_attention_heads);
  const kvHeads = count(c.num_key_value_heads);
  const vocab = count(c.vocab_size);
  if (!family || !hidden || !layers || !heads || !kvHeads || !vocab) return null;
  const headDim = count(c.head_dim) ?? (hidden % heads === 0 ? hidden / heads : null);
  const moe = moeOf(c);
  const intermediate = count(c.intermediate_size) ?? moe?.intermediate ?? null;
  const maxContext = count(c.context_window_size) ?? count(c.max_position_embeddings);
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
