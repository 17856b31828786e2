/**
 * Plays a recorded comparison back through the comparison runner, so a comparison can be watched
 * again (or demonstrated without a GPU) and comes out with the figures it was recorded with, each
 * labelled replayed. Loads take their recorded time, speed generations stream at their recorded
 * pace and end with web-llm's recorded usage, traced generations return the recorded steps, and a
 * variant that failed fails again with its recorded reason. It never touches the GPU or the network.
 */
import type { ComparisonFile, VariantResult } from '../../src/shared/comparison';
import type { ChatMessage, LoadProgress } from '../../src/shared/protocol';
import type { RunSettings } from '../../src/shared/runs';
import { EngineError, RecordedFailure, type EngineChunk, type EngineLoadInfo, type InferenceEngine, type LoadOptions, type RecordedLoad, type StreamOrigin, type TraceResult } from '../engine';
import type { StepPlan } from '../step-recorder';
import type { VocabularyInfo } from '../../src/shared/vocabulary';

const LOAD_STEPS = 8;

export class ComparisonReplayEngine implements InferenceEngine {
  readonly source = 'replayed' as const;
  private loaded: VariantResult | null = null;
  private abort: AbortController | null = null;
  private interrupted = false;
  /** Speed generations played per variant and prompt: the warm-up, then each repetition. */
  private played = new Map<string, number>();

