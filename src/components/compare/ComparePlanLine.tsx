import { TINY_SOFTWARE_TIMINGS, expectedSeconds, formatDuration, type ComparePlan, type VariantTimings } from '../../lib/compare-plan';
import type { CatalogVariant } from '../../lib/catalog';
import type { ComparisonSetup } from '../../shared/comparison';
import { useStore } from '../../store/store';
import { plural } from '../../lib/compare-table';

/** Where a plan's expected duration comes from, and the duration; null when nothing says. */
function expectation(setup: ComparisonSetup, variants: readonly CatalogVariant[], software: boolean, measuredTps: number | null): string | null {
  // The tiny model's own timings, taken on a software adapter: on a GPU they are an upper bound.
  const tiny = (id: string): VariantTimings | null => {
    const v = variants.find((x) => x.modelId === id);
    return v?.synthetic ? (TINY_SOFTWARE_TIMINGS[v.quant.code] ?? null) : null;
  };
  const fromTiny = expectedSeconds(setup, tiny);
  if (fromTiny !== null) {
    const basis = 'from this repository’s timings of the tiny model on a 2-core software adapter';
    return software ? `Expected ≈ ${formatDuration(fromTiny)} in all (${basis}).` : `At most ≈ ${formatDuration(fromTiny)} (${basis}; a GPU is much faster).`;
  }
  if (!measuredTps) return null;
  const generation = expectedSeconds(setup, () => ({ loadS: 0, warmUpS: 0, tracedLoadS: 0, perGenerationS: 0, tokensPerS: measuredTps }))!;
  return `Roughly ${formatDuration(Math.max(60, generation))} of generation at the ${measuredTps.toFixed(0)} tok/s of your last measured reply (an estimate: other quantizations run at other speeds; downloads and loads not included).`;
}

/** The plan before a comparison starts: what it runs, what it downloads, and how long it should take. */
export function ComparePlanLine({ setup, plan, variants, replayed }: { setup: ComparisonSetup; plan: ComparePlan; variants: readonly CatalogVariant[]; replayed: boolean }) {
  const software = useStore((s) => s.gpu.report?.isFallback ?? false);
  // Your last measured decode rate, for a rough duration (replayed replies measure nothing here).
  const measuredTps = useStore((s) => (s.lastReply?.source === 'measured' ? (s.lastReply.engine?.extra.decode_tokens_per_s ?? null) : null));
  const expected = replayed ? null : expectation(setup, variants, software, measuredTps);
  return (
    <p className="compare-plan" data-testid="compare-plan">
      <strong data-testid="compare-plan-shape">
        {plural(setup.prompts.length, 'prompt')} × {plural(setup.repetitions, 'repetition')} × up to {setup.maxTokens} tokens, for {plural(setup.variants.length, 'variant')}.
      </strong>{' '}
      {replayed
        ? 'Replayed: nothing is downloaded. '
        : plan.downloadMB > 0
          ? `Download ≈ ${Math.round(plan.downloadMB)} MB (estimate; ${plan.cachedVariants} of ${variants.length} cached). `
          : 'Every variant is cached: nothing to download. '}
      {!replayed && !plan.fits && <strong>The browser reports only {plan.freeMB} MB free: the downloads will probably fail. </strong>}
      {plan.generations} generations, up to {plan.tokens.toLocaleString('en')} tokens; each variant loads twice (the second time from the cache, with step recording).{' '}
      {!replayed && <span data-testid="compare-plan-duration">{expected ?? 'Its duration is unknown until a reply has been measured on this GPU.'}</span>}
    </p>
  );
}
