/** Plain data exchanged between the UI and the inference worker. */
import type { AppError } from './errors';
import type { AdapterSummary, FinishReason, Run, RunSettings } from './runs';
import type { RunSource } from './provenance';
import type { OnnxRecord } from '../lib/onnx-models';
import type { RoutingBatch, RoutingShape } from './routing';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface GpuReport extends AdapterSummary {
  device: string;
  features: string[];
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

export interface LoadProgress {
  /** 0..1 */
  progress: number;
  /** Seconds since the load started. */
  timeElapsed: number;
  text: string;
}

export interface LoadResult {
  modelId: string;
  contextWindow: number | null;
  /** False when a newer load or a cancel superseded this one. */
  completed: boolean;
  /** `model_config` of the loaded model's mlc-chat-config.json, when the engine has one. */
  modelConfig: Record<string, unknown> | null;
  /** ONNX engine: GPU bytes its sessions held once created, before any generation (the weights as
   * the GPU keeps them); null for engines that allocate working memory while loading (web-llm). */
  weightBytes?: number | null;
  /** A mixture-of-experts build that outputs its router's choices: their shape (they then travel
   * with the streamed text); null or absent: the engine sees no routing. */
  routing?: RoutingShape | null;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  settings: RunSettings;
}

/** A batch of streamed text: the worker groups chunks so the UI paints each batch in one frame, about 30 a second. */
export interface StreamUpdate {
  text: string;
  /** Worker time of the last chunk, ms since the request. */
  t: number;
  /** One entry per chunk (≈ token) of the batch: when it reached the worker's host, as
   * performance.timeOrigin + now() (comparable across threads), the start of its trip to the screen. */
  chunkAt: number[];
  /** The router's choices of this batch's tokens, when the loaded build outputs them. */
  routing?: RoutingBatch;
}

/** Sent back by the UI, for a frame that painted a batch (every 250 ms or so: frames keep their
 * phase), so the worker can aim its next batches at frames (see FrameClock). */
export interface FrameReport {
  /** Start of the frame, as performance.timeOrigin + the animation frame's timestamp. */
  frameAt: number;
  /** The display's frame interval in ms (the UI sends no report until it knows it). */
  intervalMs: number;
}

export interface GenerateResult {
  text: string;
  finishReason: FinishReason;
  run: Run;
}

/** The engine the worker runs, by what its text is: web-llm's is measured, the replay engine's replayed. */
export interface EngineStatus {
  source: RunSource;
  /** For replay engines: the models the run file holds. */
  replayModels: string[];
  synthetic: boolean;
}

export interface MemoryStats {
  liveBytes: number;
  peakBytes: number;
  buffers: number;
}

export interface BandwidthResult {
  gbPerSecond: number;
  bytesPerPass: number;
  passes: number;
  /** Every pass, in GB/s, so the spread can be shown. */
  samples: number[];
  timing: 'timestamp-query' | 'wall-clock';
}

/** System RAM bandwidth as one thread copying memory reaches it: a lower bound. */
export interface RamProbeResult {
  gbPerSecond: number;
  samples: number[];
}

export type WorkerEvent = { type: 'device-lost'; message: string } | { type: 'memory'; stats: MemoryStats };

/** A model the user added by URL, as the worker adds it to web-llm's app config. */
export interface CustomRecord {
  model_id: string;
  model: string;
  /** Empty for an ONNX build. */
  model_lib: string;
  context_window_size: number;
  needsShaderF16: boolean;
  /** An ONNX build: the record the ONNX engine loads it by. */
  onnx?: OnnxRecord;
}
