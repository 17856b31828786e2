import type { RunEngine } from '../shared/runs';
import type { AppError } from '../shared/errors';
import type { FinishReason, Run, RunSettings, RunUsage } from '../shared/runs';
import type { Rehearsal } from '../lib/rehearsal';
import type { BandwidthResult, EngineStatus, GpuReport, LoadProgress, MemoryStats } from '../shared/protocol';
import type { ConfigMismatch } from '../lib/config-check';
import type { OverflowPolicy } from '../lib/context-window';
import type { CompareDraft } from '../lib/compare-url';
import type { MergedComparison } from '../lib/compare-merge';
import type { ComparisonFile, ComparisonProgress } from '../shared/comparison';
import type { RunSource } from '../shared/provenance';
import type { ConversationMeta } from '../lib/conversations';
import type { CustomModel } from '../lib/custom-model';
import type { RoutingShape } from '../shared/routing';
import type { OffloadPrefs } from '../lib/offload-setup';
import type { ExpertSummary } from '../lib/expert-usage';

export interface ChatEntry {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  modelId?: string;
  runId?: string;
  /** interrupted: the page closed while the reply was written; what had arrived was kept. */
  finishReason?: FinishReason | 'interrupted';
  /** Replies: written by a model on this GPU (measured) or played back by the replay engine. */
  source?: RunSource;
  /** Replies: the decode speed and length of this reply (web-llm's figures, else the app's), shown under it. */
  speed?: { decodeTps: number; tokens: number };
}

/** The reply being written. Its text is not store state: it goes from the batches straight
 * into the DOM (chat-actions' followReply), and into the store once the reply settles. */
export interface StreamingReply {
  id: string;
  modelId: string;
  source: RunSource;
}

