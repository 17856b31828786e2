import { Comlink, inference } from '../bridge/inference-bridge';
import { allModelIds, architectureOfModel, variantOf } from '../catalog-data';
import { isAvailable } from '../lib/catalog';
import { makeError } from '../shared/errors';
import { compareModelConfig } from '../lib/config-check';
import { frameInterval } from '../lib/frame-interval';
import { writeModelParam } from '../lib/url';
import { getState, setState } from '../store/store';
import type { LoadProgress } from '../shared/protocol';
import { confirmStopComparison } from './compare-actions';
import { refreshStorage, requestPersistentStorage } from './device-actions';

const MB = 2 ** 20;

export async function refreshCache(): Promise<void> {
  try {
    const cached = await inference().cacheStatus(allModelIds());
    setState({ cached });
    await readModelConfigs(Object.keys(cached).filter((id) => cached[id] && !(id in getState().modelConfigs)));
  } catch {
    // The cache badge and the configs are conveniences; a failure here must not block anything.
  }
}

/** Reads the mlc-chat-config.json of cached models: the memory estimate then uses the model's own
 * description of itself. */
async function readModelConfigs(modelIds: string[]): Promise<void> {
  const read = await Promise.all(modelIds.map(async (id) => [id, await inference().cachedModelConfig(id)] as const));
  const found = read.filter((entry): entry is readonly [string, Record<string, unknown>] => entry[1] !== null);
  if (found.length > 0) setState({ modelConfigs: { ...getState().modelConfigs, ...Object.fromEntries(found) } });
}

/** Picks a model; if one is loading or loaded, the new choice is loaded at once (the last choice wins). */
export function selectModel(modelId: string): void {
  const { loadState, loadedId, selectedId } = getState();
  if (modelId === selectedId) return;
  setState({ selectedId: modelId, storageWarning: null, loadError: null });
  writeModelParam(modelId);
  if (loadState === 'loading' || loadedId !== null) void loadSelected();
}

export function hasShaderF16(): boolean {
  return getState().gpu.report?.shaderF16 ?? false;
}

async function freeStorageMB(): Promise<number | null> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return quota === undefined ? null : (quota - (usage ?? 0)) / MB;
  } catch {
    return null;
  }
}

/** Loads the selected model; checks storage first unless the user already said "download anyway". */
export async function loadSelected(opts: { skipStorageCheck?: boolean } = {}): Promise<void> {
  const { selectedId, cached, engine, choiceSettled } = getState();
  const found = variantOf(selectedId);
  if (!choiceSettled || !selectedId || !found || !confirmStopComparison('Loading a model')) return;
  const replay = engine.source === 'replayed';
  if (!replay && getState().gpu.status === 'error') {
    setState({ loadState: 'error', loadError: getState().gpu.error });
    return;
  }
  if (!replay && !isAvailable(found.variant, hasShaderF16())) {
    setState({ loadState: 'error', loadError: makeError('needs-shader-f16') });
    return;
  }
  if (!replay && !cached[selectedId] && !navigator.onLine) {
    // Offline, a click right after the page opens can come before the cache was asked: ask now.
    await refreshCache();
    if (!getState().cached[selectedId]) {
      setState({ loadState: 'error', loadError: makeError('offline-not-cached') });
      return;
    }
  }
  if (!replay && !cached[selectedId] && !opts.skipStorageCheck && found.variant.downloadMB !== null) {
    const free = await freeStorageMB();
    if (free !== null && free < found.variant.downloadMB) {
      setState({ storageWarning: { modelId: selectedId, needMB: found.variant.downloadMB, freeMB: Math.floor(free) } });
      return;
    }
  }
  setState({ loadState: 'loading', loadProgress: { progress: 0, timeElapsed: 0, text: 'Starting…' }, loadError: null, storageWarning: null });
  // A download is about to fill the cache: ask the browser to keep it (the storage panel shows the answer).
  if (!replay && !cached[selectedId]) void requestPersistentStorage();
  const onProgress = Comlink.proxy((p: LoadProgress) => {
    if (getState().selectedId === selectedId) setState({ loadProgress: p });
  });
  try {
    const result = await inference().load(selectedId, onProgress);
    if (getState().selectedId !== selectedId) return; // a newer choice owns the state now
    if (!result.ok) {
      setState({ loadState: 'error', loadError: result.error, loadedId: null });
    } else if (result.value.completed) {
      const arch = architectureOfModel(selectedId);
      const modelConfig = result.value.modelConfig;
      const configMismatches = arch && modelConfig ? compareModelConfig(arch, modelConfig) : [];
      setState({
        loadState: 'ready',
        loadedId: selectedId,
        contextWindow: result.value.contextWindow,
        loadProgress: null,
        configMismatches,
        ...(modelConfig ? { modelConfigs: { ...getState().modelConfigs, [selectedId]: modelConfig } } : {}),
        ...(typeof result.value.weightBytes === 'number' ? { weightBytes: { ...getState().weightBytes, [selectedId]: result.value.weightBytes } } : {}),
        routerShapes: { ...getState().routerShapes, [selectedId]: result.value.routing ?? null },
      });
      // Timed now, while the page is idle: timed at the first send, its dozen animation frames
      // would be painted during the first reply, on top of the reply's own.
      frameInterval();
      void refreshCache();
      void refreshStorage();
    } else if (getState().loadState === 'loading') {
      setState({ loadState: 'idle', loadProgress: null });
    }
  } catch (err) {
    // The worker died mid-call; the crash handler resets the rest.
    setState({ loadState: 'error', loadError: makeError('unknown', { detail: String(err) }) });
  }
}

export async function cancelLoad(): Promise<void> {
  setState({ loadState: 'idle', loadProgress: null, loadedId: null });
  await inference().cancelLoad();
  void refreshCache();
}

/** Lets the GPU go: the reply in flight stops, the model's buffers are freed (the measured bytes fall
 * back), its files stay cached for the next load. */
export async function unloadModel(): Promise<void> {
  if (getState().loadState !== 'ready') return;
  setState({ loadState: 'idle', loadedId: null, loadProgress: null });
  await inference().unload();
}

/** Deletes the models' files (the loaded one is unloaded first), stopping at the first failure;
 * then reads the cache and the storage figures again, once. */
export async function deleteFromCache(...modelIds: string[]): Promise<void> {
  for (const id of modelIds) {
    const result = await inference().deleteCached(id);
    if (!result.ok) {
      setState({ loadError: result.error });
      break;
    }
    if (getState().loadedId === id) setState({ loadedId: null, loadState: 'idle' });
  }
  await Promise.all([refreshCache(), refreshStorage()]);
}

export function dismissStorageWarning(): void {
  setState({ storageWarning: null });
}
