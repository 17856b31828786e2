import type { AppState } from '../../store/types';
import { useLiveBinding } from './useLiveBinding';

const WIDTH = 240;
const HEIGHT = 40;

/** Polyline points for `values` scaled to their own maximum, in a width × height box ('' for fewer than two). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length < 2) return '';
  const max = Math.max(...values, 1e-9);
  const step = width / (values.length - 1);
  return values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
}

const setPoints = (line: SVGPolylineElement, values: readonly number[] | undefined) => {
  line.setAttribute('points', sparklinePoints(values ?? [], WIDTH, HEIGHT));
};

/** A line of recent values that change while a reply streams, redrawn without React renders (see useLiveBinding). */
export function Sparkline({ read, label }: { read: (s: AppState) => readonly number[] | undefined; label: string }) {
  const ref = useLiveBinding(read, setPoints);
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <polyline ref={ref} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
