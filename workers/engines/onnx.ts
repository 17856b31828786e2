/**
 * The second live engine: ONNX builds through transformers.js, on ONNX Runtime Web's WebGPU
 * backend. ORT's wasm is served by the app (never a CDN); the tiny model's files come from the
 * app's own origin, a published model's from the hub (or the user's mirror) only when picked.
 * Every figure is this worker's own: a stamp per token, taken as the token arrives.
 */
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  InterruptableStoppingCriteria,
  LogitsProcessorList,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type ProgressInfo,
  type Tensor,
} from '@huggingface/transformers';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { EngineError, type EngineChunk, type EngineLoadInfo, type InferenceEngine, type LoadOptions, type StreamOrigin, type TraceResult } from '../engine';
import { StepRecorder, type StepPlan } from '../step-recorder';
import type { ChatMessage, LoadProgress } from '../../src/shared/protocol';
import { usageFromChunks, type AdapterSummary, type FinishReason, type RunChunk, type RunSettings } from '../../src/shared/runs';
import { onnxRecordOf, type OnnxRecord } from '../../src/lib/onnx-models';
import { deleteOnnxCached, localModelsPath, modelFetch, onnxCached, remoteBase } from './onnx-files';
import { StepProcessor, TokenQueue, TokenTap } from './onnx-generation';
import { RouterTap } from './onnx-routing';
import type { RoutingBatch } from '../../src/shared/routing';
import { vocabularyOf, type VocabularyInfo } from '../../src/shared/vocabulary';

interface Loaded {
  modelId: string;
  record: OnnxRecord;
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
  /** Tokens that end a reply (generation_config's eos_token_id). */
  eos: Set<number>;
  recorder: StepRecorder | null;
  /** The router's choices, when the build outputs them. */
  router: RouterTap | null;
}

/** How far the progress bar goes while files download; compiling and the warm-up take the rest. */
const DOWNLOAD_SHARE = 0.85;

let wasmConfigured = false;

/** The model's config.json as plain data (transformers.js holds it as a class instance). */
function plainConfig(model: PreTrainedModel): Record<string, unknown> {
  return JSON.parse(JSON.stringify(model.config)) as Record<string, unknown>;
}

function processorsOf(recorder: StepRecorder): LogitsProcessorList {
  const list = new LogitsProcessorList();
  list.push(new StepProcessor(recorder));
  return list;
}

/** ORT's wasm from this app's own origin: transformers.js points it at a CDN otherwise. */
function serveWasmLocally(): void {
  if (wasmConfigured) return;
  wasmConfigured = true;
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.wasmPaths = { wasm: new URL(ortWasmUrl, self.location.href).href, mjs: new URL(ortMjsUrl, self.location.href).href };
}

export class OnnxEngine implements InferenceEngine {
  readonly source = 'measured' as const;
  private loaded: Loaded | null = null;
  private loadAbort: AbortController | null = null;
  private stopper: InterruptableStoppingCriteria | null = null;

  constructor(
    private readonly adapter: () => AdapterSummary | null,
    private readonly mirror: () => string | null = () => null,
    /** The worker's count of live GPU buffer bytes. */
    private readonly gpuBytes: () => number = () => 0,
  ) {}

  /** Where files come from for this record; a fetch the load's controller can abort. */
  private configure(record: OnnxRecord, signal: AbortSignal): void {
    serveWasmLocally();
    env.allowLocalModels = record.local;
    env.allowRemoteModels = !record.local;
    env.localModelPath = localModelsPath();
    env.remoteHost = record.host ?? remoteBase(this.mirror());
    env.fetch = modelFetch(signal);
  }

