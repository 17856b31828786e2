import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog-data';
import { compareModelNamed, compareModels, variantsByEngine } from '../../src/lib/compare-models';
import { chosenVariants, setupOf } from '../../src/lib/compare-plan';
import { DEFAULT_COMPARE_DRAFT } from '../../src/lib/compare-url';
import { comparisonRows } from '../../src/lib/compare-metrics';
import { comparisonMarkdown, engineOfComparison, rowJson } from '../../src/lib/compare-table';
import { parseComparisonFile } from '../../src/shared/comparison-file';
import { qualityProblem, vocabularyOf, type QualityInputs } from '../../src/shared/vocabulary';

const fixture = JSON.parse(readFileSync(new URL('../../public/replays/synthetic-compare.json', import.meta.url), 'utf8'));

describe('vocabularies', () => {
  const bpe = { model: { type: 'BPE', vocab: { a: 0, b: 1, ab: 2 } }, added_tokens: [{ id: 3, content: '<|im_end|>' }] };

  it('counts the model’s tokens and the added ones, and hashes them by id whatever the file’s key order', () => {
    const v = vocabularyOf(bpe)!;
    expect(v.size).toBe(4);
    expect(v.hash).toMatch(/^[0-9a-f]{16}$/);
    const reordered = { added_tokens: bpe.added_tokens, model: { vocab: { ab: 2, b: 1, a: 0 } } };
    expect(vocabularyOf(reordered)).toEqual(v);
    // One token changed, or two ids swapped: another vocabulary of the same size.
    for (const vocab of [{ a: 0, b: 1, ba: 2 }, { a: 1, b: 0, ab: 2 }]) {
      const other = vocabularyOf({ ...bpe, model: { vocab } })!;
      expect(other.size).toBe(4);
      expect(other.hash).not.toBe(v.hash);
    }
  });

  it('reads a Unigram vocabulary by position; a file without one gives none', () => {
    expect(vocabularyOf({ model: { vocab: [['a', -1], ['b', -2]] } })).toEqual(vocabularyOf({ model: { vocab: { a: 0, b: 1 } } }));
    for (const bad of [null, 'x', {}, { model: { vocab: {} } }]) expect(vocabularyOf(bad)).toBeNull();
  });

  it('allows a quality comparison only when the tokens and the prompts match, and says why not', () => {
    const v = vocabularyOf(bpe)!;
    const base: QualityInputs = { engine: 'web-llm', vocabulary: v, promptTokens: new Map([['a', 10]]) };
    expect(qualityProblem(base, { ...base, engine: 'onnx' })).toBeNull();
    expect(qualityProblem(base, { ...base, vocabulary: { size: 151_669, hash: v.hash } })).toBe('its tokenizer has 151,669 tokens, the reference’s 4: the same id is not the same token');
    expect(qualityProblem(base, { ...base, vocabulary: { size: 4, hash: '0' } })).toMatch(/as many tokens as the reference’s \(4\) but not the same ones/);
    expect(qualityProblem(base, { ...base, engine: 'onnx', vocabulary: null })).toMatch(/could not be read/);
    expect(qualityProblem(base, { ...base, vocabulary: null })).toBeNull();
    expect(qualityProblem(base, { ...base, engine: 'onnx', promptTokens: new Map([['a', 12]]) })).toMatch(/chat template makes 12 tokens of prompt “a”, the reference’s 10/);
  });
});

