import type { ReactNode } from 'react';
import type { VariantRow } from '../../lib/compare-metrics';

/** A cell that, on a phone, becomes a labelled line of its variant's card. */
export function Cell({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <td data-label={label} data-testid={testId}>
      {children}
    </td>
  );
}

export function VariantName({ r }: { r: VariantRow }) {
  return (
    <th scope="row">
      {r.variant}
      {r.reference && <span className="muted"> (reference)</span>}
    </th>
  );
}

/** A variant that did not finish: its reason across the row (named for tests in the main table only). */
export function Unfinished({ r, span, main = false }: { r: VariantRow; span: number; main?: boolean }) {
  return (
    <tr className="failed" data-testid={main ? `compare-row-${r.variant}` : undefined}>
      <VariantName r={r} />
      <td colSpan={span} className="status">
        {r.status === 'failed' ? `failed: ${r.error ?? 'unknown reason'}` : 'cancelled before it finished'}
      </td>
    </tr>
  );
}
