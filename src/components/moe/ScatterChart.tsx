import type { Projection } from '../../lib/fit';
import { LABEL_HEIGHT, labelWidth, placeLabels } from '../../lib/label-layout';

/** Memory needed (x, log) against projected decode speed (y, log); dense and MoE as different marks. */
export interface ScatterPoint {
  label: string;
  kind: 'dense' | 'moe';
  x: number;
  yLow: number;
  yHigh: number;
  highlight?: boolean;
}

/** The big-model projections as chart points, `highlight` in bold. */
export function projectionPoints(rows: readonly Projection[], highlight: string): ScatterPoint[] {
  return rows.map((r) => ({
    label: r.model.name.replace('Qwen3-', '').replace('Qwen', ''),
    kind: r.model.kind,
    x: r.needGB,
    yLow: r.decode?.low ?? 0,
    yHigh: r.decode?.high ?? 0,
    highlight: r.model.name === highlight,
  }));
}

interface Props {
  points: ScatterPoint[];
  /** Type size in the chart's own units (the stage view's is bigger). */
  fontSize?: number;
  /** A vertical line: the GPU's memory. */
  limitX: number | null;
  limitLabel: string;
  width?: number;
  height?: number;
}

const PAD = { left: 48, right: 110, top: 12, bottom: 36 };
const ticks = (lo: number, hi: number) => [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000].filter((t) => t >= lo && t <= hi);

/** Points at the same place (a Coder model and its base) share one mark and one label. */
function merge(points: ScatterPoint[]): ScatterPoint[] {
  const out: ScatterPoint[] = [];
  for (const p of points) {
    const twin = out.find((q) => Math.abs(q.x / p.x - 1) < 0.01 && Math.abs(q.yHigh - p.yHigh) <= 0.01 * Math.max(1, p.yHigh) && q.kind === p.kind);
    if (twin) {
      twin.label = `${twin.label} / ${p.label}`;
      twin.highlight = twin.highlight || p.highlight;
    } else out.push({ ...p });
  }
  return out;
}

export function ScatterChart({ points: raw, limitX, limitLabel, fontSize = 11, width = 720, height = 320 }: Props) {
  const k = fontSize / 11;
  const pad = { left: PAD.left * k, right: PAD.right * k, top: PAD.top * k, bottom: PAD.bottom * k };
  const points = merge(raw);
  const xs = points.map((p) => p.x).concat(limitX ?? []);
  const ys = points.flatMap((p) => [p.yLow, p.yHigh]).filter((y) => y > 0);
  const x0 = Math.min(...xs) / 1.5;
  const x1 = Math.max(...xs) * 1.5;
  const y0 = ys.length ? Math.min(...ys) / 1.5 : 0.1;
  const y1 = ys.length ? Math.max(...ys) * 1.5 : 1000;
  const sx = (x: number) => pad.left + ((Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - ((Math.log(y) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (height - pad.top - pad.bottom);
  const marks = points.map((p) => {
    const has = p.yHigh > 0;
    return { cx: sx(p.x), cy: has ? sy(Math.sqrt(p.yLow * p.yHigh)) : height - pad.bottom - 6, has };
  });
  // Labels go where they overlap neither each other nor a mark (MoE models crowd around 20–50 GB).
  const places = placeLabels(
    points.map((p, i) => ({ x: marks[i]!.cx, y: marks[i]!.cy, width: labelWidth(p.label, p.highlight) * k, height: LABEL_HEIGHT * k, priority: p.highlight ? 1 : 0 })),
    { left: pad.left, right: width - 2, top: 0, bottom: height - pad.bottom },
  );
  return (
    <svg className="scatter" viewBox={`0 0 ${width} ${height}`} style={{ fontSize }} role="img" aria-label="Memory needed against projected decode speed" data-testid="moe-chart">
      {ticks(x0, x1).map((t) => (
        <g key={`x${t}`}>
          <line x1={sx(t)} x2={sx(t)} y1={pad.top} y2={height - pad.bottom} className="grid" />
          <text x={sx(t)} y={height - pad.bottom + 14 * k} textAnchor="middle">{t}</text>
        </g>
      ))}
      {ys.length > 0 &&
        ticks(y0, y1).map((t) => (
          <g key={`y${t}`}>
            <line x1={pad.left} x2={width - pad.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={pad.left - 6 * k} y={sy(t) + 4 * k} textAnchor="end">{t}</text>
          </g>
        ))}
      <text x={(width + pad.left) / 2} y={height - 4 * k} textAnchor="middle" className="axis">memory needed (GB, log scale)</text>
      <text x={12 * k} y={(height - pad.bottom) / 2} textAnchor="middle" className="axis" transform={`rotate(-90 ${12 * k} ${(height - pad.bottom) / 2})`}>
        decode tok/s
      </text>
      {limitX !== null && (
        <g className="limit" data-testid="moe-limit">
          <line x1={sx(limitX)} x2={sx(limitX)} y1={pad.top} y2={height - pad.bottom} />
          <text x={sx(limitX) + 4 * k} y={pad.top + 10 * k}>{limitLabel}</text>
        </g>
      )}
      {points.map((p, i) => {
        const { cx, cy, has } = marks[i]!;
        const place = places[i]!;
        return (
          <g key={p.label} className={`point ${p.kind}${p.highlight ? ' highlight' : ''}`} data-kind={p.kind}>
            {has && <line x1={cx} x2={cx} y1={sy(p.yLow)} y2={sy(p.yHigh)} className="range" />}
            {p.kind === 'dense' ? <circle cx={cx} cy={cy} r={5} /> : <rect x={cx - 5} y={cy - 5} width={10} height={10} transform={`rotate(45 ${cx} ${cy})`} />}
            <text x={place.x} y={place.y} textAnchor={place.anchor}>
              {p.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
