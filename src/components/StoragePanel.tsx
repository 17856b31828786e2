import { deleteAllModels } from '../actions/device-actions';
import { useStore } from '../store/store';
import { MirrorSetting } from './MirrorSetting';
import { Panel } from './Panel';

const gb = (mb: number) => `${(mb / 1024).toFixed(mb < 10 * 1024 ? 2 : 1)} GB`;

function PersistenceNote({ persisted }: { persisted: boolean | null }) {
  if (persisted === null) return <p className="muted small">The browser does not say whether it keeps this site's data.</p>;
  return persisted ? (
    <p className="small" data-testid="storage-persisted">
      Persistent: the browser keeps the downloaded models even when space runs low.
    </p>
  ) : (
    <p className="small" data-testid="storage-persisted">
      Not persistent: the browser may delete the downloaded models when space runs low. It is asked again at the next download.
    </p>
  );
}

/** Where the models live: browser storage used and free, whether it is kept, what works offline. */
export function StoragePanel() {
  const storage = useStore((s) => s.storage);
  const shell = useStore((s) => s.shell);
  const cachedMap = useStore((s) => s.cached);
  const cached = Object.keys(cachedMap).filter((id) => cachedMap[id]);
  return (
    <Panel name="storage" label="Storage, offline use and model files" heading="Storage, offline, mirror">
      <p className="small" data-testid="storage-used">
        {storage.usedMB === null || storage.quotaMB === null
          ? 'Storage figures are not available in this browser.'
          : `${gb(storage.usedMB)} used of ${gb(storage.quotaMB)} this browser allows the site.`}
      </p>
      <PersistenceNote persisted={storage.persisted} />
      <p className="small" data-testid="offline-ready">
        {shell.cachedForOffline ? 'Works offline: the app is saved on this device' : 'Offline use: the app is saved after this visit'}
        {cached.length > 0 ? `, with ${cached.length} downloaded model${cached.length === 1 ? '' : 's'}: ${cached.join(', ')}.` : ', with no model downloaded yet.'}
      </p>
      <button type="button" onClick={() => void deleteAllModels()} disabled={cached.length === 0} data-testid="delete-all-models">
        Delete all models
      </button>
      <MirrorSetting />
    </Panel>
  );
}
