import { dismissAlert } from '../actions/app-actions';
import { useStore } from '../store/store';
import { ErrorNotice } from './ErrorNotice';
import { runErrorAction } from '../actions/error-actions';

export function AlertBanner() {
  const alert = useStore((s) => s.alert);
  if (!alert) return null;
  return (
    <div className="alert-banner">
      <ErrorNotice error={alert} onAction={runErrorAction} onDismiss={dismissAlert} />
    </div>
  );
}
