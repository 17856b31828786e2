/**
 * Compares the app's architecture data with the `model_config` section of a
 * loaded model's mlc-chat-config.json, so a wrong entry in the data file shows
 * up as a warning instead of silently skewing the estimates.
 */
import type { Architecture } from './architectures';

export interface ConfigMismatch {
  field: string;
  ours: number | boolean;
  model: unknown;
}

const FIELDS: Array<[keyof Architecture, string]> = [
  ['hidden', 'hidden_size'],
  ['layers', 'num_hidden_layers'],
  ['heads', 'num_attention_heads'],
  ['kvHeads', 'num_key_value_heads'],
  ['headDim', 'head_dim'],
  ['intermediate', 'intermediate_size'],
  ['vocab', 'vocab_size'],
  ['tiedEmbeddings', 'tie_word_embeddings'],
];

/** Fields present in both and different; fields the model config lacks are not compared. */
export function compareModelConfig(arch: Architecture, modelConfig: Record<string, unknown>): ConfigMismatch[] {
  const out: ConfigMismatch[] = [];
  for (const [ours, theirs] of FIELDS) {
    if (!(theirs in modelConfig)) continue;
    const value = modelConfig[theirs];
    if (value !== arch[ours]) out.push({ field: theirs, ours: arch[ours] as number | boolean, model: value });
  }
  return out;
}
