/** The one seam between the worker's logic and a concrete inference engine. */
import type { FinishReason, Run, RunUsage } from '../src/lib/runs';
import type { ChatMessage, EngineKind, LoadProgress } from './protocol';
import type { RunSettings } from '../src/lib/runs';

export interface EngineChunk {
  text: string;
  finishReason?: FinishReason;
  usage?: RunUsage;
}

export interface EngineLoadInfo {
  contextWindow: number | null;
  modelConfig?: Record<string, unknown> | null;
}

export interface InferenceEngine {
  readonly kind: EngineKind;
  /** Replay engines: the recorded run played last, so the host can label its copy. */
  readonly lastPlayed?: Run | null;
  /** Resolves when loaded; throws on failure; an aborted load resolves or throws, and the host checks. */
  load(modelId: string, onProgress: (p: LoadProgress) => void): Promise<EngineLoadInfo>;
  /** Aborts a load in flight (network stops at once; GPU work finishes first). */
  cancelLoad(): Promise<void>;
  stream(modelId: string, messages: ChatMessage[], settings: RunSettings): AsyncIterable<EngineChunk>;
  /** Stops the generation in flight; the stream then ends with finishReason "abort". */
  interrupt(): void;
  unload(): Promise<void>;
}

/** Thrown by engines for failures that are already classified. */
export class EngineError extends Error {
  constructor(
    readonly code: 'replay-missing-run' | 'context-exceeded' | 'not-loaded',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
