import { restart, setBridgeListeners } from '../bridge/inference-bridge';
import { allModelIds, CATALOG } from '../catalog-data';
import { defaultModelId } from '../lib/catalog';
import { makeError } from '../shared/errors';
import { readParam, writeModelParam } from '../lib/url';
import { hydrate, startPersistence } from '../store/persistence';
import { getState, setState } from '../store/store';
import type { WorkerEvent } from '../shared/protocol';
import { settleStreaming } from './chat-actions';
import { hydrateComparison } from './compare-actions';
import { probeGpu, rememberedFallback } from './adapter-actions';
import { loadSelected, refreshCache } from './model-actions';
import { refreshStorage, watchNetwork } from './device-actions';
import { sendMirror } from './mirror-actions';
import { sendCustomModels } from './custom-model-actions';
import { replayFile, startReplay, startReplayFromUrl } from './runs-actions';
import { installTestHooks } from './test-hooks';
import { inStreamFrame } from './metrics-actions';

function onCrash(detail: string): void {
  settleStreaming('error');
  setState({
    alert: makeError('worker-crashed', { detail }),
    loadedId: null,
    loadState: 'idle',
    loadProgress: null,
  });
}

function onWorkerEvent(e: WorkerEvent): void {
  if (e.type === 'memory') {
    const stats = e.stats;
    inStreamFrame(() => setState({ memory: stats }));
  } else if (e.type === 'device-lost') {
    settleStreaming('error');
    setState({ alert: makeError('device-lost', { detail: e.message }), loadedId: null, loadState: 'idle' });
  }
}

export async function initApp(): Promise<void> {
  setBridgeListeners({ onCrash, onEvent: onWorkerEvent });
  installTestHooks();
  watchNetwork();
  void refreshStorage();
  startPersistence();
  // A first choice before the GPU answers (it takes a second): the model's details fill their place in the
  // first paint instead of pushing the page down later. The GPU's answer may still switch the variant.
  const asked = readParam('model');
  const provisional = asked !== null && allModelIds().includes(asked) ? asked : defaultModelId(CATALOG, false, rememberedFallback());
  if (getState().selectedId === null) setState({ selectedId: provisional });
  const replay = readParam('replay');
  // The banner is in the first paint, not pushed in above the model's Load once the file has arrived.
  if (replay) setState({ replayPending: true });
  const hydrated = Promise.all([hydrate(), hydrateComparison()]);
  const [hasF16] = await Promise.all([probeGpu(), hydrated]);
  const params = new URLSearchParams(window.location.search);
  if (params.has('present')) setState({ view: 'stage', preflightOpen: params.has('check') });
  if (replay) await startReplayFromUrl(replay);
  setState({ replayPending: false });
  const fromUrl = readParam('model');
  const { engine } = getState();
  const valid = (id: string | null): id is string =>
    id !== null && (engine.source === 'replayed' ? engine.replayModels.includes(id) : allModelIds().includes(id));
  const current = getState().selectedId;
  const chosen = current !== null && current !== provisional ? current : null;
  const fallbackAdapter = getState().gpu.report?.isFallback ?? false;
  const selectedId = valid(fromUrl) ? fromUrl : (chosen ?? defaultModelId(CATALOG, hasF16, fallbackAdapter));
  if (selectedId) {
    setState({ selectedId });
    writeModelParam(selectedId);
  }
  setState({ choiceSettled: true });
  // The worker learns where files come from before it is asked what is cached.
  await hydrated;
  await Promise.all([sendMirror(), sendCustomModels()]);
  await refreshCache();
}

/** A new worker (after a crash) that knows the GPU and where model files come from; its engine is web-llm's. */
export async function freshWorker(): Promise<void> {
  restart();
  await Promise.all([probeGpu(), sendMirror(), sendCustomModels()]);
}

/** After a crash: a fresh worker, the same engine, the same model. */
export async function restartWorker(): Promise<void> {
  const wasLoaded = getState().selectedId;
  setState({ alert: null });
  await freshWorker();
  const file = replayFile();
  if (file) await startReplay(file);
  if (wasLoaded) await loadSelected({ skipStorageCheck: true });
}

export async function reloadModel(): Promise<void> {
  setState({ alert: null });
  await loadSelected({ skipStorageCheck: true });
}

export function dismissAlert(): void {
  setState({ alert: null });
}
