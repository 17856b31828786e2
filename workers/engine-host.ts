/**
 * Engine-agnostic core of the worker: serialises loads and generations so the
 * last choice wins, records every generation as a run (labelled as its engine
 * says), and turns failures into typed errors. Knows nothing of web-llm or
 * replay beyond InferenceEngine.
 */
import { classifyError, hostOf, makeError, type AppError } from '../src/shared/errors';
import type { LoadEvent, Run, RunChunk, RunUsage } from '../src/shared/runs';
import { EngineError, RecordedFailure, type InferenceEngine, type LoadOptions, type RecordedLoad, type TraceResult } from './engine';
import type { StepPlan } from './step-recorder';
import type { GenerateRequest, GenerateResult, LoadProgress, LoadResult, Result, StreamUpdate } from '../src/shared/protocol';
import type { FrameClock } from './frame-clock';
import { StreamBatcher } from './stream-batcher';
import type { VocabularyInfo } from '../src/shared/vocabulary';

export interface HostDeps {
  now: () => number;
  /** URL of the last request started after `since` (worker clock). */
  lastUrl: (since: number) => string | undefined;
  answeredSince: (host: string, since: number) => boolean;
  hostsOf: (modelId: string) => string[];
  /** Frees GPU devices created by a load that did not finish (web-llm leaks them on abort). */
  releaseOrphans: (since: number) => void;
  newId: () => string;
}

const MAX_LOAD_EVENTS = 60;
/** How long a swap waits for the old engine to let go of the GPU. */
export const RELEASE_TIMEOUT_MS = 5000;

