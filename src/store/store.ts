/** The app's one store, assembled from slices; actions live in src/actions. */
import { create } from 'zustand';
import { makeError } from '../shared/errors';
import { DEFAULT_COMPARE_DRAFT } from '../lib/compare-url';
import { newConversation } from '../lib/conversations';
import { DEFAULT_OFFLOAD } from '../lib/offload-setup';
import type { AppState, CompareSlice, DeviceSlice, ChatSlice, GpuSlice, MetricsSlice, ModelSlice, PrefsSlice, RunsSlice, SettingsSlice, AlertSlice, StageSlice } from './types';

export const DEFAULT_SETTINGS: SettingsSlice['settings'] = {
  systemPrompt: 'You are a helpful assistant.',
  temperature: 0.7,
  top_p: 0.9,
  max_tokens: 1024,
  thinking: false,
};

/** A browser without WebGPU is known before the first paint: its notice is there from the start, and shifts nothing. */
const gpuSlice = (): GpuSlice => ({
  gpu: typeof navigator !== 'undefined' && !('gpu' in navigator) ? { status: 'error', report: null, error: makeError('no-webgpu') } : { status: 'probing', report: null, error: null },
});

const modelSlice = (): ModelSlice => ({
  selectedId: null,
  choiceSettled: false,
  loadedId: null,
  loadState: 'idle',
  loadProgress: null,
  loadError: null,
  contextWindow: null,
  cached: {},
  modelConfigs: {},
  storageWarning: null,
  engine: { source: 'measured', replayModels: [], synthetic: false },
  replayPending: false,
});

const chatSlice = (): ChatSlice => {
  const first = newConversation(crypto.randomUUID(), Date.now());
  return { conversations: [first], currentId: first.id, deletedChat: null, messages: [], contextStart: null, streaming: null, chatError: null, draft: '' };
};
const settingsSlice = (): SettingsSlice => ({ settings: DEFAULT_SETTINGS });
const runsSlice = (): RunsSlice => ({ runs: [], runsNotice: null });
const alertSlice = (): AlertSlice => ({ alert: null, hydrated: false });
const metricsSlice = (): MetricsSlice => ({
  streamingFigures: null,
  lastReply: null,
  memory: { liveBytes: 0, peakBytes: 0, buffers: 0 },
  bandwidth: { status: 'idle', result: null, error: null },
  configMismatches: [],
  weightBytes: {},
  routerShapes: {},
  expertSummary: null,
  selfTest: { status: 'idle', bytes: 0 },
  ramProbe: 'idle',
});
export const DEFAULT_PREFS: PrefsSlice['prefs'] = { gpuMemoryGB: null, hardware: 'mine', overflow: 'rolling', charsPerToken: {}, script: [], customModels: [], mirror: null, offload: DEFAULT_OFFLOAD, panels: {} };
const prefsSlice = (): PrefsSlice => ({ prefs: DEFAULT_PREFS });

const deviceSlice = (): DeviceSlice => ({
  shell: { online: typeof navigator === 'undefined' ? true : navigator.onLine, cachedForOffline: false, updateReady: false },
  storage: { usedMB: null, quotaMB: null, persisted: null },
});

const compareSlice = (): CompareSlice => ({
  view: 'chat',
  scriptAt: 0,
  compare: { draft: DEFAULT_COMPARE_DRAFT, status: 'idle', progress: null, result: null, origin: 'file', error: null, notice: null, freeMB: null, merged: null },
});

const stageSlice = (): StageSlice => ({ rehearsal: null, rehearsing: null, rehearsalError: null, fallback: false, preflightOpen: false, audience: true, stageNotice: null });

export const useStore = create<AppState>()(() => ({
  ...stageSlice(),
  ...gpuSlice(),
  ...modelSlice(),
  ...chatSlice(),
  ...settingsSlice(),
  ...runsSlice(),
  ...alertSlice(),
  ...metricsSlice(),
  ...prefsSlice(),
  ...compareSlice(),
  ...deviceSlice(),
}));

export const getState = useStore.getState;
export const setState = useStore.setState;

/** Replay mode as the page shows it: a replay engine, or a ?replay= file still being read. */
export const showsReplay = (s: AppState): boolean => s.engine.source === 'replayed' || s.replayPending;
