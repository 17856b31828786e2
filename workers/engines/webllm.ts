/** The live engine: web-llm's MLCEngine, running on this worker's WebGPU device. */
import {
  MLCEngine,
  deleteModelAllInfoInCache,
  hasModelInCache,
  prebuiltAppConfig,
  type AppConfig,
  type ChatCompletionMessageParam,
  type CompletionUsage,
  type ModelRecord,
} from '@mlc-ai/web-llm';
import { EngineError, type EngineChunk, type EngineLoadInfo, type InferenceEngine, type LoadOptions, type StreamOrigin, type TraceResult } from '../engine';
import { StepRecorder, type StepPlan } from '../step-recorder';
import type { ChatMessage, CustomRecord, LoadProgress } from '../../src/shared/protocol';
import type { AdapterSummary, FinishReason, RunSettings, RunUsage } from '../../src/shared/runs';
import { mirrorRecord, modelFileUrl } from '../../src/lib/mirror';
import { vocabularyOf, type VocabularyInfo } from '../../src/shared/vocabulary';

function toUsage(u: CompletionUsage): RunUsage {
  const e = u.extra;
  return {
    prompt_tokens: u.prompt_tokens,
    completion_tokens: u.completion_tokens,
    total_tokens: u.total_tokens,
    extra: {
      e2e_latency_s: e.e2e_latency_s,
      prefill_tokens_per_s: e.prefill_tokens_per_s,
      decode_tokens_per_s: e.decode_tokens_per_s,
      time_to_first_token_s: e.time_to_first_token_s,
      time_per_output_token_s: e.time_per_output_token_s,
    },
  };
}

function toFinish(reason: string | null | undefined): FinishReason | undefined {
  if (reason === null || reason === undefined) return undefined;
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  return 'stop';
}

function toMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    if (m.role === 'system') return { role: 'system', content: m.content };
    if (m.role === 'user') return { role: 'user', content: m.content };
    return { role: 'assistant', content: m.content };
  });
}

/** The model_config section of mlc-chat-config.json, from web-llm's cache, with the file's model_type
 * (which says how to read it) added where model_config has none; null when the file is not cached. */
async function readModelConfig(model: string): Promise<Record<string, unknown> | null> {
  try {
    const cache = await caches.open('webllm/config');
    const response = await cache.match(modelFileUrl(model, 'mlc-chat-config.json'));
    const config = (await response?.json()) as { model_type?: unknown; model_config?: Record<string, unknown> } | undefined;
    if (!config?.model_config || typeof config.model_config !== 'object') return null;
    return { model_type: config.model_type, ...config.model_config };
  } catch {
    return null;
  }
}

/** The vocabulary of a model's tokenizer.json, read from web-llm's cache (where the load put it), or
 * fetched again where the cache does not hold it; null when neither works. */
async function readVocabulary(model: string): Promise<VocabularyInfo | null> {
  const url = modelFileUrl(model, 'tokenizer.json');
  try {
    const cached = await (await caches.open('webllm/model')).match(url);
    const response = cached ?? (await fetch(url));
    return response.ok ? vocabularyOf(await response.json()) : null;
  } catch {
    return null;
  }
}

/** Where model files come from: a mirror's base URL (null: the records' hosts), and the user's models. */
export interface ModelSources {
  mirror: string | null;
  custom: readonly CustomRecord[];
}

const NO_SOURCES: ModelSources = { mirror: null, custom: [] };

function toModelRecord(c: CustomRecord): ModelRecord {
  return {
    model_id: c.model_id,
    model: c.model,
    model_lib: c.model_lib,
    overrides: { context_window_size: c.context_window_size },
    ...(c.needsShaderF16 ? { required_features: ['shader-f16'] } : {}),
  };
}

/** Drops a model's library from web-llm's cache, so that the next load downloads it again. */
async function forgetLibrary(appConfig: AppConfig, modelId: string): Promise<void> {
  const record = appConfig.model_list.find((r) => r.model_id === modelId);
  if (!record) return;
  try {
    await (await caches.open('webllm/wasm')).delete(record.model_lib);
  } catch {
    // Nothing cached, or no Cache Storage: nothing to forget.
  }
}

export class WebLLMEngine implements InferenceEngine {
  readonly source = 'measured' as const;
  private appConfig: AppConfig = prebuiltAppConfig;
  /** The sources the app config was built for (the prebuilt config is built for none). */
  private builtFor: ModelSources = NO_SOURCES;
  // One MLCEngine for the worker's life: reload() unloads the previous model and its GPU device.
  private readonly mlc = new MLCEngine({ appConfig: this.appConfig, logLevel: 'WARN' });
  private loading = false;
  /** The step recorder the loaded model was given (traced loads only). */
  private recorder: StepRecorder | null = null;

  /** `adapter`: the adapter web-llm runs on, as the worker's GPU probe describes it; `sources`: where
   * model files come from (a mirror) and the models the user added. */
  constructor(
    private readonly adapter: () => AdapterSummary | null,
    private readonly sources: () => ModelSources = () => NO_SOURCES,
  ) {}