  async load(modelId: string, onProgress: (p: LoadProgress) => void, options: LoadOptions = {}): Promise<EngineLoadInfo> {
    const record = onnxRecordOf(modelId);
    if (!record) throw new EngineError('not-loaded', `${modelId} is not an ONNX model this app knows`);
    await this.unload();
    const abort = new AbortController();
    this.loadAbort = abort;
    this.configure(record, abort.signal);
    const started = performance.now();
    const bytesBefore = this.gpuBytes();
    const report = (progress: number, text: string) => onProgress({ progress, timeElapsed: (performance.now() - started) / 1000, text });
    const files = new Map<string, { loaded: number; total: number }>();
    const progress_callback = (p: ProgressInfo) => {
      if (p.status !== 'progress' && p.status !== 'done') return;
      const entry = files.get(p.file) ?? { loaded: 0, total: 0 };
      if (p.status === 'progress') Object.assign(entry, { loaded: p.loaded, total: p.total });
      else entry.loaded = entry.total;
      files.set(p.file, entry);
      let loaded = 0;
      let total = 0;
      for (const f of files.values()) {
        loaded += f.loaded;
        total += f.total;
      }
      report(total > 0 ? (DOWNLOAD_SHARE * loaded) / total : 0, `Fetching ${p.file}: ${(loaded / 2 ** 20).toFixed(1)} of ${(total / 2 ** 20).toFixed(1)} MB`);
    };
    const from = record.local ? 'this app' : record.host ? new URL(record.host).host : record.repo;
    report(0, `Fetching ${record.name} (${record.quant}) from ${from}`);
    const revision = record.revision ?? 'main';
    const [tokenizer, model] = await Promise.all([
      AutoTokenizer.from_pretrained(record.repo, { progress_callback, revision }),
      AutoModelForCausalLM.from_pretrained(record.repo, { dtype: record.dtype, device: 'webgpu', progress_callback, revision }),
    ]);
    if (abort.signal.aborted) {
      await model.dispose();
      throw new DOMException('The load was cancelled', 'AbortError');
    }
    const eosIds = model.generation_config?.eos_token_id ?? null;
    const eos = new Set<number>(eosIds === null ? [] : Array.isArray(eosIds) ? eosIds : [eosIds]);
    const recorder = options.traced ? new StepRecorder({ kind: 'record', topK: 1 }) : null;
    // The sessions exist and nothing has run: what the GPU holds now is the weights (and ORT's constants).
    const weightBytes = this.gpuBytes() - bytesBefore;
    const router = RouterTap.attach(model, plainConfig(model));
    this.loaded = { modelId, record, model, tokenizer, eos, recorder, router };
    this.loadAbort = null;
    // The first generation compiles the GPU's shaders (seconds on a software adapter): done here, so
    // the first reply's time to first token is the model's, not the compiler's.
    report(DOWNLOAD_SHARE + 0.05, 'Compiling the GPU shaders (a two-token warm-up)');
    await this.generateIds(this.loaded, this.encode(this.loaded, [{ role: 'user', content: 'Hi' }], null), 2, null);
    this.stopper = null;
    report(1, 'Ready');
    return { contextWindow: record.contextWindow, modelConfig: plainConfig(model), weightBytes, routing: router?.shape ?? null };
  }

  async cancelLoad(): Promise<void> {
    this.loadAbort?.abort();
  }

  private need(modelId: string): Loaded {
    const loaded = this.loaded;
    if (!loaded || loaded.modelId !== modelId) throw new EngineError('not-loaded', `${modelId} is not loaded`);
    return loaded;
  }

  /** The chat as token ids through the model's own chat template. */
  private encode(loaded: Loaded, messages: ChatMessage[], thinking: boolean | null): { input_ids: Tensor; attention_mask: Tensor } {
    const inputs = loaded.tokenizer.apply_chat_template(messages, {
      add_generation_prompt: true,
      return_dict: true,
      ...(thinking === null ? {} : { enable_thinking: thinking }),
    }) as unknown as { input_ids: Tensor; attention_mask: Tensor };
    const promptTokens = Number(inputs.input_ids.dims.at(-1) ?? 0);
    if (promptTokens > loaded.record.contextWindow) {
      throw new EngineError('context-exceeded', `The prompt is ${promptTokens} tokens; ${loaded.modelId} holds ${loaded.record.contextWindow}.`);
    }
    return inputs;
  }

  /** Runs generate, handing each new token to `queue` (its stopper: this.stopper); resolves when it ends. */
  private generateIds(loaded: Loaded, inputs: { input_ids: Tensor; attention_mask: Tensor }, maxTokens: number, queue: TokenQueue | null, sampling?: RunSettings, recorder?: StepRecorder): Promise<unknown> {
    const stopper = new InterruptableStoppingCriteria();
    this.stopper = stopper;
    const sample = sampling !== undefined && sampling.temperature > 0;
    const router = loaded.router;
    const tap = queue ? new TokenTap(loaded.tokenizer, queue, recorder ? (id) => recorder.processSampledToken(id) : undefined, router ? () => router.take() : undefined) : null;
    return loaded.model.generate({
      ...inputs,
      max_new_tokens: maxTokens,
      do_sample: sample,
      ...(sample ? { temperature: sampling.temperature, top_p: sampling.top_p } : {}),
      stopping_criteria: stopper,
      ...(tap ? { streamer: tap } : {}),
      ...(recorder ? { logits_processor: processorsOf(recorder) } : {}),
    });
  }

