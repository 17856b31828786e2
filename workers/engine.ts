/** The one seam between the worker's logic and a concrete inference engine. */
import type { RunSource } from '../src/shared/provenance';
import type { ChatMessage, LoadProgress } from '../src/shared/protocol';
import type { AppError } from '../src/shared/errors';
import type { AdapterSummary, FinishReason, RunEngine, RunSettings, RunUsage } from '../src/shared/runs';
import type { RecordedSteps, StepPlan } from './step-recorder';
import type { RoutingBatch, RoutingShape } from '../src/shared/routing';
import type { VocabularyInfo } from '../src/shared/vocabulary';

export interface EngineChunk {
  text: string;
  /** The router's choices of the tokens this chunk (and any textless ones before it) holds. */
  routing?: RoutingBatch;
  finishReason?: FinishReason;
  usage?: RunUsage;
}

export interface EngineLoadInfo {
  contextWindow: number | null;
  modelConfig?: Record<string, unknown> | null;
  /** GPU bytes the model held before its first generation (see LoadResult.weightBytes). */
  weightBytes?: number | null;
  /** The router's shape, when the build outputs its choices (see LoadResult.routing). */
  routing?: RoutingShape | null;
}

/** Where the text of an engine's last stream came from, as the host records it in the run. */
export interface StreamOrigin {
  source: RunSource;
  /** Played back from a fixture a script wrote, not from a model. */
  synthetic: boolean;
  /** Replays: the id of the recorded run played back. */
  replayOf?: string;
  /** The engine that generated the text (replays: the recorded run's, when it says). */
  engine?: RunEngine;
  /** The adapter the text was generated on: this machine's, or for a replay the recording machine's. */
  adapter: AdapterSummary | null;
}

export interface LoadOptions {
  /** Attach a step recorder (comparisons' quality pass). It copies the logits to the CPU at every
   * step, so a traced load is never used for speed figures; web-llm fixes it when a model loads. */
  traced?: boolean;
}

/** A greedy generation followed step by step (see StepRecorder). */
export interface TraceResult {
  text: string;
  steps: RecordedSteps;
}

export interface InferenceEngine {
  /** What this engine's text is: measured on this GPU, or replayed. */
  readonly source: RunSource;
  /** Resolves when loaded; throws on failure; an aborted load resolves or throws, and the host checks. */
  load(modelId: string, onProgress: (p: LoadProgress) => void, options?: LoadOptions): Promise<EngineLoadInfo>;
  /** Aborts a load in flight (network stops at once; GPU work finishes first). */
  cancelLoad(): Promise<void>;
  stream(modelId: string, messages: ChatMessage[], settings: RunSettings): AsyncIterable<EngineChunk>;
  /** Generates greedily on a model loaded with `traced`, recording (or forcing) each step per `plan`. */
  trace(modelId: string, messages: ChatMessage[], settings: RunSettings, plan: StepPlan): Promise<TraceResult>;
  /** Where the last stream's text came from. */
  origin(): StreamOrigin;
  /** Stops the generation in flight; the stream then ends with finishReason "abort". */
  interrupt(): void;
  unload(): Promise<void>;
  /** Which of these models have their files in the browser's cache (engines that download nothing: none). */
  cached(modelIds: string[]): Promise<Record<string, boolean>>;
  /** Deletes a model's files from the browser's cache; the host unloads it first. */
  deleteCached(modelId: string): Promise<void>;
  /** The model_config of a cached model's mlc-chat-config.json (engines that download nothing: none). */
  cachedModelConfig?(modelId: string): Promise<Record<string, unknown> | null>;
  /** The loaded model's tokenizer vocabulary (see src/shared/vocabulary.ts); null when unreadable. */
  vocabulary?(modelId: string): Promise<VocabularyInfo | null>;
  /** Replay engines: the load as recorded (live engines have none: the worker measures it). */
  recordedLoad?(modelId: string): RecordedLoad | null;
}

/** What a replay engine recorded of a variant's load, in place of the worker's own clocks and counters. */
export interface RecordedLoad {
  /** The engine that ran the variant, when the recording says. */
  engine?: RunEngine;
  ms: number;
  cached: boolean;
  peakGpuBytes: number | null;
}

/** Thrown by replay engines to play back a failure as it was recorded. */
export class RecordedFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.title);
    this.name = 'RecordedFailure';
  }
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
