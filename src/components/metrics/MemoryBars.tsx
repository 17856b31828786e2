import type { Provenance } from '../../shared/provenance';

interface Bar {
  label: string;
  gb: number | null;
  kind: Provenance;
}

const gbText = (n: number) => (n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(2));

/**
 * The memory figures against the GPU's memory, or against the largest of them when that is unknown,
 * on one axis whose ends say what they are (0 and the scale's GB).
 */
export function MemoryBars({ bars, capacityGB }: { bars: Bar[]; capacityGB: number | null }) {
  const largest = Math.max(...bars.map((b) => b.gb ?? 0), 0.001);
  const scale = capacityGB ?? largest * 1.15;
  return (
    <div className="memory-bars" data-testid="memory-bars">
      {bars.map((b) => {
        const over = capacityGB !== null && b.gb !== null && b.gb > capacityGB;
        return (
          <div className="memory-bar" key={b.label}>
            <span className="memory-bar-label">{b.label}</span>
            <span className="memory-bar-track">
              <span className={`memory-bar-fill fill-${b.kind}${over ? ' over' : ''}`} style={{ width: `${Math.min(100, ((b.gb ?? 0) / scale) * 100)}%` }} />
            </span>
            <span className="memory-bar-value">{b.gb === null ? '–' : `${gbText(b.gb)} GB`}</span>
          </div>
        );
      })}
      <div className="memory-bar memory-bar-axis" aria-hidden="true">
        <span />
        <span className="memory-bar-ticks">
          <span>0</span>
          <span>{gbText(scale / 2)}</span>
          <span>{gbText(scale)} GB</span>
        </span>
        <span />
      </div>
      <div className="memory-bar-scale" data-testid="memory-bar-scale">
        {capacityGB ? `The full bar is your GPU's ${capacityGB} GB.` : `The full bar is ${gbText(scale)} GB: enter your GPU memory to see these against it.`}
      </div>
    </div>
  );
}
