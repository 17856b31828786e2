import { useRef } from 'react';
import { clearRuns, exportRuns, importRuns, startReplay } from '../actions/runs-actions';
import { useStore } from '../store/store';
import { SourceBadge } from './SourceBadge';
import { Panel } from './Panel';

const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));

export function RunsPanel() {
  const runs = useStore((s) => s.runs);
  const notice = useStore((s) => s.runsNotice);
  const fileRef = useRef<HTMLInputElement>(null);
  const recent = runs.slice(-8).reverse();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = await importRuns(file);
    if (parsed && window.confirm('Replay these runs now? The replay engine plays them back at their recorded pace; every figure is labelled "replayed".')) {
      await startReplay(parsed);
    }
    if (fileRef.current) fileRef.current.value = '';
  };
  return (
    <Panel name="runs" label="Runs" heading={`Runs (${runs.length})`}>
      {notice && <p className="notice">{notice}</p>}
      <ul className="run-list" data-testid="run-list">
        {recent.map((r) => (
          <li key={r.id}>
            <span className="run-model">{r.modelId}</span>
            {/* A synthetic run was written by a script: "measured" would be false, "synthetic" says what it is. */}
            {!(r.synthetic && r.source === 'measured') && <SourceBadge source={r.source} />}
            {r.synthetic && <span className="badge synthetic">synthetic</span>}
            <span className="run-figures">
              {r.chunks.length} tok · {fmt(r.usage?.extra.decode_tokens_per_s)} tok/s decode
            </span>
          </li>
        ))}
      </ul>
      <div className="run-actions">
        <button type="button" onClick={() => exportRuns()} disabled={runs.length === 0} data-testid="export-runs">
          Export JSON
        </button>
        <button type="button" onClick={() => fileRef.current?.click()} data-testid="import-runs">
          Import…
        </button>
        <button type="button" onClick={clearRuns} disabled={runs.length === 0}>
          Clear
        </button>
        <input ref={fileRef} type="file" accept="application/json,.json" hidden data-testid="import-file" onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
    </Panel>
  );
}
