import { useLayoutEffect, useRef, useState } from 'react';
import type { Projection } from '../../lib/fit';
import { LABEL_HEIGHT, labelWidth, placeLabels, type LabelPlace } from '../../lib/label-layout';

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
  /** Type size in CSS pixels (the stage view's is bigger): the chart is drawn at its box's width, never scaled. */
  fontSize?: number;
  /** A vertical line: the GPU's memory. */
  limitX: number | null;
  limitLabel: string;
  /** Height as a share of the width, and the least height. */
  aspect?: number;
  minHeight?: number;
}

const PAD = { left: 48, right: 24, top: 12, bottom: 36 };
const DECADES = [0.1, 1, 10, 100, 1000, 10000];
/** Round values on a log axis: 1-3-10 steps, or 1-2-5 where the range is short. */
export function logTicks(lo: number, hi: number): number[] {
  const pick = (steps: number[]) => DECADES.flatMap((d) => steps.map((m) => Math.round(d * m * 100) / 100)).filter((t) => t >= lo && t <= hi);
  const coarse = pick([1, 3]);
  return coarse.length >= 3 ? coarse : pick([1, 2, 5]);
}

/** The width of the chart's box in CSS pixels, read before the first paint and on every resize. */
function useBoxWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setWidth(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const fmtOne = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1));

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

export function ScatterChart({ points: raw, limitX, limitLabel, fontSize = 12, aspect = 0.45, minHeight = 260 }: Props) {
  const { ref, width } = useBoxWidth(720);
  const height = Math.max(minHeight, Math.round(width * aspect));
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
  const axisLength = (height - pad.bottom) / 2;
  return (
    <div className="scatter-box" ref={ref}>
      <svg
        className="scatter"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ fontSize }}
        role="img"
        aria-label="Memory needed against projected decode speed"
        data-testid="moe-chart"
      >
        {logTicks(x0, x1).map((t) => (
          <g key={`x${t}`}>
            <line x1={sx(t)} x2={sx(t)} y1={pad.top} y2={height - pad.bottom} className="grid" />
            <text x={sx(t)} y={height - pad.bottom + 14 * k} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        {ys.length > 0 &&
          logTicks(y0, y1).map((t) => (
            <g key={`y${t}`}>
              <line x1={pad.left} x2={width - pad.right} y1={sy(t)} y2={sy(t)} className="grid" />
              <text x={pad.left - 6 * k} y={sy(t) + 4 * k} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
        <text x={(width + pad.left) / 2} y={height - 4 * k} textAnchor="middle" className="axis">
          memory needed (GB, log scale)
        </text>
        <text x={12 * k} y={axisLength} textAnchor="middle" className="axis" transform={`rotate(-90 ${12 * k} ${axisLength})`}>
          decode tok/s (log)
        </text>
        {limitX !== null && (
          <g className="limit" data-testid="moe-limit">
            <line x1={sx(limitX)} x2={sx(limitX)} y1={pad.top} y2={height - pad.bottom} />
            <text x={sx(limitX) + 4 * k} y={pad.top + 10 * k}>
              {limitLabel}
            </text>
          </g>
        )}
        {points.map((p, i) => (
          <Point key={p.label} point={p} mark={marks[i]!} place={places[i]!} k={k} low={sy(p.yLow)} high={sy(p.yHigh)} />
        ))}
      </svg>
      <p className="scatter-legend" data-testid="moe-legend">
        <Key shape="dense" /> dense <Key shape="moe" /> mixture of experts <Key shape="range" /> projected range, low–high
        {limitX !== null && (
          <>
            {' '}
            <Key shape="limit" /> {limitLabel}: the memory it must fit in
          </>
        )}
      </p>
    </div>
  );
}

/** One model: its mark, its range, its label (left out when it has no free place and is not the one in focus: the table names it). */
function Point({ point: p, mark, place, k, low, high }: { point: ScatterPoint; mark: { cx: number; cy: number; has: boolean }; place: LabelPlace; k: number; low: number; high: number }) {
  const { cx, cy, has } = mark;
  return (
    <g className={`point ${p.kind}${p.highlight ? ' highlight' : ''}`} data-kind={p.kind}>
      <title>{`${p.label}: ${fmtOne(p.x)} GB, ${has ? `${fmtOne(p.yLow)}–${fmtOne(p.yHigh)} tok/s` : 'speed unknown'}`}</title>
      {has && <line x1={cx} x2={cx} y1={low} y2={high} className="range" />}
      {p.kind === 'dense' ? (
        <circle cx={cx} cy={cy} r={5 * k} />
      ) : (
        <rect x={cx - 5 * k} y={cy - 5 * k} width={10 * k} height={10 * k} transform={`rotate(45 ${cx} ${cy})`} />
      )}
      {(!place.crowded || p.highlight) && (
        <text x={place.x} y={place.y} textAnchor={place.anchor}>
          {p.label}
        </text>
      )}
    </g>
  );
}

/** A legend's mark, drawn as the chart draws it (shapes, not glyphs: the same colours as the points). */
function Key({ shape }: { shape: 'dense' | 'moe' | 'range' | 'limit' }) {
  return (
    <svg className={`key ${shape}`} width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {shape === 'dense' && <circle cx="7" cy="7" r="5" />}
      {shape === 'moe' && <rect x="3" y="3" width="8" height="8" transform="rotate(45 7 7)" />}
      {(shape === 'range' || shape === 'limit') && <line x1="7" x2="7" y1="1" y2="13" />}
    </svg>
  );
}
