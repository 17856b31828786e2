import { useState } from 'react';
import { dismissAlert } from '../actions/app-actions';
import { getState, useStore } from '../store/store';
import { ErrorNotice } from './ErrorNotice';
import { runErrorAction } from '../actions/error-actions';

/**
 * Errors that concern the whole app: a crash or a lost device, and no usable GPU (until a replay runs).
 * A GPU verdict that arrives after the first paint (no adapter: the worker's probe takes a second or two)
 * lies in a dock at the bottom of the window instead of pushing the page down under the reader.
 */
export function AlertBanner() {
  const alert = useStore((s) => s.alert);
  const gpuError = useStore((s) => (s.engine.source === 'measured' ? s.gpu.error : null));
  const [late] = useState(() => getState().gpu.status === 'probing');
  const [dismissed, setDismissed] = useState(false);
  const docked = gpuError && late && !dismissed;
  return (
    <>
      {(alert || (gpuError && !late)) && (
        <div className="alert-banner">
          {gpuError && !late && <ErrorNotice error={gpuError} onAction={runErrorAction} />}
          {alert && <ErrorNotice error={alert} onAction={runErrorAction} onDismiss={dismissAlert} />}
        </div>
      )}
      {docked && (
        <div className="alert-dock" data-testid="alert-dock">
          <ErrorNotice error={gpuError} onAction={runErrorAction} onDismiss={() => setDismissed(true)} />
        </div>
      )}
    </>
  );
}
