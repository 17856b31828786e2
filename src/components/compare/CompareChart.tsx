import type { VariantRow } from '../../lib/compare-metrics';
import type { Provenance } from '../../shared/provenance';
import { SourceBadge } from '../SourceBadge';

const W = 460;
const H = 220;
const PAD = { left: 48, right: 16, top: 12, bottom: 40 };

/** Ticks from 0 at a round step (1, 2 or 5 × a power of ten), about four of them, the last at or above `max`. */
export function roundTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = 0; t < max + step * 0.999; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}
const decimals = (ticks: number[]) => Math.max(0, ...ticks.map((t) => (String(t).split('.')[1] ?? '').length));

/**
 * Speed against quality: decode tok/s (mean) up, KL from the reference to the right. The best
 * quantization for a tester sits high and to the left. Variants that did not finish are left out.
 */
const fmtTps = (r: VariantRow) => `${r.decode!.mean.toFixed(1)} tok/s`;

export function CompareChart({ rows, source }: { rows: readonly VariantRow[]; source: Provenance }) {
  const points = rows.flatMap((r) =>
    r.status === 'done' && r.decode && r.forced ? [{ label: r.variant, x: r.forced.klMean, y: r.decode.mean, sd: r.decode.sd, ref: r.reference }] : [],
  );
  if (points.length < 2) return null;
  // Variants of another tokenizer or chat template have a speed but no KL: said under the chart.
  const unplotted = rows.filter((r) => r.status === 'done' && r.qualitySkipped && r.decode);
  // Round ticks, the axes ending at the last one; the whiskers are ± the sd the speed table shows.
  const xTicks = roundTicks(Math.max(...points.map((p) => p.x)) * 1.1);
  const yTicks = roundTicks(Math.max(...points.map((p) => p.y + p.sd)) * 1.05);
  const maxX = xTicks.at(-1)!;
  const maxY = yTicks.at(-1)!;
  const sx = (x: number) => PAD.left + (x / maxX) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - (y / maxY) * (H - PAD.top - PAD.bottom);
  return (
    <figure className="compare-chart">
      <figcaption>
        Speed against quality <SourceBadge source={source} />
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Decode speed against KL divergence: ${points.map((p) => `${p.label} ${p.y.toFixed(1)} tok/s, KL ${p.x.toFixed(4)}`).join('; ')}`} data-testid="compare-chart">
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end">
              {t.toFixed(decimals(yTicks))}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - PAD.bottom + 16} textAnchor="middle">
            {t.toFixed(decimals(xTicks))}
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle" className="axis-label">
          KL from the reference (nats, top-k)
        </text>
        <text x={12} y={(H - PAD.bottom) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 12 ${(H - PAD.bottom) / 2})`}>
          decode tok/s (± sd)
        </text>
        {points.map((p) => (
          <g key={p.label} className={p.ref ? 'point reference' : 'point'}>
            {p.sd > 0 && <line x1={sx(p.x)} x2={sx(p.x)} y1={sy(Math.max(0, p.y - p.sd))} y2={sy(p.y + p.sd)} className="whisker" data-testid="compare-whisker" />}
            <circle cx={sx(p.x)} cy={sy(p.y)} r={5} />
            <text x={sx(p.x) + 8} y={sy(p.y) - 6}>
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      {unplotted.length > 0 && (
        <p className="muted chart-note" data-testid="compare-chart-unplotted">
          Not plotted (quality not compared with the reference): {unplotted.map((r) => `${r.variant}, ${fmtTps(r)}`).join('; ')}.
        </p>
      )}
    </figure>
  );
}
