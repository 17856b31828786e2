/**
 * Plays back recorded runs at their recorded pace: load progress, timed chunks
 * and usage. Everything it produces is replayed, and says so; it never touches
 * the GPU or the network.
 */
import { EngineError, type EngineChunk, type EngineLoadInfo, type InferenceEngine, type StreamOrigin } from '../engine';
import type { ChatMessage, LoadProgress } from '../../src/shared/protocol';
import { usageFromChunks, type Run, type RunFile } from '../../src/shared/runs';
import { tokensOf } from '../../src/lib/context-window';


export class ReplayEngine implements InferenceEngine {
  readonly source = 'replayed' as const;
  private loaded: string | null = null;
  private nextIndex = new Map<string, number>();
  private abort: AbortController | null = null;
  private interrupted = false;
  /** The run currently or last played. */
  private lastPlayed: Run | null = null;

  constructor(
    readonly file: RunFile,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = defaultSleep,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get models(): string[] {
    return [...new Set(this.file.runs.map((r) => r.modelId))];
  }

  private runsFor(modelId: string): Run[] {
    return this.file.runs.filter((r) => r.modelId === modelId);
  }

  async load(modelId: string, onProgress: (p: LoadProgress) => void): Promise<EngineLoadInfo> {
    const runs = this.runsFor(modelId);
    const first = runs[0];
    if (!first) {
      throw new EngineError('replay-missing-run', `No run recorded with ${modelId}; the file holds: ${this.models.join(', ')}`);
    }
    this.loaded = null;
    const abort = (this.abort = new AbortController());
    const start = this.now();
    for (const e of first.load) {
      const wait = e.t - (this.now() - start);
      if (wait > 0) await this.sleep(wait, abort.signal);
      if (abort.signal.aborted) return { contextWindow: first.contextWindow };
      onProgress({ progress: e.progress, timeElapsed: e.t / 1000, text: e.text });
    }
    if (abort.signal.aborted) return { contextWindow: first.contextWindow };
    this.loaded = modelId;
    return { contextWindow: first.contextWindow };
  }

  async cancelLoad(): Promise<void> {
    this.abort?.abort();
    this.loaded = null;
  }

  async *stream(modelId: string, messages: ChatMessage[]): AsyncIterable<EngineChunk> {
    if (this.loaded !== modelId) throw new EngineError('not-loaded', `${modelId} is not loaded`);
    const run = this.answerTo(modelId, messages);
    this.lastPlayed = run;
    const promptTokens = tokensOf(messages);
    if (run.contextWindow !== null && promptTokens > run.contextWindow) {
      throw new EngineError('context-exceeded', `Prompt tokens exceed context window size: ${promptTokens} > ${run.contextWindow}`);
    }
    this.interrupted = false;
    const start = this.now();
    let played = 0;
    for (const chunk of run.chunks) {
      const wait = chunk.t - (this.now() - start);
      if (wait > 0) await this.sleep(wait);
      if (this.interrupted) break;
      played++;
      yield { text: chunk.text };
    }
    const complete = played === run.chunks.length;
    const usage = complete && run.usage ? run.usage : usageFromChunks(run.chunks.slice(0, played), promptTokens);
    yield { text: '', finishReason: complete ? run.finishReason : 'abort', usage };
  }

  /** The run that answered this prompt in a rehearsal; otherwise the model's runs in turn. */
  private answerTo(modelId: string, messages: ChatMessage[]): Run {
    const prompt = messages.findLast((m) => m.role === 'user')?.content.trim();
    const { prompts, runs: all } = this.file;
    const matched = prompts ? all.find((r, i) => r.modelId === modelId && prompts[i]?.trim() === prompt) : undefined;
    if (matched) return matched;
    const runs = this.runsFor(modelId);
    const index = (this.nextIndex.get(modelId) ?? 0) % runs.length;
    this.nextIndex.set(modelId, index + 1);
    return runs[index] as Run;
  }

  /** Recorded runs hold text and timings, not the steps of a forced generation. */
  async trace(): Promise<never> {
    throw new EngineError('not-loaded', 'A replayed run holds no step traces: a comparison can only be replayed from a comparison file.');
  }

  origin(): StreamOrigin {
    const run = this.lastPlayed;
    return { source: 'replayed', synthetic: run?.synthetic ?? false, ...(run ? { replayOf: run.id } : {}), ...(run?.engine ? { engine: run.engine } : {}), adapter: run?.adapter ?? null };
  }

  interrupt(): void {
    this.interrupted = true;
  }

  async unload(): Promise<void> {
    this.loaded = null;
  }

  /** Nothing is downloaded: no model is in the cache on the replay engine's account. */
  async cached(): Promise<Record<string, boolean>> {
    return {};
  }

  async deleteCached(): Promise<void> {}
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
