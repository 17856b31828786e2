import { dismissAlert } from '../actions/app-actions';
import { useStore } from '../store/store';
import { ErrorNotice } from './ErrorNotice';
import { runErrorAction } from '../actions/error-actions';

/** Errors that concern the whole app: a crash or a lost device, and no usable GPU (until a replay runs). */
export function AlertBanner() {
  const alert = useStore((s) => s.alert);
  const gpuError = useStore((s) => (s.engine.source === 'measured' ? s.gpu.error : null));
  if (!alert && !gpuError) return null;
  return (
    <div className="alert-banner">
      {gpuError && <ErrorNotice error={gpuError} onAction={runErrorAction} />}
      {alert && <ErrorNotice error={alert} onAction={runErrorAction} onDismiss={dismissAlert} />}
    </div>
  );
}