export interface GpuSlice {
  gpu: { status: 'probing' | 'ready' | 'error'; report: GpuReport | null; error: AppError | null };
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface ModelSlice {
  selectedId: string | null;
  /** The start-up choice is made (the GPU's answer, a replay file, the URL): Load waits for it. */
  choiceSettled: boolean;
  loadedId: string | null;
  loadState: LoadState;
  loadProgress: LoadProgress | null;
  loadError: AppError | null;
  contextWindow: number | null;
  cached: Record<string, boolean>;
  /** model_config of each cached model's mlc-chat-config.json that the worker has read. */
  modelConfigs: Record<string, Record<string, unknown>>;
  storageWarning: { modelId: string; needMB: number; freeMB: number } | null;
  engine: EngineStatus;
  /** A ?replay= file is being read: the replay banner holds its place from the first paint. */
  replayPending: boolean;
}

export interface ChatSlice {
  /** Every conversation, as the list shows it; the messages of the current one are `messages`. */
  conversations: ConversationMeta[];
  currentId: string;
  /** The conversation deleted last, held until the user undoes it or moves on. */
  deletedChat: { meta: ConversationMeta; messages: ChatEntry[] } | null;
  messages: ChatEntry[];
  /** Where the model's view began at the last send, when older messages were left out. */
  contextStart: { messageId: string } | null;
  streaming: StreamingReply | null;
  chatError: AppError | null;
  draft: string;
}

export interface SettingsSlice {
  settings: RunSettings;
}

export interface RunsSlice {
  runs: Run[];
  runsNotice: string | null;
}

/** The speed figures of the reply streaming now; kept (streaming: false) once it ends, until the next starts. */
export interface StreamingFigures {
  source: RunSource;
  streaming: boolean;
  tokens: number;
  ttftMs: number | null;
  currentTps: number | null;
  averageTps: number | null;
  /** Current tokens/s, sampled at each refresh, for the sparkline. */
  history: number[];
  /** Prompt size estimated from its characters (web-llm reports the real count after the reply). */
  promptTokensEst: number;
}

export interface ReplyMetrics {
  runId: string;
  source: RunSource;
  /** The app's figures, from the chunk times it recorded. */
  app: RunUsage;
  /** The engine's usage for the same run (recorded usage when replayed). */
  engine: RunUsage | null;
  /** Which engine: web-llm reports its own figures; the ONNX engine's are this worker's stamps. */
  engineKind: RunEngine;
}

export interface MetricsSlice {
  streamingFigures: StreamingFigures | null;
  lastReply: ReplyMetrics | null;
  memory: MemoryStats;
  bandwidth: { status: 'idle' | 'running' | 'done' | 'error'; result: BandwidthResult | null; error: AppError | null };
  configMismatches: ConfigMismatch[];
  /** The ONNX engine's measure of the loaded model's weights on the GPU, per model (bytes). */
  weightBytes: Record<string, number>;
  /** Per model loaded: the shape of its router's choices when the build outputs them, else null. */
  routerShapes: Record<string, RoutingShape | null>;
  /** The routing of the last reply of such a build, counted (see expert-actions). */
  expertSummary: (ExpertSummary & { modelId: string; runId: string | null }) | null;
  selfTest: { status: 'idle' | 'busy' | 'holding'; bytes: number };
  /** The RAM bandwidth probe (its result goes to prefs.offload). */
  ramProbe: 'idle' | 'running';
}

export type PanelName = 'model' | 'settings' | 'storage' | 'custom' | 'speed' | 'memory' | 'gpu' | 'bandwidth' | 'runs' | 'big-models' | 'experts';

/** Preferences that are not generation settings. */
export interface PrefsSlice {
  prefs: {
    gpuMemoryGB: number | null;
    /** What the projections stand on: 'mine' (this machine) or a hardware id of lib/hardware, picked on any view. */
    hardware: string;
    /** What happens when the conversation outgrows the context window. */
    overflow: OverflowPolicy;
    /** Characters per token per model, calibrated by web-llm's prompt_tokens on measured replies. */
    charsPerToken: Record<string, number>;
    /** The presenter's script: the prompts the stage view sends one by one. */
    script: string[];
    /** Models the user added by URL, each checked against its mlc-chat-config.json. */
    customModels: CustomModel[];
    /** Base URL of the user's mirror of model files; null: web-llm's hosts. */
    mirror: string | null;
    /** The machine the experts-in-RAM projection is for. */
    offload: OffloadPrefs;
    /** Which side panels are open on a phone, where the user opened or closed them. */
    panels: Partial<Record<PanelName, boolean>>;
  };
}

/** The page as an offline-capable app, and the browser storage that holds the models. */
export interface DeviceSlice {
  shell: {
    online: boolean;
    /** A service worker has the app cached: it starts without the network. */
    cachedForOffline: boolean;
    /** A new version is cached and waits for a reload. */
    updateReady: boolean;
  };
  storage: {
    usedMB: number | null;
    quotaMB: number | null;
    /** navigator.storage.persisted(): the browser keeps this site's data under storage pressure. */
    persisted: boolean | null;
  };
}

/** Errors that concern the whole app (worker crash, device lost) rather than one action. */
export interface AlertSlice {
  alert: AppError | null;
  hydrated: boolean;
}

/** The quantization comparison: the tester's choices, the run in progress, the last result. */
export interface CompareSlice {
  view: 'chat' | 'compare' | 'stage';
  /** The script prompt the stage view sends next. */
  scriptAt: number;
  compare: {
    draft: CompareDraft;
    status: 'idle' | 'running';
    progress: ComparisonProgress | null;
    result: ComparisonFile | null;
    /** here: run in this browser (live or replayed); file: imported, or read back without knowing. */
    origin: 'here' | 'file';
    error: AppError | null;
    notice: string | null;
    freeMB: number | null;
    /** Comparisons of the same prompts from several machines, imported together and merged. */
    merged: MergedComparison | null;
  };
}

/** The presenter's rehearsal, its recording, and the fallback that plays it on stage. */
export interface StageSlice {
  rehearsal: Rehearsal | null;
  /** Recording: the script prompt being rehearsed (0-based), of how many. */
  rehearsing: { at: number; of: number } | null;
  rehearsalError: AppError | null;
  /** The stage plays the rehearsal in place of the live engine. */
  fallback: boolean;
  /** The pre-flight check is open on the stage (?present&check). */
  preflightOpen: boolean;
  /** The stage shows the room only the stage: the app's header and banners hidden (H toggles). */
  audience: boolean;
  /** Why a stage key did nothing (P while the live model works), shown for a few seconds. */
  stageNotice: string | null;
}

export type AppState = StageSlice & DeviceSlice & CompareSlice & GpuSlice & ModelSlice & ChatSlice & SettingsSlice & RunsSlice & AlertSlice & MetricsSlice & PrefsSlice;
