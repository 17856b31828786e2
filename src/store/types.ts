import type { AppError } from '../lib/errors';
import type { FinishReason, Run, RunSettings } from '../lib/runs';
import type { EngineStatus, GpuReport, LoadProgress } from '../../workers/protocol';

export interface ChatEntry {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  modelId?: string;
  runId?: string;
  finishReason?: FinishReason;
  /** The text came from the replay engine, not from a model on this GPU. */
  replayed?: boolean;
}

export interface StreamingReply {
  id: string;
  text: string;
  chunks: number;
  modelId: string;
  replayed: boolean;
}

export interface GpuSlice {
  gpu: { status: 'probing' | 'ready' | 'error'; report: GpuReport | null; error: AppError | null };
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface ModelSlice {
  selectedId: string | null;
  loadedId: string | null;
  loadState: LoadState;
  loadProgress: LoadProgress | null;
  loadError: AppError | null;
  contextWindow: number | null;
  cached: Record<string, boolean>;
  storageWarning: { modelId: string; needMB: number; freeMB: number } | null;
  engine: EngineStatus;
}

export interface ChatSlice {
  messages: ChatEntry[];
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

/** Errors that concern the whole app (worker crash, device lost) rather than one action. */
export interface AlertSlice {
  alert: AppError | null;
  hydrated: boolean;
}

export type AppState = GpuSlice & ModelSlice & ChatSlice & SettingsSlice & RunsSlice & AlertSlice;
