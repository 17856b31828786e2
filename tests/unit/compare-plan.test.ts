import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog-data';
import { chosenVariants, draftProblem, expectedSeconds, formatDuration, planOf, setupOf, TINY_SOFTWARE_TIMINGS, TOP_K } from '../../src/lib/compare-plan';
import { BUILT_IN_PROMPTS, comparisonPrompts } from '../../src/lib/compare-prompts';
import { DEFAULT_COMPARE_DRAFT, draftFromUrl, planDefaults, urlOf } from '../../src/lib/compare-url';

const model = CATALOG.flatMap((f) => f.models).find((m) => m.name === 'Qwen3-0.6B')!;
const draft = { ...DEFAULT_COMPARE_DRAFT, quants: ['q4f16_1', 'q0f32', 'q4f32_1'] };

describe('comparison setup and plan', () => {
  it('the default draft chooses every built-in prompt, and they are the suite the issue asks for', () => {
    expect(DEFAULT_COMPARE_DRAFT.builtIn).toEqual(BUILT_IN_PROMPTS.map((p) => p.id));
    expect(BUILT_IN_PROMPTS.length).toBeGreaterThanOrEqual(8);
    expect(BUILT_IN_PROMPTS.some((p) => /[\u4e00-\u9fff]/.test(p.text))).toBe(true);
    // The summarisation prompt is about 1,000 tokens (≈ 4 characters a token).
    const summary = BUILT_IN_PROMPTS.find((p) => p.id === 'summary')!;
    expect(summary.text.length / 4).toBeGreaterThan(750);
  });

  it('orders variants by bits per weight, the most first (the reference), float32 before float16', () => {
    expect(chosenVariants(model, ['q4f16_1', 'q0f32', 'q4f32_1', 'q0f16']).map((v) => v.quant.code)).toEqual(['q0f32', 'q0f16', 'q4f32_1', 'q4f16_1']);
    const setup = setupOf(draft, model);
    expect(setup.variants).toEqual(['Qwen3-0.6B-q0f32-MLC', 'Qwen3-0.6B-q4f32_1-MLC', 'Qwen3-0.6B-q4f16_1-MLC']);
    expect(setup).toMatchObject({ model: 'Qwen3-0.6B', topK: TOP_K, maxTokens: 128, repetitions: 3, seed: 0 });
  });

  it('says what is wrong with a draft: too few or too many variants, one the adapter cannot run, no prompt', () => {
    expect(draftProblem(draft, model, true, null)).toBeNull();
    expect(draftProblem({ ...draft, quants: ['q0f32'] }, model, true, null)).toMatch(/at least 2/);
    expect(draftProblem({ ...draft, quants: ['q0f32', 'q0f16', 'q4f32_1', 'q4f16_1'] }, model, true, null)).toBeNull();
    expect(draftProblem(draft, model, false, null)).toBe('q4f16_1 cannot run here.');
    expect(draftProblem({ ...draft, builtIn: [], ownPrompts: '  \n ' }, model, true, null)).toMatch(/prompt/);
    expect(draftProblem(draft, model, true, ['Qwen3-0.6B-q0f32-MLC', 'Qwen3-0.6B-q4f32_1-MLC'])).toMatch(/not in the replayed comparison/);
  });

  it('takes the user’s own prompts one per line, after the built-in ones chosen', () => {
    expect(comparisonPrompts(['chinese'], 'first\n\n  second  \n')).toEqual([BUILT_IN_PROMPTS.find((p) => p.id === 'chinese'), { id: 'own-1', text: 'first' }, { id: 'own-2', text: 'second' }]);
  });

  it('plans the download of what is not cached, checks it against free storage, and counts generations', () => {
    const setup = setupOf({ ...draft, builtIn: ['code', 'json'], repetitions: 2, maxTokens: 10 }, model);
    const variants = chosenVariants(model, draft.quants);
    const plan = planOf(setup, variants, { 'Qwen3-0.6B-q0f32-MLC': true }, 500);
    expect(plan.downloadMB).toBe(358 + 322);
    expect(plan).toMatchObject({ cachedVariants: 1, fits: false });
    // Reference: 1 warm-up + 2 × 2 timed + 2 traced; each other: 1 + 4 + 2 × 2.
    expect(plan.generations).toBe(7 + 9 + 9);
    expect(plan.tokens).toBe(250);
    expect(planOf(setup, variants, {}, null).fits).toBe(true);
  });

  it('keeps the setup in the URL, so a link opens the same one', () => {
    const href = urlOf({ ...DEFAULT_COMPARE_DRAFT, model: 'Qwen3-1.7B', quants: ['q4f32_1', 'q0f32'] }, 'http://localhost/?model=x');
    const params = new URL(href).searchParams;
    expect(params.get('model')).toBe('x');
    expect(draftFromUrl(params, DEFAULT_COMPARE_DRAFT)).toEqual({ ...DEFAULT_COMPARE_DRAFT, model: 'Qwen3-1.7B', quants: ['q4f32_1', 'q0f32'] });
    expect(draftFromUrl(new URLSearchParams('model=x'), DEFAULT_COMPARE_DRAFT)).toBeNull();
  });

  it('gives the tiny synthetic MoE a short plan of its own, taken when a link or the picker switches to it', () => {
    const link = draftFromUrl(new URLSearchParams('compare=Qwen3-MoE-Tiny&variants=fp32,int8,int4'), DEFAULT_COMPARE_DRAFT)!;
    expect(link).toEqual({ ...DEFAULT_COMPARE_DRAFT, model: 'Qwen3-MoE-Tiny', quants: ['fp32', 'int8', 'int4'], builtIn: ['facts', 'chinese'], maxTokens: 8, repetitions: 1 });
    // A link to the model of the last setup keeps the tester's own plan.
    const own = { ...link, maxTokens: 40 };
    expect(draftFromUrl(new URLSearchParams('compare=Qwen3-MoE-Tiny&variants=fp32,int4'), own)).toEqual({ ...own, quants: ['fp32', 'int4'] });
    expect(planDefaults('Qwen3-4B')).toEqual({ builtIn: DEFAULT_COMPARE_DRAFT.builtIn, maxTokens: 128, repetitions: 3 });
  });

  it('expects a duration from each variant’s load, warm-up, traced load and generations', () => {
    const setup = { ...setupOf({ ...draft, builtIn: ['code', 'json'], repetitions: 2, maxTokens: 10 }, model), variants: ['a', 'b'] };
    const t = { loadS: 5, warmUpS: 10, tracedLoadS: 3, perGenerationS: 1, tokensPerS: 5 };
    // a: 18 s + 7 generations × (1 + 10/5) s; b: 18 s + 9 × 3 s.
    expect(expectedSeconds(setup, () => t)).toBe(18 + 21 + 18 + 27);
    expect(expectedSeconds(setup, (id) => (id === 'a' ? t : null))).toBeNull();
    expect([formatDuration(42.4), formatDuration(250), formatDuration(240), formatDuration(3700)]).toEqual(['42 s', '4 min 10 s', '4 min', '62 min']);
  });

  it('the tiny model’s default plan of fp32, int8 and int4 is expected within 5 minutes on a software adapter', () => {
    const tiny = CATALOG.flatMap((f) => f.models).find((m) => m.name === 'Qwen3-MoE-Tiny')!;
    const setup = setupOf({ ...DEFAULT_COMPARE_DRAFT, ...planDefaults(tiny.name), model: tiny.name, quants: ['fp32', 'int8', 'int4'] }, tiny);
    expect(setup.variants).toHaveLength(3);
    const seconds = expectedSeconds(setup, (id) => TINY_SOFTWARE_TIMINGS[tiny.variants.find((v) => v.modelId === id)!.quant.code] ?? null)!;
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThan(300);
  });
});
