import type { VariantRow } from '../../lib/compare-metrics';
import { fmt } from '../metrics/Figure';
import { Cell, Unfinished, VariantName } from './compare-cells';
import { HeadRow } from '../HeadRow';
import { SourceBadge } from '../SourceBadge';
import type { Provenance } from '../../shared/provenance';

const pct = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '–' : `${fmt(x * 100, digits)} %`);
/** llama-perplexity's names, shortened to fit a laptop's width (its own words in the Markdown copy). */
const COLUMNS = ['PPL ratio', 'ln ratio', 'KLD mean ± se', 'median', '90 %', '95 %', '99 %', '99.9 %', 'max', 'Δp mean', 'Δp RMS', 'same top p'];

/**
 * The forced pass summed up as `llama-perplexity --kl-divergence` prints it, so that a llama.cpp user
 * reads it at a glance and can set it beside published figures: KL per token (mean ± standard error,
 * median, percentiles, max), Δp (the variant's probability of the reference's token minus the
 * reference's own) and the share of tokens with the same top token.
 */
export function KlSummaryTable({ rows, topK, source }: { rows: VariantRow[]; topK: number; source: Provenance }) {
  return (
    <details className="compare-speed" data-testid="kl-summary">
      <summary>KL divergence as llama-perplexity prints it</summary>
      {/* Thirteen columns: wider than the view on a laptop, so the table scrolls in its own box. */}
      <div className="table-scroll" tabIndex={0} role="group" aria-label="KL divergence as llama-perplexity prints it">
        <table className="compare-table" data-testid="kl-summary-table">
          <caption className="muted small">
            KL over the reference's top-{topK} tokens, per token of the forced pass; PPL(base): the reference's own. <SourceBadge source={source} />
          </caption>
          <HeadRow columns={['variant', ...COLUMNS]} />
          <tbody>
            {rows.map((r) => {
              const f = r.forced;
              if (r.status !== 'done' || !f) return <Unfinished key={r.modelId} r={r} span={COLUMNS.length} />;
              const k = f.kld;
              const cells = [
                fmt(r.pplRatio, 4),
                fmt(r.pplRatio === null ? null : Math.log(r.pplRatio), 4),
                `${fmt(k.mean, 6)} ± ${fmt(k.se, 6)}`,
                fmt(k.median, 6),
                fmt(k.p90, 6),
                fmt(k.p95, 6),
                fmt(k.p99, 6),
                fmt(k.p999, 6),
                fmt(k.max, 6),
                pct(f.deltaP?.mean),
                pct(f.deltaP?.rms),
                pct(f.top1Agreement),
              ];
              return (
                <tr key={r.modelId} data-testid={`kl-row-${r.variant}`}>
                  <VariantName r={r} />
                  {cells.map((c, i) => (
                    <Cell key={COLUMNS[i]} label={COLUMNS[i]!}>
                      {c}
                    </Cell>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
