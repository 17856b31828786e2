/**
 * The app offline and the storage that keeps models: the service worker (registered once the page is
 * idle, so its precache download never competes with the first paint), the network state, the
 * browser's storage figures and its persistence grant, and deleting every downloaded model.
 */
import { inference } from '../bridge/inference-bridge';
import { getState, setState } from '../store/store';
import type { AppState, DeviceSlice } from '../store/types';
import { refreshCache } from './model-actions';

const MB = 2 ** 20;
let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null;

const patchShell = (patch: Partial<DeviceSlice['shell']>) => setState({ shell: { ...getState().shell, ...patch } });

export function watchNetwork(): void {
  const update = () => patchShell({ online: navigator.onLine });
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const start = () =>
    void import('virtual:pwa-register')
      .then(({ registerSW }) => {
        applyUpdate = registerSW({
          onNeedRefresh: () => patchShell({ updateReady: true }),
          onOfflineReady: () => patchShell({ cachedForOffline: true }),
          // A worker already active from an earlier visit has the app cached.
          onRegisteredSW: (_url, registration) => {
            if (registration?.active) patchShell({ cachedForOffline: true });
          },
        });
      })
      .catch(() => {
        // Without a service worker the app works as before, online only.
      });
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 2000);
}

/** Whether a new version may be swapped in now: never under a reply or a comparison in progress. */
export function canUpdateNow(s: AppState = getState()): boolean {
  return s.streaming === null && s.loadState !== 'loading' && s.compare.status !== 'running';
}

export function updateApp(): void {
  if (canUpdateNow()) void applyUpdate?.(true);
}

export async function refreshStorage(): Promise<void> {
  try {
    const [{ usage, quota }, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
    setState({
      storage: { usedMB: usage === undefined ? null : usage / MB, quotaMB: quota === undefined ? null : quota / MB, persisted },
    });
  } catch {
    // Browsers without the Storage API: the panel says the figures are unknown.
  }
}

/** Asks the browser to keep this site's data (the models) under storage pressure; the answer is shown. */
export async function requestPersistentStorage(): Promise<void> {
  try {
    if (!(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // No Storage API: nothing to ask.
  }
  await refreshStorage();
}

/** Deletes every downloaded model (after the user confirms); the loaded one is unloaded first. */
export async function deleteAllModels(): Promise<void> {
  const ids = Object.keys(getState().cached).filter((id) => getState().cached[id]);
  if (ids.length === 0 || !window.confirm(`Delete all ${ids.length} downloaded model(s) from this browser? They would have to be downloaded again.`)) return;
  for (const id of ids) {
    const result = await inference().deleteCached(id);
    if (!result.ok) {
      setState({ loadError: result.error });
      break;
    }
    if (getState().loadedId === id) setState({ loadedId: null, loadState: 'idle' });
  }
  await Promise.all([refreshCache(), refreshStorage()]);
}