/** Waits for `work` (a release) at most RELEASE_TIMEOUT_MS; its failure is not the caller's. */
function bounded(work: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, RELEASE_TIMEOUT_MS);
    void work.catch(() => {}).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export class EngineHost {
  private loadSeq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private loadedModel: string | null = null;
  private contextWindow: number | null = null;
  private loadEvents: LoadEvent[] = [];

  constructor(
    private engine: InferenceEngine,
    private readonly deps: HostDeps,
  ) {}

  get loaded() {
    return this.loadedModel;
  }

  /** Runs `fn` after every earlier operation has settled. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Switches engines. The old one is let go even when it cannot unload (a lost GPU device): the
   * switch is how the stage falls back to a rehearsal, and it must not wait on a broken engine. */
  async swapEngine(engine: InferenceEngine): Promise<void> {
    this.loadSeq++;
    this.engine.interrupt();
    const old = this.engine;
    await bounded(old.cancelLoad());
    await this.exclusive(async () => {
      await bounded(old.unload());
      this.engine = engine;
      this.loadedModel = null;
    });
  }

  async load(modelId: string, onProgress: (p: LoadProgress) => void, options: LoadOptions = {}): Promise<Result<LoadResult>> {
    const seq = ++this.loadSeq;
    const superseded = (): Result<LoadResult> => ({ ok: true, value: { modelId, contextWindow: null, completed: false, modelConfig: null } });
    // Free the queue quickly: stop any generation and abort the load in flight.
    this.engine.interrupt();
    await this.engine.cancelLoad();
    return this.exclusive(async () => {
      if (seq !== this.loadSeq) return superseded();
      const started = this.deps.now();
      let progress = 0;
      const events: LoadEvent[] = [];
      this.loadedModel = null;
      try {
        const info = await this.engine.load(
          modelId,
          (p) => {
            if (seq !== this.loadSeq) return;
            progress = p.progress;
            events.push({ t: Math.round(this.deps.now() - started), progress: p.progress, text: p.text });
            onProgress(p);
          },
          options,
        );
        if (seq !== this.loadSeq) {
          await this.engine.unload();
          this.deps.releaseOrphans(started);
          return superseded();
        }
        this.loadedModel = modelId;
        this.contextWindow = info.contextWindow;
        this.loadEvents = thin(events, MAX_LOAD_EVENTS);
        return { ok: true, value: { modelId, contextWindow: info.contextWindow, completed: true, modelConfig: info.modelConfig ?? null, ...(typeof info.weightBytes === 'number' ? { weightBytes: info.weightBytes } : {}), routing: info.routing ?? null } };
      } catch (err) {
        this.deps.releaseOrphans(started);
        if (seq !== this.loadSeq) return superseded();
        return { ok: false, error: this.classify(err, 'load', modelId, progress, started) };
      }
    });
  }

  async cancelLoad(): Promise<void> {
    this.loadSeq++;
    await this.engine.cancelLoad();
  }

  /** Resolves once every operation started so far has settled: a cancelled or superseded load too. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  stop(): void {
    this.engine.interrupt();
  }

  /** The load as a replay engine recorded it; null on a live engine. */
  recordedLoad(modelId: string): RecordedLoad | null {
    return this.engine.recordedLoad?.(modelId) ?? null;
  }

  cached(modelIds: string[]): Promise<Record<string, boolean>> {
    return this.engine.cached(modelIds);
  }

  /** The loaded model's tokenizer vocabulary; null when the engine cannot read it. */
  async vocabulary(modelId: string): Promise<VocabularyInfo | null> {
    return (await this.engine.vocabulary?.(modelId).catch(() => null)) ?? null;
  }

  /** A cached model's own architecture description; null when there is none to read. */
  async cachedModelConfig(modelId: string): Promise<Record<string, unknown> | null> {
    return (await this.engine.cachedModelConfig?.(modelId).catch(() => null)) ?? null;
  }

  /** Unloads the model first when it is the one loaded: its files are about to go. */
  async deleteCached(modelId: string): Promise<Result<void>> {
    try {
      if (this.loadedModel === modelId) await this.unload();
      await this.engine.deleteCached(modelId);
      return { ok: true, value: undefined };
    } catch (err) {
      return { ok: false, error: makeError('unknown', { title: 'The model could not be deleted from the cache', detail: String(err) }) };
    }
  }

  async unload(): Promise<void> {
    this.loadSeq++;
    this.engine.interrupt();
    await this.engine.cancelLoad();
    await this.exclusive(async () => {
      await this.engine.unload();
      this.loadedModel = null;
    });
  }

  /** `clock`: the UI's frames, when it reports them, to time the batches of text by. */
  generate(req: GenerateRequest, onUpdate: (u: StreamUpdate) => void, clock: FrameClock | null = null): Promise<Result<GenerateResult>> {
    return this.exclusive(async () => {
      const modelId = this.loadedModel;
      if (!modelId) return { ok: false, error: makeError('not-loaded') };
      const startedAt = new Date().toISOString();
      const t0 = this.deps.now();
      const chunks: RunChunk[] = [];
      const batcher = new StreamBatcher(onUpdate, clock);
      let usage: RunUsage | null = null;
      let finishReason: Run['finishReason'] = 'stop';
      try {
        for await (const c of this.engine.stream(modelId, req.messages, req.settings)) {
          if (c.routing) batcher.route(c.routing);
          if (c.text !== '') {
            const t = this.deps.now() - t0;
            chunks.push({ t: Math.round(t * 100) / 100, text: c.text });
            batcher.push(c.text, t);
          }
          if (c.usage) usage = c.usage;
          if (c.finishReason) finishReason = c.finishReason;
        }
      } catch (err) {
        batcher.flush();
        return { ok: false, error: this.classify(err, 'generate', modelId, 1, t0) };
      }
      batcher.flush();
      const text = chunks.map((c) => c.text).join('');
      const origin = this.engine.origin();
      const run: Run = {
        id: this.deps.newId(),
        modelId,
        source: origin.source,
        synthetic: origin.synthetic,
        ...(origin.replayOf ? { replayOf: origin.replayOf } : {}),
        ...(origin.engine ? { engine: origin.engine } : {}),
        startedAt,
        settings: req.settings,
        adapter: origin.adapter,
        contextWindow: this.contextWindow,
        messageCount: req.messages.length,
        load: this.loadEvents,
        chunks,
        usage: usage ?? null,
        finishReason,
      };
      return { ok: true, value: { text, finishReason, run } };
    });
  }

  /** A greedy generation on a model loaded with `traced`, recorded (or forced) step by step. */
  trace(req: GenerateRequest, plan: StepPlan): Promise<Result<TraceResult>> {
    return this.exclusive(async () => {
      const modelId = this.loadedModel;
      if (!modelId) return { ok: false, error: makeError('not-loaded') };
      const t0 = this.deps.now();
      try {
        return { ok: true, value: await this.engine.trace(modelId, req.messages, req.settings, plan) };
      } catch (err) {
        return { ok: false, error: this.classify(err, 'generate', modelId, 1, t0) };
      }
    });
  }

  private classify(err: unknown, phase: 'load' | 'generate', modelId: string, progress: number, since: number): AppError {
    if (err instanceof RecordedFailure) return err.appError;
    if (err instanceof EngineError) return makeError(err.code, { detail: err.message });
    const lastUrl = this.deps.lastUrl(since);
    const host = hostOf(lastUrl);
    return classifyError(err, {
      phase,
      progress,
      hosts: this.deps.hostsOf(modelId),
      ...(lastUrl ? { lastUrl } : {}),
      ...(host ? { hostAnswered: this.deps.answeredSince(host, since) } : {}),
    });
  }
}

/** Keeps at most `max` events, always the first and last, so run files stay small. */
function thin<T>(events: T[], max: number): T[] {
  if (events.length <= max) return events;
  const step = (events.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => events[Math.round(i * step)] as T);
}
