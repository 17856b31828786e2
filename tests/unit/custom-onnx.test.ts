import { describe, expect, it } from 'vitest';
import { customOnnxRecord, onnxDtypeCandidates, onnxLocation, readCustomOnnxModel } from '../../src/lib/custom-onnx';
import { customCatalogModel } from '../../src/lib/custom-model';
import { QWEN3_30B_A3B } from '../fixtures/model-configs';

/** A Qwen3-30B-A3B config.json as the hub serves it (the fields its card gives; written here). */
const CONFIG = { model_type: 'qwen3_moe', max_position_embeddings: 40960, ...QWEN3_30B_A3B };

describe('an ONNX build added by URL', () => {
  it('finds where transformers.js reads it: host, repo folder and revision', () => {
    expect(onnxLocation('https://huggingface.co/onnx-community/Qwen3-0.6B-ONNX')).toEqual({
      ok: true,
      value: { host: 'https://huggingface.co/onnx-community/', repo: 'Qwen3-0.6B-ONNX', revision: 'main' },
    });
    expect(onnxLocation('https://m.example/models/Mine/resolve/v2/')).toEqual({ ok: true, value: { host: 'https://m.example/models/', repo: 'Mine', revision: 'v2' } });
    expect(onnxLocation('http://127.0.0.1:8080/Tiny///')).toEqual({ ok: true, value: { host: 'http://127.0.0.1:8080/', repo: 'Tiny', revision: 'main' } });
    const bad = onnxLocation('https://m.example/my%20model');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.reason).toContain('"my model"');
  });

  it('probes the 4-bit float16 build first only where the adapter has shader-f16', () => {
    expect(onnxDtypeCandidates(true)[0]).toBe('q4f16');
    expect(onnxDtypeCandidates(false)).toEqual(['q4', 'int8', 'fp32']);
  });

  it('reads a Qwen MoE config.json, and refuses what it cannot estimate', () => {
    const read = readCustomOnnxModel({ id: 'A3B', model: 'https://m.example/A3B' }, CONFIG, 'q4', 5);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.model).toMatchObject({ engine: 'onnx', modelLib: '', quant: 'q4', contextWindow: 40960 });
    expect(read.value.arch.moe?.experts).toBe(128);
    const llama = readCustomOnnxModel({ id: 'x', model: 'https://m.example/x' }, { ...CONFIG, model_type: 'llama' }, 'q4', 5);
    expect(llama.ok ? '' : llama.reason).toContain('"llama" is not one the app can run');
    const notJson = readCustomOnnxModel({ id: 'x', model: 'https://m.example/x' }, '<html>', 'q4', 5);
    expect(notJson.ok ? '' : notJson.reason).toContain('not a JSON object');
  });

  it('becomes an ONNX record and a catalog entry with its own host and an MoE-aware download estimate', () => {
    const read = readCustomOnnxModel({ id: 'A3B', model: 'https://m.example/org/A3B' }, CONFIG, 'q4', 5);
    if (!read.ok) throw new Error(read.reason);
    const record = customOnnxRecord(read.value.model)!;
    expect(record).toMatchObject({ model_id: 'A3B', repo: 'A3B', host: 'https://m.example/org/', dtype: 'q4', local: false, needsShaderF16: false });
    expect(record.params / 1e9).toBeGreaterThan(30);
    const variant = customCatalogModel(read.value.model).variants[0]!;
    expect(variant.engine).toBe('onnx');
    expect(variant.hosts).toEqual(['m.example']);
    // Every expert is downloaded: ~30.5 B parameters at 5 bits, about 17–18 GiB.
    expect(variant.downloadMB! / 1024).toBeGreaterThan(17);
    expect(variant.downloadMB! / 1024).toBeLessThan(19);
  });
});
