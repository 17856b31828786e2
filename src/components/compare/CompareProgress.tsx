import { cancelComparison } from '../../actions/compare-actions';
import type { ComparisonPhase } from '../../shared/comparison';
import { useStore } from '../../store/store';

const PHASE: Record<ComparisonPhase, string> = {
  load: 'loading',
  'warm-up': 'warm-up (not counted)',
  speed: 'timed generations',
  'traced-load': 'loading again with step recording',
  quality: 'free and forced replies',
};

/** Variant i of n, its phase, and Cancel (which stops the download or generation at once). */
export function CompareProgress() {
  const running = useStore((s) => s.compare.status === 'running');
  const p = useStore((s) => s.compare.progress);
  const variants = useStore((s) => s.compare.draft.quants.length);
  if (!running) return null;
  const of = p?.variants ?? variants;
  const share = p ? (p.variant + (p.load ? p.load.progress * 0.2 : p.of ? (p.done / p.of) * 0.8 + 0.2 : 0)) / Math.max(1, of) : 0;
  return (
    <section className="panel compare-progress" aria-label="Comparison progress" data-testid="compare-progress">
      <progress max={100} value={Math.round(share * 100)} aria-label="Comparison progress" />
      <p aria-live="polite">
        {p ? `Variant ${p.variant + 1} of ${of}: ${PHASE[p.phase]}${p.of > 1 ? ` (${p.done + 1} of ${p.of})` : ''}` : 'Starting…'}
        {p?.load ? ` · ${Math.round(p.load.progress * 100)}% · ${p.load.text}` : ''}
      </p>
      <button type="button" data-testid="compare-cancel" onClick={cancelComparison}>
        Cancel
      </button>
    </section>
  );
}
