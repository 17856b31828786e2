/**
 * The live engines behind one InferenceEngine: each model goes to the engine its record names —
 * web-llm for MLC builds, ONNX Runtime (through transformers.js) for ONNX builds. Each engine's
 * module is imported on first use, so a page that only runs the tiny ONNX model never downloads
 * web-llm, and one that runs web-llm never downloads ONNX Runtime. One model is loaded at a time.
 */
import type { ChatMessage, LoadProgress } from '../../src/shared/protocol';
import type { RunSettings } from '../../src/shared/runs';
import type { EngineChunk, EngineLoadInfo, InferenceEngine, LoadOptions, StreamOrigin, TraceResult } from '../engine';
import type { StepPlan } from '../step-recorder';
import type { VocabularyInfo } from '../../src/shared/vocabulary';
import { onnxRecordOf } from '../../src/lib/onnx-models';
import { deleteOnnxCached, onnxCached } from './onnx-files';

export interface LiveEngineDeps {
  webllm: () => Promise<InferenceEngine>;
  onnx: () => Promise<InferenceEngine>;
  /** The user's mirror (ONNX cache keys are the URLs the files came from). */
  mirror: () => string | null;
}

const isOnnx = (modelId: string) => onnxRecordOf(modelId) !== null;

export class LiveEngine implements InferenceEngine {
  readonly source = 'measured' as const;
  private webllm: Promise<InferenceEngine> | null = null;
  private onnx: Promise<InferenceEngine> | null = null;
  /** The engine of the model loaded or loading. */
  private current: InferenceEngine | null = null;

  constructor(private readonly deps: LiveEngineDeps) {}

  private engineFor(modelId: string): Promise<InferenceEngine> {
    return isOnnx(modelId) ? (this.onnx ??= this.deps.onnx()) : (this.webllm ??= this.deps.webllm());
  }

  private active(): InferenceEngine {
    if (!this.current) throw new Error('Model not loaded');
    return this.current;
  }

  async load(modelId: string, onProgress: (p: LoadProgress) => void, options?: LoadOptions): Promise<EngineLoadInfo> {
    const engine = await this.engineFor(modelId);
    // The other engine lets go of its model (and its GPU memory) first.
    if (this.current && this.current !== engine) await this.current.unload();
    this.current = engine;
    return engine.load(modelId, onProgress, options);
  }

  async cancelLoad(): Promise<void> {
    await this.current?.cancelLoad();
  }

  stream(modelId: string, messages: ChatMessage[], settings: RunSettings): AsyncIterable<EngineChunk> {
    return this.active().stream(modelId, messages, settings);
  }

  trace(modelId: string, messages: ChatMessage[], settings: RunSettings, plan: StepPlan): Promise<TraceResult> {
    return this.active().trace(modelId, messages, settings, plan);
  }

  origin(): StreamOrigin {
    return this.current?.origin() ?? { source: 'measured', synthetic: false, adapter: null };
  }

  interrupt(): void {
    this.current?.interrupt();
  }

  async unload(): Promise<void> {
    await this.current?.unload();
  }

  /** ONNX records are looked up in Cache Storage directly: asking must not import ONNX Runtime. */
  async cached(modelIds: string[]): Promise<Record<string, boolean>> {
    const onnxIds = modelIds.filter(isOnnx);
    const webllmIds = modelIds.filter((id) => !isOnnx(id));
    const [onnx, webllm] = await Promise.all([
      Promise.all(onnxIds.map(async (id) => [id, await onnxCached(id, this.deps.mirror())] as const)),
      webllmIds.length > 0 ? (await this.engineFor(webllmIds[0]!)).cached(webllmIds) : Promise.resolve({}),
    ]);
    return { ...webllm, ...Object.fromEntries(onnx) };
  }

  async deleteCached(modelId: string): Promise<void> {
    if (isOnnx(modelId)) return deleteOnnxCached(modelId, this.deps.mirror());
    return (await this.engineFor(modelId)).deleteCached(modelId);
  }

  vocabulary(modelId: string): Promise<VocabularyInfo | null> {
    return this.current?.vocabulary?.(modelId) ?? Promise.resolve(null);
  }

  /** ONNX models: their config.json as loaded (none before a load, so as not to import ONNX Runtime). */
  async cachedModelConfig(modelId: string): Promise<Record<string, unknown> | null> {
    if (isOnnx(modelId) && !this.onnx) return null;
    return (await (await this.engineFor(modelId)).cachedModelConfig?.(modelId)) ?? null;
  }
}
