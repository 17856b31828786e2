import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { buildCatalog, defaultModelId, findVariant, isAvailable, orderForAdapter, qwenRecords, TINY_FAMILY, type PrebuiltQwenRecord } from '../../src/lib/catalog';
import { ONNX_RECORDS } from '../../src/lib/onnx-models';

// The same projection vite.config.ts applies at build time.
const records: PrebuiltQwenRecord[] = qwenRecords(prebuiltAppConfig.model_list);
const catalog = buildCatalog(records);
const variants = catalog.flatMap((f) => f.models.flatMap((m) => m.variants));

describe('catalog from prebuiltAppConfig', () => {
  it('holds every Qwen record exactly once', () => {
    const qwenIds = prebuiltAppConfig.model_list.map((r) => r.model_id).filter((id) => id.toLowerCase().includes('qwen'));
    expect(records.map((r) => r.model_id)).toEqual(qwenIds);
    expect(records.length).toBeGreaterThan(20);
    expect(variants.map((v) => v.modelId).sort()).toEqual(records.map((r) => r.model_id).sort());
  });

  it('groups the families the product promises', () => {
    const families = catalog.map((f) => f.family);
    for (const f of ['Qwen3', 'Qwen2.5', 'Qwen2.5 Coder', 'Qwen2.5 Math', 'Qwen2', 'DeepSeek-R1-Distill-Qwen']) {
      expect(families).toContain(f);
    }
    expect(families[0]).toBe('Qwen3');
  });

  it('groups quantizations under one model, smallest models first', () => {
    const qwen3 = catalog.find((f) => f.family === 'Qwen3')!;
    const small = qwen3.models[0]!;
    expect(small.name).toBe('Qwen3-0.6B');
    expect(small.variants.map((v) => v.quant.code)).toEqual(['q4f16_1', 'q4f32_1', 'q0f16', 'q0f32']);
    const sizes = qwen3.models.map((m) => m.sizeB ?? 0);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it("keeps web-llm's VRAM figure and context window", () => {
    const found = findVariant(catalog, 'Qwen3-0.6B-q4f16_1-MLC')!;
    const record = prebuiltAppConfig.model_list.find((r) => r.model_id === 'Qwen3-0.6B-q4f16_1-MLC')!;
    expect(found.variant.vramMB).toBe(record.vram_required_MB);
    expect(found.variant.contextWindow).toBe(record.overrides?.context_window_size);
    expect(found.variant.hosts).toContain('huggingface.co');
  });

  it('marks f16 models unavailable without shader-f16 even though the records do not declare it', () => {
    const f16 = findVariant(catalog, 'Qwen3-0.6B-q4f16_1-MLC')!.variant;
    const f32 = findVariant(catalog, 'Qwen3-0.6B-q4f32_1-MLC')!.variant;
    expect(records.find((r) => r.model_id === f16.modelId)!.required_features).toEqual([]);
    expect(isAvailable(f16, false)).toBe(false);
    expect(isAvailable(f16, true)).toBe(true);
    expect(isAvailable(f32, false)).toBe(true);
  });

  it('defaults to the smallest Qwen3, q4f32_1 when the adapter lacks shader-f16', () => {
    expect(defaultModelId(catalog, true)).toBe('Qwen3-0.6B-q4f16_1-MLC');
    expect(defaultModelId(catalog, false)).toBe('Qwen3-0.6B-q4f32_1-MLC');
  });

  it('offers the tiny ONNX MoE first, and by default, on a software adapter only', () => {
    const withOnnx = buildCatalog(records, ONNX_RECORDS);
    expect(defaultModelId(withOnnx, false, true)).toBe('Qwen3-MoE-Tiny-int8-ONNX');
    expect(defaultModelId(withOnnx, false, false)).toBe('Qwen3-0.6B-q4f32_1-MLC');
    expect(defaultModelId(withOnnx, true, false)).toBe('Qwen3-0.6B-q4f16_1-MLC');
    // Without ONNX records a software adapter keeps web-llm's default.
    expect(defaultModelId(catalog, false, true)).toBe('Qwen3-0.6B-q4f32_1-MLC');
    expect(withOnnx.at(-1)!.family).toBe(TINY_FAMILY);
    expect(orderForAdapter(withOnnx, true)[0]!.family).toBe(TINY_FAMILY);
    expect(orderForAdapter(withOnnx, false)).toBe(withOnnx);
    const tiny = findVariant(withOnnx, 'Qwen3-MoE-Tiny-int4-ONNX')!;
    expect(tiny.variant.engine).toBe('onnx');
    expect(tiny.variant.synthetic).toBe(true);
    expect(tiny.model.variants.map((v) => v.quant.code)).toEqual(['fp32', 'int8', 'int4']);
    expect(findVariant(withOnnx, 'Qwen3-0.6B-q4f16-ONNX')!.variant.needsShaderF16).toBe(true);
  });

  it('gives Qwen3 a thinking switch and R1-Distill always-on thinking', () => {
    expect(findVariant(catalog, 'Qwen3-1.7B-q4f32_1-MLC')!.model.thinking).toBe('switch');
    expect(findVariant(catalog, 'DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC')!.model.thinking).toBe('always');
    expect(findVariant(catalog, 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC')!.model.thinking).toBe('none');
  });
});
