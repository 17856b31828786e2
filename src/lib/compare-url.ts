/**
 * A comparison's setup as the tester chose it, and its place in the URL, so that a link opens the
 * same setup. Light on purpose: the chat's bundle reads it, the comparison's view is loaded later.
 */
import { TINY_MOE } from './tiny-moe';

export interface CompareDraft {
  /** The model's name, e.g. "Qwen3-0.6B". */
  model: string;
  /** Quantization codes chosen, e.g. ["q4f32_1", "q0f32"]. */
  quants: string[];
  /** Ids of the built-in prompts chosen (see compare-prompts.ts). */
  builtIn: string[];
  ownPrompts: string;
  maxTokens: number;
  repetitions: number;
  seed: number;
}

/** Every built-in prompt (their texts are in compare-prompts.ts, loaded with the view), 128 tokens,
 * 3 repetitions, the smallest Qwen3 at full float32 against 4-bit (both run on any adapter). */
export const DEFAULT_COMPARE_DRAFT: CompareDraft = {
  model: 'Qwen3-0.6B',
  quants: ['q0f32', 'q4f32_1'],
  builtIn: ['code', 'arithmetic', 'reasoning', 'facts', 'chinese', 'json', 'rewrite', 'summary'],
  ownPrompts: '',
  maxTokens: 128,
  repetitions: 3,
  seed: 0,
};

export type PlanDefaults = Pick<CompareDraft, 'builtIn' | 'maxTokens' | 'repetitions'>;

/**
 * The plan a model starts with. The tiny synthetic MoE writes gibberish at a few tokens a second on
 * a software adapter, where each generation also spends seconds on its prompt, so its comparison is
 * cut to what still exercises every figure: the two shortest prompts (two scripts; short prefills),
 * 8 tokens, one repetition (the two prompts give the speed its spread) — under 5 minutes for fp32,
 * int8 and int4 on a 2-core software adapter (compare-plan's timings), where the general plan would
 * take over an hour.
 */
export function planDefaults(model: string): PlanDefaults {
  if (model === TINY_MOE.name) return { builtIn: ['facts', 'chinese'], maxTokens: 8, repetitions: 1 };
  const { builtIn, maxTokens, repetitions } = DEFAULT_COMPARE_DRAFT;
  return { builtIn, maxTokens, repetitions };
}

/** `?compare=Qwen3-0.6B&variants=q4f32_1,q0f32`: a shared comparison setup. A link to another model
 * than the last setup's starts from that model's own plan. */
export function draftFromUrl(params: URLSearchParams, base: CompareDraft): CompareDraft | null {
  const model = params.get('compare');
  if (!model) return null;
  const quants = (params.get('variants') ?? '').split(',').map((q) => q.trim()).filter((q) => q !== '');
  const plan = model === base.model ? {} : planDefaults(model);
  return { ...base, ...plan, model, quants: quants.length ? quants : base.quants };
}

export function urlOf(draft: CompareDraft, href: string): string {
  const url = new URL(href);
  url.searchParams.set('compare', draft.model);
  url.searchParams.set('variants', draft.quants.join(','));
  return url.toString();
}
