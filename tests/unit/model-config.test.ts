import { describe, expect, it } from 'vitest';
import { architectureOf, type Architecture } from '../../src/lib/architectures';
import { architectureFromModelConfig } from '../../src/lib/model-config';
import { parseQuant } from '../../src/lib/quant';
import { estimateMemory } from '../../src/lib/vram';
import { QWEN35_08B_TEXT, QWEN3_06B } from '../fixtures/model-configs';

const q4f16 = parseQuant('q4f16_1')!;

/** model_config as an MLC build of Qwen3-0.6B writes it, with the file's model_type added by the worker. */
const qwen3 = { model_type: 'qwen3', ...QWEN3_06B };

/** A Qwen3.5 model_config in the Hugging Face layout: the language model's fields under text_config. */
const qwen35 = { model_type: 'qwen3_5', tie_word_embeddings: true, text_config: QWEN35_08B_TEXT };

/** An architecture without the fields that say where it came from. */
function withoutSource(a: Architecture): Omit<Architecture, 'source' | 'checked'> {
  const rest: Partial<Architecture> = { ...a };
  delete rest.source;
  delete rest.checked;
  return rest as Omit<Architecture, 'source' | 'checked'>;
}

describe("an architecture from the model's own mlc-chat-config.json", () => {
  it("reads a Qwen3 model_config as the table's entry for that model", () => {
    const own = architectureFromModelConfig(qwen3, 'mlc-chat-config.json')!;
    expect(own.source).toBe('mlc-chat-config.json');
    expect(withoutSource(own)).toEqual(withoutSource(architectureOf('Qwen3-0.6B')!));
  });

  it("reads a hybrid Qwen3.5 config (text_config, layer_types) as the table's entry, so both give one estimate", () => {
    const own = architectureFromModelConfig(qwen35, 'mlc-chat-config.json')!;
    const table = architectureOf('Qwen3.5-0.8B')!;
    expect(withoutSource(own)).toEqual(withoutSource(table));
    expect(estimateMemory(own, q4f16, 4096)).toEqual(estimateMemory(table, q4f16, 4096));
  });

  it('takes the interval when there are no layer_types, and a qwen2 config gets its qkv bias', () => {
    const text = { ...qwen35.text_config, layer_types: undefined, full_attention_interval: 4 };
    expect(architectureFromModelConfig({ ...qwen35, text_config: text }, 'x')?.hybrid?.fullAttentionInterval).toBe(4);
    const qwen2 = architectureFromModelConfig({ ...qwen3, model_type: 'qwen2', head_dim: 0 }, 'x')!;
    expect(qwen2).toMatchObject({ qkvBias: true, qkNorm: false, headDim: 64 });
  });

  it('gives nothing rather than a guess when a field is missing, malformed or the family unknown', () => {
    expect(architectureFromModelConfig({ ...qwen3, vocab_size: undefined }, 'x')).toBeNull();
    expect(architectureFromModelConfig({ ...qwen3, model_type: 'llama' }, 'x')).toBeNull();
    expect(architectureFromModelConfig({ ...qwen3, num_hidden_layers: '28' }, 'x')).toBeNull();
    expect(architectureFromModelConfig({ ...qwen3, hidden_size: -1 }, 'x')).toBeNull();
    expect(architectureFromModelConfig({ ...qwen3, tie_word_embeddings: 'yes' }, 'x')).toBeNull();
    // A hybrid config without its linear-attention shape is not read as a dense model.
    expect(architectureFromModelConfig({ ...qwen35, text_config: { ...qwen35.text_config, linear_key_head_dim: undefined } }, 'x')).toBeNull();
  });
});
