import { cancelLoad, dismissStorageWarning, loadSelected, unloadModel } from '../actions/model-actions';
import { showsReplay, useStore } from '../store/store';
import { ErrorNotice } from './ErrorNotice';
import { SourceBadge } from './SourceBadge';
import { runErrorAction } from '../actions/error-actions';

export function LoadControls() {
  const state = useStore((s) => s.loadState);
  const progress = useStore((s) => s.loadProgress);
  const error = useStore((s) => s.loadError);
  const loadedId = useStore((s) => s.loadedId);
  const selectedId = useStore((s) => s.selectedId);
  // Shown from the first paint (its place kept), usable once the start-up choice is made.
  const settled = useStore((s) => s.choiceSettled);
  const warning = useStore((s) => s.storageWarning);
  const replay = useStore(showsReplay);
  const cached = useStore((s) => (s.selectedId ? s.cached[s.selectedId] === true : false));
  // No GPU adapter (or no WebGPU): a download could never run here; the recorded demo can.
  const noGpu = useStore((s) => s.gpu.status === 'error' && !replay);

  if (warning) {
    return (
      <div className="warning" role="alert" data-testid="storage-warning">
        <p>
          This download needs about {Math.round(warning.needMB)} MB but the browser reports only {warning.freeMB} MB of storage
          left for this site. It will probably fail midway.
        </p>
        <button type="button" onClick={() => void loadSelected({ skipStorageCheck: true })}>
          Download anyway
        </button>
        <button type="button" onClick={dismissStorageWarning}>
          Cancel
        </button>
      </div>
    );
  }
  if (state === 'loading' && progress) {
    const pct = Math.round(progress.progress * 100);
    return (
      <div className="loading" data-testid="load-progress">
        <progress max={100} value={pct} aria-label="Model loading progress" />
        <div className="load-text">
          <span data-testid="load-percent">{pct}%</span> · {progress.timeElapsed.toFixed(1)} s
          {replay && <SourceBadge source="replayed" />}
        </div>
        <div className="load-phase">{progress.text}</div>
        <button type="button" onClick={() => void cancelLoad()} data-testid="cancel-load">
          Cancel
        </button>
      </div>
    );
  }
  const label = replay ? 'Load (replay)' : cached ? 'Load from cache' : 'Download and load';
  if (noGpu && state !== 'error') {
    // One button in the Load button's place: the slot keeps its size when the verdict comes in.
    return (
      <div className="load-controls" data-testid="load-no-gpu">
        <button type="button" className="primary" data-testid="load-demo" onClick={() => runErrorAction('try-replay')} aria-describedby="load-no-gpu-why">
          Try the recorded demo
        </button>
        <span className="visually-hidden" id="load-no-gpu-why">
          Loading a model needs a GPU adapter, which this browser did not give: the recorded demo plays one without a GPU.
        </span>
      </div>
    );
  }
  return (
    <div className="load-controls">
      {error && state === 'error' && <ErrorNotice error={error} onAction={runErrorAction} />}
      {state === 'error' && error?.action === 'retry-load' ? null : state === 'ready' && loadedId === selectedId ? (
        <div className="ready-row">
          <p className="ready" data-testid="model-ready">
            Ready: {loadedId}
            {replay && <SourceBadge source="replayed" />}
          </p>
          <button type="button" data-testid="unload" onClick={() => void unloadModel()} title="Frees the model's GPU memory; its files stay cached">
            Unload
          </button>
        </div>
      ) : (
        <button type="button" className="primary" data-testid="load" onClick={() => void loadSelected()} disabled={!selectedId || !settled}>
          {label}
        </button>
      )}
    </div>
  );
}
