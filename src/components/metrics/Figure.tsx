import { memo, type ReactNode } from 'react';
import type { FigureSource } from '../../store/types';

const SOURCE_TITLE: Record<FigureSource, string> = {
  measured: 'Measured live on this machine',
  replayed: 'Played back from a recorded run: not a measurement of this machine',
  'web-llm': "web-llm's own figure",
  estimate: "The app's estimate, from the model's architecture",
};

/** Memoised: a figure re-renders when its label changes (a reply starts or ends), its badge only with the source. */
export const SourceBadge = memo(function SourceBadge({ source }: { source: FigureSource }) {
  return (
    <span className={`source source-${source}`} title={SOURCE_TITLE[source]} data-source={source}>
      {source}
    </span>
  );
});

interface Props {
  label: string;
  value: ReactNode;
  unit?: string;
  source: FigureSource;
  big?: boolean;
  /** Changes while a reply streams: shown on one line of fixed height (see .figure-value.live). */
  live?: boolean;
  testId?: string;
}

/** One number, its unit, and where it comes from. */
export function Figure({ label, value, unit, source, big, live, testId }: Props) {
  return (
    <div className={big ? 'figure big' : 'figure'} data-testid={testId}>
      <div className="figure-label">
        {label} <SourceBadge source={source} />
      </div>
      <div className={live ? 'figure-value live' : 'figure-value'}>
        <span className="figure-number">{value}</span>
        {unit && <span className="figure-unit"> {unit}</span>}
      </div>
    </div>
  );
}

export const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
