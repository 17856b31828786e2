import type { ReactNode } from 'react';
import type { Provenance } from '../../shared/provenance';
import { SourceBadge } from '../SourceBadge';

interface Props {
  label: string;
  value: ReactNode;
  unit?: string;
  source: Provenance;
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
