import { backToLive, liveFailure, playRehearsal } from '../../actions/rehearsal-actions';
import { rehearsalLabel } from '../../lib/rehearsal';
import { useStore } from '../../store/store';

/**
 * The rehearsed fallback on stage: when the live engine fails, one key (P) or this button plays the
 * rehearsal in its place; while it plays, the bar says so with the rehearsal's date and GPU, and
 * offers the way back to live.
 */
export function FallbackBar() {
  const rehearsal = useStore((s) => s.rehearsal);
  const fallback = useStore((s) => s.fallback);
  const failure = useStore(liveFailure);
  const loading = useStore((s) => s.loadState === 'loading');
  if (fallback && rehearsal) {
    return (
      <div className="stage-fallback playing" role="status" data-testid="fallback-playing">
        <span>
          {loading ? 'Starting the rehearsal… ' : 'Not live: '}
          <strong>{rehearsalLabel(rehearsal)}</strong>
        </span>
        <button type="button" onClick={() => void backToLive()} disabled={loading} data-testid="back-to-live">
          Back to live
        </button>
      </div>
    );
  }
  if (!failure) return null;
  return (
    <div className="stage-fallback" role="alert" data-testid="fallback-offer">
      <span>
        The live engine stopped: {failure}.{' '}
        {rehearsal ? 'Play the rehearsal instead: its figures are labelled replayed.' : 'No rehearsal was recorded on this machine to fall back on.'}
      </span>
      {rehearsal && (
        <button type="button" className="primary" onClick={() => void playRehearsal()} data-testid="play-rehearsal">
          Play the rehearsal (P)
        </button>
      )}
    </div>
  );
}
