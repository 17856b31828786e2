import type { VariantRow } from '../../lib/compare-metrics';
import type { Provenance } from '../../shared/provenance';
import { SourceBadge } from '../SourceBadge';

const W = 460;
const H = 220;
const PAD = { left: 48, right: 16, top: 12, bottom: 40 };

/**
 * Speed against quality: decode tok/s (mean) up, KL from the reference to the right. The best
 * quantization for a tester sits high and to the left. Variants that did not finish are left out.
 */
export function CompareChart({ rows, source }: { rows: readonly VariantRow[]; source: Provenance }) {
  const points = rows.flatMap((r) => (r.status === 'done' && r.decode && r.forced ? [{ label: r.variant, x: r.forced.klMean, y: r.decode.mean, ref: r.reference }] : []));
  if (points.length < 2) return null;
  const maxX = Math.max(...points.map((p) => p.x)) * 1.15 || 1;
  const maxY = Math.max(...points.map((p) => p.y)) * 1.15 || 1;
  const sx = (x: number) => PAD.left + (x / maxX) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - (y / maxY) * (H - PAD.top - PAD.bottom);
  const ticks = (max: number) => [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <figure className="compare-chart">
      <figcaption>
        Speed against quality <SourceBadge source={source} />
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Decode speed against KL divergence: ${points.map((p) => `${p.label} ${p.y.toFixed(1)} tok/s, KL ${p.x.toFixed(4)}`).join('; ')}`} data-testid="compare-chart">
        {ticks(maxY).map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end">
              {t.toFixed(0)}
            </text>
          </g>
        ))}
        {ticks(maxX).map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - PAD.bottom + 16} textAnchor="middle">
            {t.toFixed(maxX < 0.1 ? 3 : 2)}
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle" className="axis-label">
          KL from the reference (nats, top-k)
        </text>
        <text x={12} y={(H - PAD.bottom) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 12 ${(H - PAD.bottom) / 2})`}>
          decode tok/s
        </text>
        {points.map((p) => (
          <g key={p.label} className={p.ref ? 'point reference' : 'point'}>
            <circle cx={sx(p.x)} cy={sy(p.y)} r={5} />
            <text x={sx(p.x) + 8} y={sy(p.y) - 6}>
              {p.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
