import { copyComparisonMarkdown, exportComparison, replayComparison, resumable, resumeComparison } from '../../actions/compare-run-actions';
import { CompareImport } from './CompareImport';
import { MergedResults } from './MergedResults';
import { useStore } from '../../store/store';
import { CompareReplies } from './CompareReplies';
import { CompareTables } from './CompareTables';
import { figuresProvenance } from '../../actions/compare-actions';
import { gpuName } from '../../lib/rehearsal';
import { engineOfComparison } from '../../lib/compare-table';
import type { ComparisonFile } from '../../shared/comparison';

/** Where the figures come from, in one sentence that agrees with their badges. */
function provenanceSentence(r: ComparisonFile, origin: 'here' | 'file'): string {
  const env = r.environment;
  const where = `${engineOfComparison(r)}${env.adapter ? ` on ${gpuName(env.adapter)}` : ''}`;
  const fixture = r.synthetic ? ' (a synthetic fixture written by a script: no model produced these figures)' : '';
  if (r.source === 'replayed') return `Replayed from a recorded comparison${fixture}: not measured on this GPU.`;
  if (r.synthetic) return 'A synthetic fixture written by a script: no model produced these figures, and no GPU measured them.';
  if (origin === 'file') return `Imported: measured ${r.exportedAt.slice(0, 10)} ${where}, read from a file, not measured here. Run it to measure this GPU.`;
  return `Measured here ${r.exportedAt.slice(0, 10)} ${where}.`;
}

/** The last comparison: the table, the chart, the replies side by side, and what to do with it. */
export function CompareResults() {
  const result = useStore((s) => s.compare.result);
  const running = useStore((s) => s.compare.status === 'running');
  const origin = useStore((s) => s.compare.origin);
  const canResume = useStore((s) => resumable(s.compare.result, s.compare.origin, s.engine.source, s.engine.synthetic));
  const merged = useStore((s) => s.compare.merged);
  if (merged) {
    return (
      <section className="panel compare-results" aria-label="Comparison results">
        <h2>Results from several machines</h2>
        <MergedResults merged={merged} running={running} />
      </section>
    );
  }
  return (
    <section className="panel compare-results" aria-label="Comparison results">
      <h2>Results</h2>
      {result ? (
        <>
          <p className="muted" data-testid="compare-provenance">
            {provenanceSentence(result, origin)} KL is over the reference’s top-{result.setup.topK} tokens (an approximation); forced runs are not speed runs.
          </p>
          <CompareTables file={result} source={figuresProvenance(result, origin)} />
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
        <CompareImport disabled={running} />
        <button type="button" onClick={() => void copyComparisonMarkdown()} disabled={!result} data-testid="compare-markdown">
          Copy as Markdown
        </button>
        <button type="button" onClick={() => void replayComparison()} disabled={!result || running} data-testid="compare-replay">
          Replay it
        </button>
      </div>
    </section>
  );
}
