/**
 * The app offline and the storage that keeps models: the service worker (registered once the page is
 * idle, so its precache download never competes with the first paint), the network state, the
 * browser's storage figures and its persistence grant, and deleting every downloaded model.
 */
import { getState, setState, useStore } from '../store/store';
import type { AppState, DeviceSlice } from '../store/types';
import { deleteFromCache } from './model-actions';

const MB = 2 ** 20;
let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null;

const patchShell = (patch: Partial<DeviceSlice['shell']>) => setState({ shell: { ...getState().shell, ...patch } });

export function watchNetwork(): void {
  // A page a service worker served is the cached app: it works offline before the worker is registered again.
  if (navigator.serviceWorker?.controller) patchShell({ cachedForOffline: true });
  const update = () => patchShell({ online: navigator.onLine });
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

/** The app is calm: no reply streams, no model loads, no comparison runs. */
const calm = (s: AppState) => s.streaming === null && s.loadState !== 'loading' && s.compare.status !== 'running';
const CALM_MS = 3000;

/**
 * Registers the service worker once the app has been calm for a few seconds: its first install
 * downloads the whole app (web-llm's 6 MB chunk included) and would otherwise compete with a reply
 * being painted or a model being loaded. Later visits find it installed at once.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer !== null) clearTimeout(timer);
    timer = calm(getState()) ? setTimeout(fire, CALM_MS) : null;
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (calm(s) !== calm(prev)) arm();
  });
  const fire = () => {
    unsubscribe();
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else start();
  };
  arm();
}

function start(): void {
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
}

/** Whether a new version may be swapped in now: never under a reply or a comparison in progress. */
export function canUpdateNow(s: AppState = getState()): boolean {
  return calm(s);
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
  await deleteFromCache(...ids);
}