describe('models of both engines', () => {
  const models = compareModels(CATALOG);
  const qwen = compareModelNamed(models, 'Qwen3-0.6B')!;

  it('holds web-llm’s and transformers.js’s builds of the same Qwen as one model, found by either name', () => {
    expect(variantsByEngine(qwen).map((g) => [g.engine, g.variants.map((v) => v.quant.code)])).toEqual([
      ['web-llm', ['q4f16_1', 'q4f32_1', 'q0f16', 'q0f32']],
      ['onnx', ['q4f16', 'q4']],
    ]);
    expect(compareModelNamed(models, 'Qwen3-0.6B-ONNX')).toBe(qwen);
    expect(models.filter((m) => m.name === 'Qwen3-0.6B-ONNX')).toEqual([]);
    // A model only one engine runs stays as it is; the catalog itself is not changed.
    expect(variantsByEngine(compareModelNamed(models, 'Qwen3-MoE-Tiny')!).map((g) => g.engine)).toEqual(['onnx']);
    expect(CATALOG.flatMap((f) => f.models).find((m) => m.name === 'Qwen3-0.6B')!.variants).toHaveLength(4);
  });

  it('takes as reference the variant with the most bits from either engine; at equal bits, float32, then web-llm’s', () => {
    expect(chosenVariants(qwen, ['q4', 'q4f16_1', 'q4f16']).map((v) => `${v.quant.code}/${v.engine}`)).toEqual(['q4/onnx', 'q4f16_1/web-llm', 'q4f16/onnx']);
    expect(chosenVariants(qwen, ['q4', 'q4f32_1', 'q0f32']).map((v) => v.quant.code)).toEqual(['q0f32', 'q4f32_1', 'q4']);
    expect(setupOf({ ...DEFAULT_COMPARE_DRAFT, quants: ['q4', 'q0f32'] }, qwen).variants).toEqual(['Qwen3-0.6B-q0f32-MLC', 'Qwen3-0.6B-q4-ONNX']);
  });
});

describe('a comparison file across engines', () => {
  /** The fixture with its last variant run by transformers.js, and not compared for quality. */
  function crossEngine() {
    const f = structuredClone(fixture);
    f.environment.webllmVersion = '0.2.80';
    f.setup.variants[2] = 'Qwen3-0.6B-q4-ONNX';
    Object.assign(f.variants[2], { modelId: 'Qwen3-0.6B-q4-ONNX', engine: 'onnx', forced: [], qualitySkipped: 'its tokenizer has 9 tokens, the reference’s 8: the same id is not the same token', vocabulary: { size: 9, hash: 'ab' } });
    for (const v of f.variants.slice(0, 2)) Object.assign(v, { engine: 'web-llm', vocabulary: { size: 8, hash: 'cd' } });
    return f;
  }

  it('keeps each variant’s engine, vocabulary and reason, and refuses bad ones', () => {
    const file = parseComparisonFile(crossEngine());
    expect(file.variants.map((v) => [v.engine, v.vocabulary?.size, v.qualitySkipped === undefined])).toEqual([['web-llm', 8, true], ['web-llm', 8, true], ['onnx', 9, false]]);
    expect(engineOfComparison(file)).toBe('with ONNX Runtime Web (transformers.js) and web-llm 0.2.80');
    for (const [field, value, message] of [['engine', 'tvm', 'variants[2].engine'], ['vocabulary', { size: 0, hash: 'ab' }, 'variants[2].vocabulary.size'], ['vocabulary', { size: 9, hash: '<b>' }, 'hexadecimal']] as const) {
      const bad = crossEngine();
      bad.variants[2][field] = value;
      expect(() => parseComparisonFile(bad)).toThrow(message);
    }
  });

  it('shows speed for every variant, quality where it was compared, and names each variant’s engine in the Markdown', () => {
    const file = parseComparisonFile(crossEngine());
    const rows = comparisonRows(file);
    expect(rows.map((r) => [r.variant, r.engine, r.forced !== null, r.decode !== null])).toEqual([['q0f32', 'web-llm', true, true], ['q4f32_1', 'web-llm', true, true], ['q4', 'onnx', false, true]]);
    // Its free replies are not compared either: its ids are not the reference's tokens.
    expect(rows[2]).toMatchObject({ comparedReplies: 0, qualitySkipped: expect.stringContaining('9 tokens') });
    expect(rowJson(rows[2]!)).toMatchObject({ variant: 'q4', engine: 'onnx', kl_mean: null, same_top_p: null, quality_skipped: expect.stringContaining('9 tokens') });
    const md = comparisonMarkdown(file);
    expect(md).toContain('Reference: q0f32 (web-llm).');
    expect(md).toMatch(/\| q4 \(transformers\.js\) \| 63\.0 ± 2\.4 \|.*\| – \| – \| – \| – \|/);
    expect(md).toContain('q4 (transformers.js): quality not compared with the reference, as its tokenizer has 9 tokens');
    // The llama-perplexity summary lists only the variants that were compared.
    expect(md).not.toMatch(/\| q4 \(transformers\.js\) \| [0-9.]+ \| -?[0-9.]+ \| [0-9.]+ ±/);
  });
});
