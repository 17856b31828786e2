import type { Provenance } from '../../shared/provenance';

interface Bar {
  label: string;
  gb: number | null;
  kind: Provenance;
}

/** The three memory figures against the GPU's memory (or against each other when it is unknown). */
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
          </div>
        );
      })}
      <div className="memory-bar-scale">{capacityGB ? `scale: your ${capacityGB} GB GPU` : 'enter your GPU memory to compare'}</div>
    </div>
  );
}
