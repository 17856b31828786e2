/**
 * A comparison of quantization levels of one model, as data: what was run (prompts, settings,
 * environment), and for each variant everything needed to recompute every figure — speed samples
 * (web-llm's usage), memory, the token ids of its free greedy replies, and its top-k log-
 * probabilities when forced along the reference's tokens. Exported, imported and replayed like runs.
 */
import type { AppError } from './errors';
import type { RunSource } from './provenance';
import type { LoadProgress } from './protocol';
import type { AdapterSummary, RunEngine, RunUsage } from './runs';
import type { VocabularyInfo } from './vocabulary';

export const COMPARISON_FORMAT = 'qwen-webgpu-comparison';
export const COMPARISON_VERSION = 1;

export interface ComparisonPrompt {
  id: string;
  text: string;
}

export interface ComparisonSetup {
  /** The model's name without its quantization, e.g. "Qwen3-0.6B". */
  model: string;
  /** Model ids (web-llm's or the ONNX catalog's), the reference (most bits) first. */
  variants: string[];
  prompts: ComparisonPrompt[];
  maxTokens: number;
  /** Timed generations per prompt (after one discarded warm-up per variant). */
  repetitions: number;
  seed: number;
  /** How many of the reference's most likely tokens each forced step records. */
  topK: number;
}

/** One timed, unforced generation: web-llm's usage for it, and the app's own figures from the
 * times its chunks reached the worker's host (the same arithmetic as the chat's). */
export interface SpeedSample {
  prompt: string;
  rep: number;
  usage: RunUsage;
  app?: RunUsage;
}

/** A variant's greedy reply to one prompt, as token ids (and text, for reading). */
export interface FreeReply {
  prompt: string;
  tokens: number[];
  text: string;
}

/**
 * A variant made to follow the reference's tokens on one prompt. At step i, for the reference's
 * token at i: the variant's own most likely token, its log-probability of the reference's token,
 * and its log-probabilities of the reference's top-k tokens at that step (in the reference's order).
 */
export interface ForcedTrace {
  prompt: string;
  top1: number[];
  tokenLogprobs: number[];
  refLogprobs: number[][];
}

/** The reference's own recording of its free reply: at each step its top-k ids, most likely first. */
export interface ReferenceTrace {
  prompt: string;
  topIds: number[][];
}

export interface VariantResult {
  modelId: string;
  /** The engine that ran it (absent in files from before comparisons across engines: the file's). */
  engine?: RunEngine;
  status: 'done' | 'failed' | 'cancelled';
  error?: AppError;
  /** Load time of the timed (unforced) load, and whether its files came from the browser's cache. */
  load: { ms: number; cached: boolean } | null;
  /** The app's estimate of the download (parameters × bits per weight). */
  downloadMB: number | null;
  /** web-llm's `vram_required_MB` for the record. */
  webllmVramMB: number | null;
  /** The worker's buffer counter: the most bytes held while this variant was loaded. */
  peakGpuBytes: number | null;
  speed: SpeedSample[];
  free: FreeReply[];
  forced: ForcedTrace[];
  /** The reference variant only. */
  reference?: ReferenceTrace[];
  /** Its tokenizer's vocabulary (null: it could not be read; absent in older files). */
  vocabulary?: VocabularyInfo | null;
  /** Why it was not forced along the reference's tokens (another vocabulary or chat template): its
   * quality cannot be measured against the reference's; its speed can. */
  qualitySkipped?: string;
}

export interface ComparisonFile {
  format: typeof COMPARISON_FORMAT;
  version: typeof COMPARISON_VERSION;
  exportedAt: string;
  /** measured: run with web-llm on the machine below; replayed: played back by the replay engine. */
  source: RunSource;
  /** A fixture a script wrote: no model produced these figures. */
  synthetic: boolean;
  note?: string;
  /** engine: which ran every variant (absent when variants say it, or in files from before the ONNX
   * engine: web-llm); webllmVersion: web-llm's when it ran any. */
  environment: { adapter: AdapterSummary | null; userAgent: string; webllmVersion: string | null; engine?: RunEngine };
  setup: ComparisonSetup;
  variants: VariantResult[];
}

export type ComparisonPhase = 'load' | 'warm-up' | 'speed' | 'traced-load' | 'quality';

/** Sent by the worker while a comparison runs. */
export interface ComparisonProgress {
  /** The variant being run (0 = the reference), of `variants`. */
  variant: number;
  variants: number;
  phase: ComparisonPhase;
  /** Generations done in this phase, and how many it has. */
  done: number;
  of: number;
  load: LoadProgress | null;
}
