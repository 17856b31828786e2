import { canUpdateNow, updateApp } from '../actions/device-actions';
import { useStore } from '../store/store';

/** What the page can do without the network right now, and a new version waiting for a reload. */
export function AppStatus() {
  const shell = useStore((s) => s.shell);
  const cachedCount = useStore((s) => Object.values(s.cached).filter(Boolean).length);
  const canUpdate = useStore(canUpdateNow);
  if (shell.online && !shell.updateReady) return null;
  return (
    <div className="app-status">
      {!shell.online && (
        <p className="offline-note" role="status" data-testid="offline-status">
          <strong>Offline.</strong>{' '}
          {shell.cachedForOffline ? 'The app works from this device' : 'This page was not saved for offline use yet'}
          {cachedCount > 0
            ? `; ${cachedCount} downloaded model${cachedCount === 1 ? '' : 's'} can be loaded (marked "cached").`
            : '; no model is downloaded, so only the recorded demo and the MoE view work until you are back online.'}
        </p>
      )}
      {shell.updateReady && (
        <p className="update-note" role="status" data-testid="update-ready">
          A new version of the app is ready.{' '}
          <button type="button" onClick={updateApp} disabled={!canUpdate}>
            {canUpdate ? 'Reload to update' : 'Reload to update (after the reply)'}
          </button>
        </p>
      )}
    </div>
  );
}
