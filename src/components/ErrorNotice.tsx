import type { AppError, ErrorAction } from '../shared/errors';

const ACTION_LABEL: Record<Exclude<ErrorAction, 'none'>, string> = {
  load: 'Load the model',
  'retry-load': 'Retry',
  'reload-model': 'Reload the model',
  'restart-worker': 'Restart the worker',
  'pick-model': 'Choose another model',
  'try-replay': 'Try the recorded demo',
};

interface Props {
  error: AppError;
  onAction?: (action: ErrorAction) => void;
  onDismiss?: () => void;
}

/** What happened, what to do, and a button that does it. */
export function ErrorNotice({ error, onAction, onDismiss }: Props) {
  const action = error.action === 'none' ? null : error.action;
  return (
    <div className="error-notice" role="alert" data-testid={`error-${error.code}`}>
      <strong className="error-title">{error.title}</strong>
      <p>{error.message}</p>
      {error.detail && (
        <details className="error-detail">
          <summary>Details</summary>
          <code>{error.detail}</code>
        </details>
      )}
      <div className="error-actions">
        {action && onAction && (
          <button type="button" className="primary" onClick={() => onAction(action)}>
            {ACTION_LABEL[action]}
          </button>
        )}
        {onDismiss && (
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