  constructor(
    readonly file: ComparisonFile,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = defaultSleep,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get models(): string[] {
    return this.file.setup.variants;
  }

  private variant(modelId: string): VariantResult {
    const v = this.file.variants.find((x) => x.modelId === modelId);
    if (!v) throw new EngineError('replay-missing-run', `${modelId} is not in the recorded comparison; it holds ${this.models.join(', ')}`);
    return v;
  }

  async load(modelId: string, onProgress: (p: LoadProgress) => void, options: LoadOptions = {}): Promise<EngineLoadInfo> {
    const v = this.variant(modelId);
    this.loaded = null;
    if (v.status === 'failed' && v.error) throw new RecordedFailure(v.error);
    if (v.status !== 'done') throw new EngineError('replay-missing-run', `${modelId} did not finish in the recorded comparison`);
    const abort = (this.abort = new AbortController());
    if (!options.traced) for (const key of [...this.played.keys()]) if (key.startsWith(`${modelId}\n`)) this.played.delete(key);
    // The traced load came from the cache, after the timed one: it is not part of the record.
    const ms = options.traced ? 0 : (v.load?.ms ?? 0);
    for (let i = 1; i <= LOAD_STEPS; i++) {
      await this.sleep(ms / LOAD_STEPS, abort.signal);
      if (abort.signal.aborted) return { contextWindow: null };
      onProgress({ progress: i / LOAD_STEPS, timeElapsed: (ms * i) / LOAD_STEPS / 1000, text: `Replaying the recorded load of ${modelId}` });
    }
    this.loaded = v;
    return { contextWindow: null };
  }

  async cancelLoad(): Promise<void> {
    this.abort?.abort();
  }

  private promptOf(messages: ChatMessage[]): string {
    const text = messages.at(-1)?.content;
    const prompt = this.file.setup.prompts.find((p) => p.text === text);
    if (!prompt) throw new EngineError('replay-missing-run', 'That prompt is not in the recorded comparison');
    return prompt.id;
  }

  private current(modelId: string): VariantResult {
    if (this.loaded?.modelId !== modelId) throw new EngineError('not-loaded', `${modelId} is not loaded`);
    return this.loaded;
  }

  async *stream(modelId: string, messages: ChatMessage[]): AsyncIterable<EngineChunk> {
    const v = this.current(modelId);
    const prompt = this.promptOf(messages);
    const key = `${modelId}\n${prompt}`;
    const n = this.played.get(key) ?? 0;
    this.played.set(key, n + 1);
    const samples = v.speed.filter((s) => s.prompt === prompt);
    // The runner warms up on the first prompt, a generation the record does not keep: it replays
    // that prompt's first sample; after it, each generation replays the next repetition.
    const first = prompt === this.file.setup.prompts[0]?.id;
    const sample = samples[first ? Math.max(0, n - 1) : n] ?? samples[0];
    if (!sample) throw new EngineError('replay-missing-run', `no recorded generation of ${modelId} for "${prompt}"`);
    const text = v.free.find((r) => r.prompt === prompt)?.text ?? '';
    const tokens = Math.max(1, sample.usage.completion_tokens);
    const pieces = splitEvenly(text === '' ? '·'.repeat(tokens) : text, tokens);
    this.interrupted = false;
    // Each chunk at its time from the start, not after a sleep of its own: timers are coarser
    // than a token at 2,000 tok/s, so chunks that are due go out together.
    const start = this.now();
    const ttft = sample.usage.extra.time_to_first_token_s * 1000;
    const perToken = sample.usage.extra.time_per_output_token_s * 1000;
    for (const [i, piece] of pieces.entries()) {
      const wait = ttft + i * perToken - (this.now() - start);
      if (wait > 0) await this.sleep(wait);
      if (this.interrupted) {
        yield { text: '', finishReason: 'abort' };
        return;
      }
      yield { text: piece };
    }
    yield { text: '', finishReason: 'length', usage: sample.usage };
  }

  /** The settings were the recording's: the steps are played back as recorded. */
  async trace(modelId: string, messages: ChatMessage[], _settings: RunSettings, plan: StepPlan): Promise<TraceResult> {
    const v = this.current(modelId);
    const prompt = this.promptOf(messages);
    const free = v.free.find((r) => r.prompt === prompt);
    const forced = v.forced.find((t) => t.prompt === prompt);
    const steps = { sampled: [] as number[], tokenLogprobs: [] as number[], topIds: [] as number[][], topLogprobs: [] as number[][], top1: [] as number[], refLogprobs: [] as number[][] };
    if (plan.kind === 'force') {
      if (!forced) throw new EngineError('replay-missing-run', `no recorded forced run of ${modelId} for "${prompt}"`);
      return { text: '', steps: { ...steps, sampled: [...plan.path], top1: forced.top1, tokenLogprobs: forced.tokenLogprobs, refLogprobs: forced.refLogprobs } };
    }
    if (!free) throw new EngineError('replay-missing-run', `no recorded reply of ${modelId} for "${prompt}"`);
    const topIds = v.reference?.find((t) => t.prompt === prompt)?.topIds ?? [];
    // The reference's recording: its top-k and log-probabilities, which it keeps as its trace of itself.
    return { text: free.text, steps: { ...steps, sampled: free.tokens, topIds, topLogprobs: topIds.length ? (forced?.refLogprobs ?? []) : [], tokenLogprobs: topIds.length ? (forced?.tokenLogprobs ?? []) : [] } };
  }

  recordedLoad(modelId: string): RecordedLoad | null {
    const v = this.file.variants.find((x) => x.modelId === modelId);
    const engine = v?.engine ?? this.file.environment.engine;
    return v?.load ? { ...(engine ? { engine } : {}), ms: v.load.ms, cached: v.load.cached, peakGpuBytes: v.peakGpuBytes } : null;
  }

  /** The vocabulary as recorded (files from before it was recorded: none). */
  async vocabulary(modelId: string): Promise<VocabularyInfo | null> {
    return this.file.variants.find((x) => x.modelId === modelId)?.vocabulary ?? null;
  }

  origin(): StreamOrigin {
    return { source: 'replayed', synthetic: this.file.synthetic, adapter: this.file.environment.adapter };
  }

  interrupt(): void {
    this.interrupted = true;
  }

  async unload(): Promise<void> {
    this.loaded = null;
  }

  async cached(modelIds: string[]): Promise<Record<string, boolean>> {
    return Object.fromEntries(modelIds.map((id) => [id, this.recordedLoad(id)?.cached === true]));
  }

  async deleteCached(): Promise<void> {}
}

/** `n` consecutive pieces of `text`, as even as whole characters allow. */
function splitEvenly(text: string, n: number): string[] {
  const chars = [...text];
  return Array.from({ length: n }, (_, i) => chars.slice(Math.floor((i * chars.length) / n), Math.floor(((i + 1) * chars.length) / n)).join(''));
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
