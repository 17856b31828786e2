import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURES, architectureOf } from '../../src/lib/architectures';
import { buildCatalog, qwenRecords } from '../../src/lib/catalog';
import { compareModelConfig } from '../../src/lib/config-check';
import { decodeCeiling, bytesPerToken } from '../../src/lib/projection';
import { parseQuant } from '../../src/lib/quant';
import { estimateMemory, kvBytesPerToken, mlcKvBytesPerToken, parameterCount } from '../../src/lib/vram';
import { errorStats, vramRows } from '../../src/lib/vram-table';

const records = qwenRecords(prebuiltAppConfig.model_list);
const q4f16 = parseQuant('q4f16_1')!;
const q4f32 = parseQuant('q4f32_1')!;

describe('architecture data', () => {
  it('covers every model in the catalog', () => {
    for (const family of buildCatalog(records)) {
      for (const m of family.models) expect(ARCHITECTURES[m.name], m.name).toBeDefined();
    }
  });

  it('cites a config.json on a model card for every entry', () => {
    for (const [name, a] of Object.entries(ARCHITECTURES)) expect(a.source, name).toMatch(/^https:\/\/huggingface\.co\/.+\/config\.json$/);
  });

  it('gives the parameter counts published on the model cards (within 2 %)', () => {
    const published: Record<string, number> = {
      'Qwen3-0.6B': 0.6e9, // "Number of Parameters: 0.6B"
      'Qwen3-1.7B': 1.7e9,
      'Qwen3-4B': 4.0e9,
      'Qwen3-8B': 8.2e9,
      'Qwen2.5-0.5B-Instruct': 0.49e9,
      'Qwen2.5-1.5B-Instruct': 1.54e9,
      'Qwen2.5-3B-Instruct': 3.09e9,
      'Qwen2.5-7B-Instruct': 7.61e9,
    };
    for (const [name, n] of Object.entries(published)) {
      expect(Math.abs(parameterCount(architectureOf(name)!) / n - 1), name).toBeLessThan(0.02);
    }
  });
});

describe('memory estimate', () => {
  it('sizes the KV cache as layers × KV heads × head dim × 2 × bytes per element', () => {
    const a = architectureOf('Qwen3-0.6B')!;
    expect(kvBytesPerToken(a, q4f16)).toBe(28 * 8 * 128 * 2 * 2);
    expect(kvBytesPerToken(a, q4f32)).toBe(28 * 8 * 128 * 2 * 4);
    const e = estimateMemory(a, q4f16, 4096);
    expect(e.kv).toBe(4096 * 28 * 8 * 128 * 2 * 2);
    expect(e.total).toBe(e.weights + e.kv + e.temp);
  });

  it('hybrid models (Qwen3.5): the model needs a KV cache in its full-attention layers only, an MLC build reserves one in every layer', () => {
    const a = architectureOf('Qwen3.5-0.8B')!;
    expect(kvBytesPerToken(a, q4f16)).toBe(6 * 2 * 256 * 2 * 2);
    expect(mlcKvBytesPerToken(a, q4f16)).toBe(24 * 2 * 256 * 2 * 2);
    expect(estimateMemory(a, q4f16, 4096).kv).toBe(4096 * mlcKvBytesPerToken(a, q4f16));
    // Dense models have no linear layers: the two counts agree.
    const dense = architectureOf('Qwen3-0.6B')!;
    expect(mlcKvBytesPerToken(dense, q4f16)).toBe(kvBytesPerToken(dense, q4f16));
  });

  it("the nine Qwen3.5 records come within 3 % of web-llm's figures, each", () => {
    const rows = vramRows(records, 1024).filter((r) => r.model_id.startsWith('Qwen3.5-'));
    expect(rows).toHaveLength(9);
    for (const r of rows) expect(Math.abs(r.error!), r.model_id).toBeLessThan(0.03);
  });

  it('counts q4f16_1 group scales: 4.5 bits per weight, 5 for q4f32_1', () => {
    const a = architectureOf('Qwen3-8B')!;
    const f16 = estimateMemory(a, q4f16, 0).weights;
    const f32 = estimateMemory(a, q4f32, 0).weights;
    expect(f16).toBeCloseTo((parameterCount(a) * 4.5) / 8, 0);
    expect(f32 / f16).toBeCloseTo(5 / 4.5, 6);
  });

  it("meets its target against web-llm's vram_required_MB: median ≤ 5 %, worst ≤ 10 %", () => {
    const rows = vramRows(records, 1024);
    const stats = errorStats(rows);
    expect(stats.count).toBe(rows.length);
    expect(rows.length).toBe(54);
    expect(stats.median).toBeLessThanOrEqual(0.05);
    expect(stats.worst).toBeLessThanOrEqual(0.1);
  });
});

describe('config check', () => {
  it('flags fields that differ from mlc-chat-config.json and ignores absent ones', () => {
    const a = architectureOf('Qwen3-0.6B')!;
    expect(compareModelConfig(a, { hidden_size: 1024, num_hidden_layers: 28, vocab_size: 151936, tie_word_embeddings: true })).toEqual([]);
    expect(compareModelConfig(a, { hidden_size: 2048, num_key_value_heads: 8 })).toEqual([{ field: 'hidden_size', ours: 1024, model: 2048 }]);
  });
});

describe('decode ceiling', () => {
  it('is bandwidth divided by the bytes read per token', () => {
    const a = architectureOf('Qwen3-0.6B')!;
    const perToken = bytesPerToken(a, q4f16, 1000);
    expect(perToken).toBe(estimateMemory(a, q4f16, 0).weights + 1000 * kvBytesPerToken(a, q4f16));
    expect(decodeCeiling(100, a, q4f16, 1000)).toBeCloseTo(100e9 / perToken, 6);
  });
});
