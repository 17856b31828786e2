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

interface Props {
  points: ScatterPoint[];
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

export function ScatterChart({ points: raw, limitX, limitLabel, width = 720, height = 320 }: Props) {
  const points = merge(raw);
  const xs = points.map((p) => p.x).concat(limitX ?? []);
  const ys = points.flatMap((p) => [p.yLow, p.yHigh]).filter((y) => y > 0);
  const x0 = Math.min(...xs) / 1.5;
  const x1 = Math.max(...xs) * 1.5;
  const y0 = ys.length ? Math.min(...ys) / 1.5 : 0.1;
  const y1 = ys.length ? Math.max(...ys) * 1.5 : 1000;
  const sx = (x: number) => PAD.left + ((Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (width - PAD.left - PAD.right);
  const sy = (y: number) => height - PAD.bottom - ((Math.log(y) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (height - PAD.top - PAD.bottom);
  const marks = points.map((p) => {
    const has = p.yHigh > 0;
    return { cx: sx(p.x), cy: has ? sy(Math.sqrt(p.yLow * p.yHigh)) : height - PAD.bottom - 6, has };
  });
  // Labels go where they overlap neither each other nor a mark (MoE models crowd around 20–50 GB).
  const places = placeLabels(
    points.map((p, i) => ({ x: marks[i]!.cx, y: marks[i]!.cy, width: labelWidth(p.label, p.highlight), height: LABEL_HEIGHT, priority: p.highlight ? 1 : 0 })),
    { left: PAD.left, right: width - 2, top: 0, bottom: height - PAD.bottom },
  );
  return (
    <svg className="scatter" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Memory needed against projected decode speed" data-testid="moe-chart">
      {ticks(x0, x1).map((t) => (
        <g key={`x${t}`}>
          <line x1={sx(t)} x2={sx(t)} y1={PAD.top} y2={height - PAD.bottom} className="grid" />
          <text x={sx(t)} y={height - PAD.bottom + 14} textAnchor="middle">{t}</text>
        </g>
      ))}
      {ys.length > 0 &&
        ticks(y0, y1).map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={width - PAD.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end">{t}</text>
          </g>
        ))}
      <text x={(width + PAD.left) / 2} y={height - 4} textAnchor="middle" className="axis">memory needed (GB, log scale)</text>
      <text x={12} y={(height - PAD.bottom) / 2} textAnchor="middle" className="axis" transform={`rotate(-90 12 ${(height - PAD.bottom) / 2})`}>
        decode tok/s
      </text>
      {limitX !== null && (
        <g className="limit" data-testid="moe-limit">
          <line x1={sx(limitX)} x2={sx(limitX)} y1={PAD.top} y2={height - PAD.bottom} />
          <text x={sx(limitX) + 4} y={PAD.top + 10}>{limitLabel}</text>
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
