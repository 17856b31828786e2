import { useMemo, useRef } from 'react';
import { copyComparisonMarkdown, exportComparison, importComparison, replayComparison, resumable, resumeComparison } from '../../actions/compare-run-actions';
import { comparisonRows, type MeanSd, type VariantRow } from '../../lib/compare-metrics';
import type { ComparisonFile } from '../../shared/comparison';
import { useStore } from '../../store/store';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';
import { CompareChart } from './CompareChart';
import { CompareReplies } from './CompareReplies';

const pm = (m: MeanSd | null, digits: number) => (m ? `${fmt(m.mean, digits)} ± ${fmt(m.sd, digits)}` : '–');

function Row({ r }: { r: VariantRow }) {
  if (r.status !== 'done') {
    return (
      <tr className="failed" data-testid={`compare-row-${r.variant}`}>
        <th scope="row">{r.variant}</th>
        <td colSpan={9} className="status">
          {r.status === 'failed' ? `failed: ${r.error ?? 'unknown reason'}` : 'cancelled before it finished'}
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid={`compare-row-${r.variant}`}>
      <th scope="row">
        {r.variant}
        {r.reference && <span className="muted"> (reference)</span>}
      </th>
      <td>
        {pm(r.decode, 1)}
        {r.appDecode && (
          <span className="app-figure" data-testid="app-decode" title="The app's own figure, from the times its chunks reached the worker">
            app {fmt(r.appDecode.mean, 1)}
          </span>
        )}
      </td>
      <td>{pm(r.prefill, 0)}</td>
      <td>{fmt(r.ttftMs?.mean, 0)}</td>
      <td>
        {r.loadMs === null ? '–' : fmt(r.loadMs / 1000, 1)}
        {r.cached ? ' (cache)' : ''}
      </td>
      <td>{fmt(r.downloadMB, 0)}</td>
      <td>{fmt(r.webllmVramMB, 0)}</td>
      <td>{fmt(r.peakGpuMB, 0)}</td>
      <td data-testid="top1">{r.forced ? `${fmt(r.forced.top1Agreement * 100, 1)} %` : '–'}</td>
      <td data-testid="kl">
        {fmt(r.forced?.klMean, 4)} / {fmt(r.forced?.perplexity, 3)}
      </td>
      <td data-testid="identical">
        {r.identicalReplies}/{r.comparedReplies}
      </td>
    </tr>
  );
}

function Table({ file }: { file: ComparisonFile }) {
  const rows = useMemo(() => comparisonRows(file), [file]);
  const src = file.source;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Comparison results table (scrolls sideways)">
      <table className="compare-table" data-testid="compare-table">
        <caption>
          {file.setup.model}: {file.setup.prompts.length} prompts × {file.setup.repetitions} repetitions, greedy, seed {file.setup.seed}, up to {file.setup.maxTokens} tokens
        </caption>
        <thead>
          <tr>
            <th scope="col">variant</th>
            <th scope="col">decode tok/s <SourceBadge source={src} /></th>
            <th scope="col">prefill tok/s <SourceBadge source={src} /></th>
            <th scope="col">TTFT ms <SourceBadge source={src} /></th>
            <th scope="col">load s <SourceBadge source={src} /></th>
            <th scope="col">download MB <SourceBadge source="estimate" /></th>
            <th scope="col">GPU MB <SourceBadge source="web-llm" /></th>
            <th scope="col">peak GPU MB <SourceBadge source={src} /></th>
            <th scope="col">top-1 agree <SourceBadge source={src} /></th>
            <th scope="col">KL (top-{file.setup.topK}) / PPL <SourceBadge source={src} /></th>
            <th scope="col">identical replies <SourceBadge source={src} /></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.modelId} r={r} />
          ))}
        </tbody>
      </table>
      <CompareChart rows={rows} source={src} />
    </div>
  );
}

/** The last comparison: the table, the chart, the replies side by side, and what to do with it. */
export function CompareResults() {
  const result = useStore((s) => s.compare.result);
  const running = useStore((s) => s.compare.status === 'running');
  const canResume = useStore((s) => resumable(s.compare.result, s.engine.source, s.engine.synthetic));
  const fileRef = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (file) await importComparison(file);
    if (fileRef.current) fileRef.current.value = '';
  };
  return (
    <section className="panel compare-results" aria-label="Comparison results">
      <h2>Results</h2>
      {result ? (
        <>
          <p className="muted" data-testid="compare-provenance">
            {result.synthetic ? 'A synthetic fixture: no model produced these figures. ' : ''}
            {result.source === 'replayed' ? 'Replayed from a recorded comparison: not measured on this GPU.' : `Measured ${result.exportedAt.slice(0, 10)} with web-llm ${result.environment.webllmVersion ?? ''}${result.environment.adapter ? ` on ${result.environment.adapter.vendor} ${result.environment.adapter.architecture}` : ''}.`}{' '}
            KL is over the reference’s top-{result.setup.topK} tokens (an approximation); forced runs are not speed runs.
          </p>
          <Table file={result} />
          <CompareReplies file={result} />
        </>
      ) : (
        <p className="muted">No comparison yet: run one, or import one that someone shared.</p>
      )}
      <div className="run-actions">
        {canResume && !running && (
          <button type="button" className="primary" onClick={() => void resumeComparison()} data-testid="compare-resume">
            Resume (run the variants that did not finish)
          </button>
        )}
        <button type="button" onClick={exportComparison} disabled={!result} data-testid="compare-export">
          Export JSON
        </button>
        <button type="button" onClick={() => fileRef.current?.click()} disabled={running}>
          Import…
        </button>
        <button type="button" onClick={() => void copyComparisonMarkdown()} disabled={!result} data-testid="compare-markdown">
          Copy as Markdown
        </button>
        <button type="button" onClick={() => void replayComparison()} disabled={!result || running} data-testid="compare-replay">
          Replay it
        </button>
        <input ref={fileRef} type="file" accept="application/json,.json" hidden data-testid="compare-import" onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
    </section>
  );
}
