import { useMemo } from 'react';
import type { MeanSd, VariantRow } from '../../lib/compare-metrics';
import { comparisonRows } from '../../lib/compare-metrics';
import type { ComparisonFile } from '../../shared/comparison';
import type { Provenance } from '../../shared/provenance';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';
import { CompareChart } from './CompareChart';
import { Cell, Unfinished, VariantName } from './compare-cells';
import { KlSummaryTable } from './KlSummaryTable';
import { mixedEngines, plural } from '../../lib/compare-table';

const pm = (m: MeanSd | null, digits: number) => (m ? `${fmt(m.mean, digits)} ± ${fmt(m.sd, digits)}` : '–');

function Decode({ r }: { r: VariantRow }) {
  // One element, so that a phone's card lays it out as one value beside its label.
  return (
    <span>
      {pm(r.decode, 1)}
      {r.appDecode && (
        <span className="app-figure" data-testid="app-decode" title="The app's own figure, from the times its chunks reached the worker">
          app {fmt(r.appDecode.mean, 1)}
        </span>
      )}
    </span>
  );
}

/** What the view is for, first: how far each variant departs from the reference, beside its speed. */
function QualityTable({ file, rows, src, showEngine }: { file: ComparisonFile; rows: VariantRow[]; src: Provenance; showEngine: boolean }) {
  const k = file.setup.topK;
  return (
    <table className="compare-table" data-testid="compare-table">
      <caption>
        {file.setup.model}: {plural(file.setup.prompts.length, 'prompt')} × {plural(file.setup.repetitions, 'repetition')}, greedy, seed {file.setup.seed}, up to{' '}
        {file.setup.maxTokens} tokens <SourceBadge source={src} />
      </caption>
      <thead>
        <tr>
          <th scope="col">variant</th>
          <th scope="col" title="Forced along the reference's tokens: how often the variant's most likely token is the reference's (llama.cpp: same top p)">
            top-1 agree
          </th>
          <th scope="col" title={`KL divergence from the reference over its top-${k} tokens, renormalised (an approximation), mean per token`}>
            KL (top-{k})
          </th>
          <th scope="col" title="Perplexity of the reference's tokens under the variant">PPL</th>
          <th scope="col" title="Free greedy replies identical to the reference's, token for token">identical replies</th>
          <th scope="col">decode tok/s</th>
          <th scope="col">peak GPU MB</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) =>
          r.status !== 'done' ? (
            <Unfinished key={r.modelId} r={r} span={6} main showEngine={showEngine} />
          ) : (
            <tr key={r.modelId} data-testid={`compare-row-${r.variant}`}>
              <VariantName r={r} showEngine={showEngine} />
              {r.qualitySkipped ? (
                <td colSpan={4} data-label="quality" className="quality-skipped" data-testid="quality-skipped">
                  Quality not compared: {r.qualitySkipped}.
                </td>
              ) : (
                <QualityCells r={r} k={k} />
              )}
              <Cell label="decode tok/s">
                <Decode r={r} />
              </Cell>
              <Cell label="peak GPU MB">{fmt(r.peakGpuMB, 0)}</Cell>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** The forced pass's figures and the free replies' agreement. */
function QualityCells({ r, k }: { r: VariantRow; k: number }) {
  return (
    <>
      <Cell label="top-1 agree" testId="top1">
        {r.forced ? `${fmt(r.forced.top1Agreement * 100, 1)} %` : '–'}
      </Cell>
      <Cell label={`KL (top-${k})`} testId="kl">
        {fmt(r.forced?.klMean, 4)}
      </Cell>
      <Cell label="PPL" testId="ppl">
        {fmt(r.forced?.perplexity, 3)}
      </Cell>
      <Cell label="identical replies" testId="identical">
        {r.identicalReplies}/{r.comparedReplies}
      </Cell>
    </>
  );
}

/** Speed and memory in full, folded: the tester opens it when speed is the question. */
function SpeedTable({ rows, src, showEngine }: { rows: VariantRow[]; src: Provenance; showEngine: boolean }) {
  return (
    <details className="compare-speed">
      <summary>Speed and memory in detail</summary>
      <table className="compare-table" data-testid="compare-speed-table">
        <thead>
          <tr>
            <th scope="col">variant</th>
            <th scope="col">decode tok/s</th>
            <th scope="col">prefill tok/s</th>
            <th scope="col">TTFT ms</th>
            <th scope="col">load s</th>
            <th scope="col">
              download MB <SourceBadge source="estimate" />
            </th>
            <th scope="col">
              GPU MB <SourceBadge source="web-llm" />
            </th>
            <th scope="col">
              peak GPU MB <SourceBadge source={src} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) =>
            r.status !== 'done' ? (
              <Unfinished key={r.modelId} r={r} span={7} showEngine={showEngine} />
            ) : (
              <tr key={r.modelId}>
                <VariantName r={r} showEngine={showEngine} />
                <Cell label="decode tok/s">{pm(r.decode, 1)}</Cell>
                <Cell label="prefill tok/s">{pm(r.prefill, 0)}</Cell>
                <Cell label="TTFT ms">{fmt(r.ttftMs?.mean, 0)}</Cell>
                <Cell label="load s">
                  {r.loadMs === null ? '–' : fmt(r.loadMs / 1000, 1)}
                  {r.cached ? ' (cache)' : ''}
                </Cell>
                <Cell label="download MB">{fmt(r.downloadMB, 0)}</Cell>
                <Cell label="GPU MB (web-llm)">{fmt(r.webllmVramMB, 0)}</Cell>
                <Cell label="peak GPU MB">{fmt(r.peakGpuMB, 0)}</Cell>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </details>
  );
}

/** The comparison's figures: quality first, then the chart, then speed and memory folded. */
export function CompareTables({ file, source: src }: { file: ComparisonFile; source: Provenance }) {
  const rows = useMemo(() => comparisonRows(file), [file]);
  const showEngine = mixedEngines(rows);
  return (
    <div className="compare-tables">
      <QualityTable file={file} rows={rows} src={src} showEngine={showEngine} />
      <KlSummaryTable rows={rows} topK={file.setup.topK} source={src} />
      <CompareChart rows={rows} source={src} />
      <SpeedTable rows={rows} src={src} showEngine={showEngine} />
    </div>
  );
}