  /** web-llm's app config for the sources now: the prebuilt records (pointed at the mirror when there is
   * one), then the user's own. web-llm caches files by URL, so a model is cached per source. */
  private config(): AppConfig {
    const sources = this.sources();
    if (sources !== this.builtFor) {
      this.builtFor = sources;
      const { mirror, custom } = sources;
      const prebuilt = mirror ? prebuiltAppConfig.model_list.map((r) => mirrorRecord(r, mirror)) : prebuiltAppConfig.model_list;
      this.appConfig = mirror || custom.length > 0 ? { ...prebuiltAppConfig, model_list: [...prebuilt, ...custom.map(toModelRecord)] } : prebuiltAppConfig;
      this.mlc.setAppConfig(this.appConfig);
    }
    return this.appConfig;
  }

  async load(modelId: string, onProgress: (p: LoadProgress) => void, options: LoadOptions = {}): Promise<EngineLoadInfo> {
    this.mlc.setInitProgressCallback((r) => onProgress({ progress: r.progress, timeElapsed: r.timeElapsed, text: r.text }));
    // web-llm hands a model its processor when it loads; none at all for an untraced load, which
    // must not pay for the copy of the logits to the CPU that a registered processor costs.
    this.recorder = options.traced ? new StepRecorder({ kind: 'record', topK: 1 }) : null;
    this.mlc.setLogitProcessorRegistry(this.recorder ? new Map([[modelId, this.recorder]]) : undefined);
    const appConfig = this.config();
    this.loading = true;
    try {
      await this.mlc.reload(modelId);
    } catch (err) {
      // A library that does not instantiate stays in web-llm's cache, where a retry would read it again.
      if (/CompileError|LinkError|WebAssembly/.test(String(err))) await forgetLibrary(appConfig, modelId);
      throw err;
    } finally {
      this.loading = false;
    }
    const record = appConfig.model_list.find((r) => r.model_id === modelId);
    return {
      contextWindow: record?.overrides?.context_window_size ?? null,
      modelConfig: record ? await readModelConfig(record.model) : null,
    };
  }

  async cancelLoad(): Promise<void> {
    // unload() aborts web-llm's reload controller, which stops the downloads in flight. With no load
    // in flight it would instead dispose the loaded model under a generation that is still stopping.
    if (this.loading) await this.mlc.unload();
  }

  async *stream(modelId: string, messages: ChatMessage[], settings: RunSettings): AsyncIterable<EngineChunk> {
    const chunks = await this.mlc.chat.completions.create({
      model: modelId,
      messages: toMessages(messages),
      stream: true,
      stream_options: { include_usage: true },
      temperature: settings.temperature,
      top_p: settings.top_p,
      max_tokens: settings.max_tokens,
      ...(settings.seed === undefined ? {} : { seed: settings.seed }),
      // web-llm allows enable_thinking for Qwen3 models only.
      ...(settings.thinking === null ? {} : { extra_body: { enable_thinking: settings.thinking } }),
    });
    for await (const chunk of chunks) {
      const choice = chunk.choices[0];
      const out: EngineChunk = { text: choice?.delta?.content ?? '' };
      const finish = toFinish(choice?.finish_reason);
      if (finish) out.finishReason = finish;
      if (chunk.usage) out.usage = toUsage(chunk.usage);
      yield out;
    }
  }

  async trace(modelId: string, messages: ChatMessage[], settings: RunSettings, plan: StepPlan): Promise<TraceResult> {
    const recorder = this.recorder;
    if (!recorder) throw new EngineError('not-loaded', `${modelId} was loaded without a step recorder`);
    recorder.follow(plan);
    const reply = await this.mlc.chat.completions.create({
      model: modelId,
      messages: toMessages(messages),
      stream: false,
      // Greedy, with nothing but the model deciding: temperature 0 is argmax in web-llm.
      temperature: 0,
      top_p: 1,
      frequency_penalty: 0,
      presence_penalty: 0,
      repetition_penalty: 1,
      seed: settings.seed ?? 0,
      max_tokens: settings.max_tokens,
      ...(settings.thinking === null ? {} : { extra_body: { enable_thinking: settings.thinking } }),
    });
    return { text: reply.choices[0]?.message.content ?? '', steps: recorder.take() };
  }

  origin(): StreamOrigin {
    return { source: 'measured', synthetic: false, engine: 'web-llm', adapter: this.adapter() };
  }

  interrupt(): void {
    void this.mlc.interruptGenerate();
  }

  unload(): Promise<void> {
    return this.mlc.unload();
  }

  async cached(modelIds: string[]): Promise<Record<string, boolean>> {
    const entries = await Promise.all(
      modelIds.map(async (id) => [id, await hasModelInCache(id, this.config()).catch(() => false)] as const),
    );
    return Object.fromEntries(entries);
  }

  deleteCached(modelId: string): Promise<void> {
    return deleteModelAllInfoInCache(modelId, this.config());
  }

  async vocabulary(modelId: string): Promise<VocabularyInfo | null> {
    const record = this.config().model_list.find((r) => r.model_id === modelId);
    return record ? readVocabulary(record.model) : null;
  }

  async cachedModelConfig(modelId: string): Promise<Record<string, unknown> | null> {
    const record = this.config().model_list.find((r) => r.model_id === modelId);
    return record ? readModelConfig(record.model) : null;
  }
}
