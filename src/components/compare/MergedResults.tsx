import { closeMerged, copyMergedMarkdown } from '../../actions/compare-run-actions';
import type { MergedComparison } from '../../lib/compare-merge';
import type { Provenance, RunSource } from '../../shared/provenance';
import { SourceBadge } from '../SourceBadge';
import { Cell } from './compare-cells';
import { CompareImport } from './CompareImport';

const fmt = (n: number | null | undefined, digits: number) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
/** Figures read from a file: measured elsewhere (imported), or replayed as recorded. */
const asRead = (source: RunSource): Provenance => (source === 'measured' ? 'imported' : source);

/** Comparisons of the same prompts from several machines, in one table: quality once per variant
 * (the same weights give the same forced pass), decode speed as each machine measured it. */
export function MergedResults({ merged, running }: { merged: MergedComparison; running: boolean }) {
  return (
    <>
      <p className="muted" data-testid="merged-provenance">
        {merged.model} on {merged.machines.length} machines, read from files: speed as each machine measured it, quality from the forced pass of the first file that ran each variant. None of it is measured here.
        {merged.synthetic && ' Some of these files are synthetic fixtures written by a script: no model produced their figures.'}
      </p>
      <ol className="muted" aria-label="Machines" data-testid="merged-machines">
        {merged.machines.map((m, i) => (
          <li key={`${i}-${m}`}>{m}</li>
        ))}
      </ol>
      <div className="table-scroll">
        <table className="compare-table" data-testid="merged-table">
          <caption>
            {merged.model}: {merged.machines.length} machines merged <SourceBadge source={asRead(merged.sources[0] ?? 'measured')} />
          </caption>
          <thead>
            <tr>
              <th scope="col">variant</th>
              <th scope="col">same top p</th>
              <th scope="col">mean KLD</th>
              <th scope="col">PPL</th>
              {merged.machines.map((m, i) => (
                <th scope="col" key={`${i}-${m}`} data-testid={`merged-machine-${i + 1}`}>
                  decode tok/s, {i + 1}: {m} <SourceBadge source={asRead(merged.sources[i] ?? 'measured')} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {merged.rows.map((r) => {
              const f = r.quality?.forced;
              return (
                <tr key={r.modelId} data-testid={`merged-row-${r.variant}`}>
                  <th scope="row">
                    {r.variant}
                    {r.reference && <span className="muted"> (reference)</span>}
                  </th>
                  <Cell label="same top p">{f ? `${fmt(f.top1Agreement * 100, 1)} %` : '–'}</Cell>
                  <Cell label="mean KLD">{fmt(f?.klMean, 4)}</Cell>
                  <Cell label="PPL">{fmt(f?.perplexity, 3)}</Cell>
                  {r.speeds.map((s, i) => (
                    <Cell key={i} label={`decode tok/s, ${i + 1}`} testId={`merged-speed-${i + 1}`}>
                      {s?.decode ? `${fmt(s.decode.mean, 1)} ± ${fmt(s.decode.sd, 1)}` : 'not run'}
                    </Cell>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="run-actions">
        <button type="button" onClick={() => void copyMergedMarkdown()} data-testid="merged-markdown">
          Copy the merged table as Markdown
        </button>
        <CompareImport disabled={running} />
        <button type="button" onClick={closeMerged} data-testid="merged-close">
          Back to the last comparison
        </button>
      </div>
    </>
  );
}
