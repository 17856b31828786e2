import { describe, expect, it } from 'vitest';
import { BIG_MODELS } from '../../src/lib/big-models';
import { checkUrl, customCatalogModel, customFamily, customModelId, readCustomModel } from '../../src/lib/custom-model';
import { parseQuant } from '../../src/lib/quant';
import { activeParameterCount, estimateMemory, parameterCount } from '../../src/lib/vram';
import { QWEN3_30B_A3B } from '../fixtures/model-configs';

const fields = { id: 'Qwen3-30B-A3B-q4f16_1-MLC', model: 'https://m.example/Qwen3-30B-A3B-q4f16_1-MLC', modelLib: 'https://m.example/libs/q.wasm' };

/** An mlc-chat-config.json for an MLC build of Qwen3-30B-A3B, as config.json's fields give it. */
const moeConfig = {
  model_type: 'qwen3_moe',
  quantization: 'q4f16_1',
  context_window_size: 4096,
  model_config: QWEN3_30B_A3B,
};

describe('a custom model', () => {
  it('reads a Qwen3 MoE config: every expert held in memory, only the active ones read per token', () => {
    const read = readCustomModel(fields, moeConfig, 5);
    if (!read.ok) throw new Error(read.reason);
    const { model, arch } = read.value;
    expect(model).toMatchObject({ ...fields, quant: 'q4f16_1', contextWindow: 4096, addedAt: 5 });
    expect(parameterCount(arch) / 1e9).toBeCloseTo(30.5, 0);
    expect(activeParameterCount(arch) / 1e9).toBeCloseTo(3.3, 0);
    // The same shape as the app's sourced Qwen3-30B-A3B entry, so the same estimate.
    const table = BIG_MODELS.find((m) => m.name === 'Qwen3-30B-A3B')!.arch;
    expect(parameterCount(arch)).toBe(parameterCount(table));
    const q = parseQuant('q4f16_1')!;
    expect(estimateMemory(arch, q, 4096).weights).toBe(estimateMemory(table, q, 4096).weights);
  });

  it('refuses a config that is not an object, lacks a section, has an unknown quantization or architecture', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['<html>', /not a JSON object/],
      [{ ...moeConfig, model_type: undefined }, /no model_type/],
      [{ ...moeConfig, model_config: null }, /no model_config/],
      [{ ...moeConfig, quantization: 'awq' }, /quantization "awq"/],
      [{ ...moeConfig, model_type: 'llama' }, /architecture "llama"/],
      [{ ...moeConfig, model_config: { ...moeConfig.model_config, num_hidden_layers: 'many' } }, /lacks a field/],
    ];
    for (const [config, reason] of cases) {
      const read = readCustomModel(fields, config, 0);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(reason);
    }
  });

  it('refuses implausible sizes: a field past its ceiling, or fields that add up to more parameters than any model', () => {
    const absurd = { ...moeConfig, model_config: { ...QWEN3_30B_A3B, hidden_size: 9_999_999, intermediate_size: 9_999_999, vocab_size: 9_999_999 } };
    expect(readCustomModel(fields, absurd, 1)).toEqual({ ok: false, reason: expect.stringMatching(/not one the app can run and estimate .* lacks a field/) });
    const huge = { ...moeConfig, model_config: { ...QWEN3_30B_A3B, hidden_size: 65_536, num_hidden_layers: 1_024, moe_intermediate_size: 262_144, num_experts: 4_096 } };
    expect(readCustomModel(fields, huge, 1)).toEqual({ ok: false, reason: expect.stringMatching(/trillion parameters, far beyond any model/) });
    const moreActiveThanExperts = { ...moeConfig, model_config: { ...QWEN3_30B_A3B, num_experts_per_tok: 999 } };
    expect(readCustomModel(fields, moreActiveThanExperts, 1).ok).toBe(false);
  });

  it('joins the catalog as one model with one variant: its files, its quantization, its download from the config', () => {
    const read = readCustomModel(fields, moeConfig, 5);
    if (!read.ok) throw new Error(read.reason);
    const model = customCatalogModel(read.value.model);
    expect(model).toMatchObject({ name: fields.id, thinking: 'switch', variants: [{ modelId: fields.id, contextWindow: 4096, needsShaderF16: true, vramMB: null, hosts: ['m.example'] }] });
    expect(model.variants[0]!.downloadMB! / 1024).toBeCloseTo((30.5 * 4.5) / 8 / 1.0737, 0);
    expect(customFamily([])).toBeNull();
    expect(customFamily([read.value.model])?.models).toHaveLength(1);
  });

  it('names itself from the given name, else from the model URL', () => {
    expect(customModelId(' My Qwen ', fields.model)).toBe('My-Qwen');
    expect(customModelId('', 'https://m.example/mlc/Qwen3-30B-A3B-q4f16_1-MLC/resolve/main/')).toBe('Qwen3-30B-A3B-q4f16_1-MLC');
    expect(checkUrl('file:///x', 'model URL')).toEqual({ ok: false, reason: 'The model URL must be an http or https URL.' });
    expect(checkUrl('nope', 'model library URL').ok).toBe(false);
  });
});
