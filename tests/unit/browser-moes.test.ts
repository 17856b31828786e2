import { describe, expect, it } from 'vitest';
import { BROWSER_MOES, OTHER_MOE_FAMILY } from '../../src/lib/browser-moes';
import { CATALOG, architectureOfModel } from '../../src/catalog-data';
import { activeParameterCount, parameterCount } from '../../src/lib/vram';
import { isAvailable } from '../../src/lib/catalog';

describe('MoEs that run in a browser today', () => {
  for (const m of BROWSER_MOES) {
    it(`${m.name}: its architecture gives the published ${m.published.totalB} B total and ${m.published.activeB} B active (within 8 %)`, () => {
      expect(Math.abs(parameterCount(m.arch) / 1e9 / m.published.totalB - 1)).toBeLessThan(0.08);
      // Model cards count the active parameters with one embedding table (the input's is a lookup).
      const embeddingOnce = m.arch.tiedEmbeddings ? 0 : m.arch.vocab * m.arch.hidden;
      expect(Math.abs((activeParameterCount(m.arch) - embeddingOnce) / 1e9 / m.published.activeB - 1)).toBeLessThan(0.08);
    });
  }

  it('join the catalog in a family of their own that says they are not Qwen, need shader-f16, and cite where they are published', () => {
    const family = CATALOG.find((f) => f.family === OTHER_MOE_FAMILY)!;
    expect(family.family).toMatch(/not Qwen/);
    expect(family.models.map((m) => m.name).sort()).toEqual(['LFM2-8B-A1B-ONNX', 'gpt-oss-20b-ONNX']);
    for (const model of family.models) {
      expect(model.thinking).toBe('none');
      for (const v of model.variants) {
        expect(v.engine).toBe('onnx');
        expect(isAvailable(v, false)).toBe(false);
        expect(architectureOfModel(v.modelId)?.moe).toBeTruthy();
      }
    }
    for (const r of BROWSER_MOES.flatMap((m) => m.records)) expect(r.citation).toMatch(/^https:\/\/huggingface\.co\/onnx-community\//);
  });
});