  async *stream(modelId: string, messages: ChatMessage[], settings: RunSettings): AsyncIterable<EngineChunk> {
    const loaded = this.need(modelId);
    const inputs = this.encode(loaded, messages, settings.thinking);
    const promptTokens = Number(inputs.input_ids.dims.at(-1) ?? 0);
    const queue = new TokenQueue();
    const maxTokens = Math.min(settings.max_tokens, loaded.record.maxReplyTokens ?? Number.POSITIVE_INFINITY);
    const t0 = performance.now();
    const generation = this.generateIds(loaded, inputs, maxTokens, queue, settings);
    const stopper = this.stopper;
    void generation.then(() => queue.end(), (err: unknown) => queue.fail(err));
    const stamps: RunChunk[] = [];
    const ids: number[] = [];
    let shown = '';
    let sawEos = false;
    // Router choices of the tokens since the last chunk: they travel with the next one.
    let routing: RoutingBatch | null = null;
    const withRouting = (chunk: EngineChunk): EngineChunk => {
      if (!routing) return chunk;
      const out = { ...chunk, routing };
      routing = null;
      return out;
    };
    let stoppedEarly: boolean;
    const next = () => {
      const text = loaded.tokenizer.decode(ids, { skip_special_tokens: true });
      const piece = text.startsWith(shown) ? text.slice(shown.length) : '';
      return { text, piece };
    };
    try {
      for await (const { id, at, route } of queue) {
        if (loaded.eos.has(id)) {
          sawEos = true;
          continue;
        }
        ids.push(id);
        if (route && loaded.router) routing ??= { ...loaded.router.shape, ids: [] };
        if (route && routing) routing.ids.push(...route);
        stamps.push({ t: Math.round((at - t0) * 100) / 100, text: '' });
        const { text, piece } = next();
        // A character split across tokens decodes as U+FFFD until its last byte arrives.
        if (text.endsWith('\uFFFD')) continue;
        shown = text;
        if (piece !== '') yield withRouting({ text: piece });
      }
    } finally {
      // Asked to stop (Stop, or the host giving up on the stream) before generate() ended by itself;
      // read before the interrupt below, which ends a generation the loop has left.
      stoppedEarly = stopper?.interrupted ?? false;
      stopper?.interrupt();
    }
    const rest = next();
    if (rest.piece !== '') yield withRouting({ text: rest.piece });
    const finishReason: FinishReason = stoppedEarly ? 'abort' : sawEos ? 'stop' : ids.length >= maxTokens ? 'length' : 'stop';
    yield withRouting({ text: '', finishReason, usage: usageFromChunks(stamps, promptTokens) });
  }

  async trace(modelId: string, messages: ChatMessage[], settings: RunSettings, plan: StepPlan): Promise<TraceResult> {
    const loaded = this.need(modelId);
    const recorder = loaded.recorder;
    if (!recorder) throw new EngineError('not-loaded', `${modelId} was loaded without a step recorder`);
    recorder.follow(plan);
    const inputs = this.encode(loaded, messages, settings.thinking);
    const queue = new TokenQueue();
    await this.generateIds(loaded, inputs, settings.max_tokens, queue, undefined, recorder);
    const ids = queue.taken().filter((id) => !loaded.eos.has(id));
    return { text: loaded.tokenizer.decode(ids, { skip_special_tokens: true }), steps: recorder.take() };
  }

  origin(): StreamOrigin {
    // Measured: a model made these tokens on this GPU (the tiny model's weights are random, its timings real).
    return { source: 'measured', synthetic: false, engine: 'onnx', adapter: this.adapter() };
  }

  interrupt(): void {
    this.stopper?.interrupt();
  }

  async unload(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    this.stopper?.interrupt();
    // Releases the ONNX sessions, and with them the weights' GPU buffers.
    if (loaded) await loaded.model.dispose();
  }

  async cached(modelIds: string[]): Promise<Record<string, boolean>> {
    const entries = await Promise.all(modelIds.map(async (id) => [id, await onnxCached(id, this.mirror())] as const));
    return Object.fromEntries(entries);
  }

  deleteCached(modelId: string): Promise<void> {
    return deleteOnnxCached(modelId, this.mirror());
  }

  async cachedModelConfig(modelId: string): Promise<Record<string, unknown> | null> {
    const loaded = this.loaded;
    return loaded && loaded.record.repo === onnxRecordOf(modelId)?.repo ? plainConfig(loaded.model) : null;
  }

  /** From the tokenizer.json transformers.js loaded (the file web-llm's builds ship too). */
  async vocabulary(modelId: string): Promise<VocabularyInfo | null> {
    const loaded = this.loaded;
    return loaded?.modelId === modelId ? vocabularyOf(loaded.tokenizer._tokenizerJSON) : null;
  }
}
