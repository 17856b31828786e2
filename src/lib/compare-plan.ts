/**
 * From what a tester chooses to what the worker runs: the comparison's setup (variants ordered by
 * bits per weight, the most first: that one is the reference), and the plan shown before it
 * starts — what must be downloaded, whether it fits, and roughly how many tokens it generates.
 */
import type { ComparisonSetup } from '../shared/comparison';
import { isAvailable, type CatalogModel, type CatalogVariant } from './catalog';
import { comparisonPrompts } from './compare-prompts';
import { ENGINE_ORDER } from './compare-models';
import type { CompareDraft } from './compare-url';

export type { CompareDraft };

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 4;
export const TOP_K = 20;

/** Most bits first, from either engine; at equal bits, float32 first (the more exact arithmetic),
 * then web-llm's (the app's default engine). */
export function byBitsDescending(a: CatalogVariant, b: CatalogVariant): number {
  return b.quant.bitsPerWeight - a.quant.bitsPerWeight || b.quant.floatBits - a.quant.floatBits || ENGINE_ORDER.indexOf(a.engine) - ENGINE_ORDER.indexOf(b.engine);
}

/** Why a variant cannot be chosen on this adapter, or null. */
export function unavailableReason(v: CatalogVariant, hasShaderF16: boolean): string | null {
  return isAvailable(v, hasShaderF16) ? null : 'needs shader-f16, which this GPU lacks';
}

export function chosenVariants(model: CatalogModel, quants: readonly string[]): CatalogVariant[] {
  return model.variants.filter((v) => quants.includes(v.quant.code)).sort(byBitsDescending);
}

/** What is wrong with a draft, or null when it can run. */
export function draftProblem(draft: CompareDraft, model: CatalogModel | null, hasShaderF16: boolean, replayModels: readonly string[] | null): string | null {
  if (!model) return 'Choose a model.';
  const variants = chosenVariants(model, draft.quants);
  if (variants.length < MIN_VARIANTS) return `Choose at least ${MIN_VARIANTS} quantizations.`;
  if (variants.length > MAX_VARIANTS) return `Choose at most ${MAX_VARIANTS} quantizations.`;
  const usable = (v: CatalogVariant) => (replayModels ? replayModels.includes(v.modelId) : unavailableReason(v, hasShaderF16) === null);
  const blocked = variants.find((v) => !usable(v));
  if (blocked) return `${blocked.quant.code} cannot run here${replayModels ? ' (not in the replayed comparison)' : ''}.`;
  if (comparisonPrompts(draft.builtIn, draft.ownPrompts).length === 0) return 'Choose or write at least one prompt.';
  if (!(draft.maxTokens >= 1 && draft.repetitions >= 1)) return 'Max tokens and repetitions must be at least 1.';
  return null;
}

export function setupOf(draft: CompareDraft, model: CatalogModel): ComparisonSetup {
  return {
    model: model.name,
    variants: chosenVariants(model, draft.quants).map((v) => v.modelId),
    prompts: comparisonPrompts(draft.builtIn, draft.ownPrompts),
    maxTokens: draft.maxTokens,
    repetitions: draft.repetitions,
    seed: draft.seed,
    topK: TOP_K,
  };
}

export interface ComparePlan {
  /** Estimated download of the variants not in the browser's cache, MB. */
  downloadMB: number;
  cachedVariants: number;
  /** Free storage the browser reports, MB (null: it would not say). */
  freeMB: number | null;
  fits: boolean;
  /** Generations per variant: one warm-up, prompts × repetitions timed, then the quality pass. */
  generations: number;
  /** Upper bound of tokens generated in all. */
  tokens: number;
}

export function planOf(setup: ComparisonSetup, variants: readonly CatalogVariant[], cached: Readonly<Record<string, boolean>>, freeMB: number | null): ComparePlan {
  const missing = variants.filter((v) => !cached[v.modelId]);
  const downloadMB = missing.reduce((sum, v) => sum + (v.downloadMB ?? 0), 0);
  const prompts = setup.prompts.length;
  // Reference: one traced reply per prompt; the others: a free and a forced one.
  const perVariant = (quality: number) => 1 + prompts * setup.repetitions + prompts * quality;
  const generations = variants.length === 0 ? 0 : perVariant(1) + (variants.length - 1) * perVariant(2);
  return {
    downloadMB,
    cachedVariants: variants.length - missing.length,
    freeMB,
    fits: freeMB === null || downloadMB <= freeMB,
    generations,
    tokens: generations * setup.maxTokens,
  };
}

/** What running one variant costs, for a plan's expected duration. */
export interface VariantTimings {
  /** The timed load, the warm-up's cost beyond a generation (shaders compile on first use), the second, traced load. */
  loadS: number;
  warmUpS: number;
  tracedLoadS: number;
  /** Per generation beyond its tokens: the prompt's prefill and the first step. */
  perGenerationS: number;
  tokensPerS: number;
}

/**
 * The tiny MoE on a 2-core software adapter (SwiftShader), by build, from its default plan run in the
 * Compare view on 2026-12-07 (docs/performance.md): loads 7–14 s, 8-token generations 7.5–9 s
 * (fp32, int8) and 12 s (int4), most of it the prompt. A GPU runs it many times faster.
 */
export const TINY_SOFTWARE_TIMINGS: Readonly<Record<string, VariantTimings>> = {
  fp32: { loadS: 14, warmUpS: 2, tracedLoadS: 9, perGenerationS: 4, tokensPerS: 2 },
  int8: { loadS: 8, warmUpS: 2, tracedLoadS: 8, perGenerationS: 4, tokensPerS: 2 },
  int4: { loadS: 9, warmUpS: 3, tracedLoadS: 10, perGenerationS: 6, tokensPerS: 1.4 },
};

/** Seconds a setup should take, its variants run one after the other (reference first); null when a
 * variant's timings are unknown. Replies are counted at their full length (greedy ones may stop sooner). */
export function expectedSeconds(setup: ComparisonSetup, timings: (modelId: string) => VariantTimings | null): number | null {
  const prompts = setup.prompts.length;
  let total = 0;
  for (const [i, modelId] of setup.variants.entries()) {
    const t = timings(modelId);
    if (!t) return null;
    // The warm-up is one generation; the reference traces its free replies, the others add a forced one each.
    const generations = 1 + prompts * setup.repetitions + prompts * (i === 0 ? 1 : 2);
    total += t.loadS + t.warmUpS + t.tracedLoadS + generations * (t.perGenerationS + setup.maxTokens / t.tokensPerS);
  }
  return total;
}

/** "4 min 10 s", "50 s". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const rest = s % 60;
  return rest === 0 || s >= 600 ? `${Math.round(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`;
}
