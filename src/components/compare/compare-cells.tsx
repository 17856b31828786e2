import type { ReactNode } from 'react';
import type { VariantRow } from '../../lib/compare-metrics';
import { engineName } from '../../lib/compare-table';

/** A cell that, on a phone, becomes a labelled line of its variant's card. */
export function Cell({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <td data-label={label} data-testid={testId}>
      {children}
    </td>
  );
}

/** `showEngine`: the comparison ran on two engines, so each variant names its own. */
export function VariantName({ r, showEngine = false }: { r: VariantRow; showEngine?: boolean }) {
  return (
    <th scope="row">
      {r.variant}
      {r.reference && <span className="muted"> (reference)</span>}
      {showEngine && (
        <span className="variant-engine" data-testid="variant-engine">
          {engineName(r.engine)}
        </span>
      )}
    </th>
  );
}

/** A variant that did not finish: its reason across the row (named for tests in the main table only). */
export function Unfinished({ r, span, main = false, showEngine = false }: { r: VariantRow; span: number; main?: boolean; showEngine?: boolean }) {
  return (
    <tr className="failed" data-testid={main ? `compare-row-${r.variant}` : undefined}>
      <VariantName r={r} showEngine={showEngine} />
      <td colSpan={span} className="status">
        {r.status === 'failed' ? `failed: ${r.error ?? 'unknown reason'}` : 'cancelled before it finished'}
      </td>
    </tr>
  );
}
