import { reloadModel, restartWorker } from './app-actions';
import { loadSelected } from './model-actions';
import { startReplayFromUrl } from './runs-actions';
import type { ErrorAction } from '../shared/errors';

/** The one place that turns an error's suggested action into a call. */
export function runErrorAction(action: ErrorAction): void {
  if (action === 'load') void loadSelected();
  else if (action === 'retry-load') void loadSelected({ skipStorageCheck: true });
  else if (action === 'reload-model') void reloadModel();
  else if (action === 'restart-worker') void restartWorker();
  else if (action === 'pick-model') document.getElementById('model-select')?.focus();
  else if (action === 'try-replay') void startReplayFromUrl(DEMO_REPLAY);
}

/** The recorded demo: a synthetic fixture the replay engine plays without a GPU (and says so). */
const DEMO_REPLAY = '/replays/synthetic-chat.json';
