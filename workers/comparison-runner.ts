/**
 * Runs a quantization comparison on the worker's engine host, one variant at a time (one model in
 * GPU memory at a time), the reference (most bits) first:
 * 1. load it plainly (timed; cached or not), one discarded warm-up, then every prompt × repetition
 *    greedily with the seed: web-llm's usage gives the speed figures, the buffer counter the peak;
 * 2. load it again from the cache with a step recorder (which slows every step: no speed figure is
 *    taken from this load), and follow each prompt: the reference records its top-k at each step;
 *    the others give their free greedy reply, then are forced along the reference's tokens — unless
 *    their tokenizer or chat template differs from the reference's (variants of two engines), when
 *    the reason is kept instead and only their speed is compared.
 * A variant that fails is kept with its reason, and the others go on. Engine-agnostic.
 */
import type { ComparisonPhase, ComparisonProgress, ComparisonSetup, FreeReply, ForcedTrace, ReferenceTrace, VariantResult } from '../src/shared/comparison';
import type { AppError } from '../src/shared/errors';
import type { GenerateRequest, LoadProgress, Result } from '../src/shared/protocol';
import { usageFromChunks, type RunEngine, type RunSettings } from '../src/shared/runs';
import { qualityProblem, type QualityInputs } from '../src/shared/vocabulary';
import type { EngineHost } from './engine-host';
import type { RecordedSteps } from './step-recorder';

export interface RunnerDeps {
  now: () => number;
  /** Starts counting the peak of GPU bytes held anew (peakBytes reads it). */
  resetPeak: () => void;
  peakBytes: () => number;
  /** The catalog's figures for a model: the app's download estimate and web-llm's VRAM figure. */
  figures: (modelId: string) => { downloadMB: number | null; webllmVramMB: number | null };
  /** The engine that runs a model (a replay says its own). */
  engineOf: (modelId: string) => RunEngine;
}

type Report = (phase: ComparisonPhase, done: number, of: number, load?: LoadProgress | null) => void;
type Reference = { free: FreeReply[]; trace: ReferenceTrace[]; quality: QualityInputs };

class Failed extends Error {
  constructor(readonly error: AppError) {
    super(error.title);
  }
}

export class ComparisonRunner {
  private cancelled = false;

  constructor(
    private readonly host: EngineHost,
    private readonly deps: RunnerDeps,
  ) {}

  /** Stops at once: the download or generation in flight is aborted; finished variants are kept. */
  cancel(): void {
    this.cancelled = true;
    this.host.stop();
    void this.host.cancelLoad();
  }

  /** `earlier`: the variants of an interrupted run of the same setup; those that finished are kept
   * as they are (the reference's traces too), and only the others run: a resume. */
  async run(setup: ComparisonSetup, onProgress: (p: ComparisonProgress) => void, earlier: readonly VariantResult[] = []): Promise<VariantResult[]> {
    this.cancelled = false;
    const results: VariantResult[] = [];
    let reference: Reference | null = null;
    for (const [i, modelId] of setup.variants.entries()) {
      const done = earlier.find((v) => v.modelId === modelId && v.status === 'done');
      if (done) {
        results.push(done);
        if (i === 0) reference = { free: done.free, trace: done.reference ?? [], quality: qualityInputs(done) };
        continue;
      }
      const result = this.empty(modelId);
      results.push(result);
      if (this.cancelled) {
        result.status = 'cancelled';
        continue;
      }
      const report = (phase: ComparisonPhase, done: number, of: number, load: LoadProgress | null = null) =>
        onProgress({ variant: i, variants: setup.variants.length, phase, done, of, load });
      try {
        await this.timeVariant(setup, result, report);
        if (i === 0) reference = await this.traceReference(setup, result, report);
        else await this.traceCandidate(setup, result, reference, report);
        result.status = this.cancelled ? 'cancelled' : 'done';
      } catch (err) {
        if (!(err instanceof Failed)) throw err;
        result.status = this.cancelled ? 'cancelled' : 'failed';
        if (!this.cancelled) result.error = err.error;
      }
      await this.host.unload();
    }
    return results;
  }

  private empty(modelId: string): VariantResult {
    const f = this.deps.figures(modelId);
    return { modelId, engine: this.deps.engineOf(modelId), status: 'cancelled', load: null, downloadMB: f.downloadMB, webllmVramMB: f.webllmVramMB, peakGpuBytes: null, speed: [], free: [], forced: [] };
  }

  private request(setup: ComparisonSetup, promptId: string, maxTokens = setup.maxTokens): GenerateRequest {
    const prompt = setup.prompts.find((p) => p.id === promptId)!;
    const settings: RunSettings = { temperature: 0, top_p: 1, max_tokens: maxTokens, thinking: false, systemPrompt: '', seed: setup.seed };
    return { messages: [{ role: 'user', content: prompt.text }], settings };
  }

  private async must<T>(step: Promise<Result<T>>): Promise<T> {
    const r = await step;
    if (this.cancelled) throw new Failed({ code: 'unknown', title: 'Cancelled', message: '', action: 'none' });
    if (!r.ok) throw new Failed(r.error);
    return r.value;
  }

  private async timeVariant(setup: ComparisonSetup, result: VariantResult, report: Report): Promise<void> {
    const cached = (await this.host.cached([result.modelId]))[result.modelId] === true;
    this.deps.resetPeak();
    const t0 = this.deps.now();
    const loaded = await this.must(this.host.load(result.modelId, (p) => report('load', 0, 1, p)));
    if (!loaded.completed) throw new Failed({ code: 'unknown', title: 'Cancelled', message: '', action: 'none' });
    // A replayed comparison shows the load as recorded, never the replay's own timings.
    const recorded = this.host.recordedLoad(result.modelId);
    result.load = recorded ? { ms: recorded.ms, cached: recorded.cached } : { ms: Math.round(this.deps.now() - t0), cached };
    // After the timed load: reading a tokenizer is not part of loading the model.
    if (recorded?.engine) result.engine = recorded.engine;
    result.vocabulary = await this.host.vocabulary(result.modelId);
    const first = setup.prompts[0]!.id;
    report('warm-up', 0, 1);
    await this.must(this.host.generate(this.request(setup, first), () => {}));
    const runs = setup.prompts.length * setup.repetitions;
    for (let rep = 0; rep < setup.repetitions; rep++) {
      for (const p of setup.prompts) {
        report('speed', result.speed.length, runs);
        const reply = await this.must(this.host.generate(this.request(setup, p.id), () => {}));
        const usage = reply.run.usage;
        if (usage) result.speed.push({ prompt: p.id, rep, usage, app: usageFromChunks(reply.run.chunks, usage.prompt_tokens) });
      }
    }
    result.peakGpuBytes = recorded ? recorded.peakGpuBytes : this.deps.peakBytes();
  }

  /** The reference's free replies, recorded with their top-k at every step. */
  private async traceReference(setup: ComparisonSetup, result: VariantResult, report: Report): Promise<Reference> {
    await this.must(this.host.load(result.modelId, (p) => report('traced-load', 0, 1, p), { traced: true }));
    const trace: ReferenceTrace[] = [];
    for (const [j, p] of setup.prompts.entries()) {
      report('quality', j, setup.prompts.length);
      const free = await this.must(this.host.trace(this.request(setup, p.id), { kind: 'record', topK: setup.topK }));
      result.free.push({ prompt: p.id, tokens: free.steps.sampled, text: free.text });
      trace.push({ prompt: p.id, topIds: free.steps.topIds });
      result.forced.push(selfTrace(p.id, free.steps));
    }
    result.reference = trace;
    return { free: result.free, trace, quality: qualityInputs(result) };
  }

  /** A candidate's free replies, then the candidate forced along the reference's (if it has one and
   * their token ids and prompts mean the same: otherwise the reason is kept, and only speed compares). */
  private async traceCandidate(setup: ComparisonSetup, result: VariantResult, reference: Reference | null, report: Report): Promise<void> {
    const problem = reference ? qualityProblem(reference.quality, qualityInputs(result)) : null;
    if (problem) result.qualitySkipped = problem;
    await this.must(this.host.load(result.modelId, (p) => report('traced-load', 0, 1, p), { traced: true }));
    for (const [j, p] of setup.prompts.entries()) {
      report('quality', j, setup.prompts.length);
      const free = await this.must(this.host.trace(this.request(setup, p.id), { kind: 'record', topK: 1 }));
      result.free.push({ prompt: p.id, tokens: free.steps.sampled, text: free.text });
      const path = reference?.free.find((r) => r.prompt === p.id)?.tokens;
      const refTopIds = reference?.trace.find((t) => t.prompt === p.id)?.topIds;
      if (problem || !path || !refTopIds || path.length === 0) continue;
      const forced = await this.must(this.host.trace(this.request(setup, p.id, path.length), { kind: 'force', path, refTopIds }));
      const s = forced.steps;
      result.forced.push({ prompt: p.id, top1: s.top1, tokenLogprobs: s.tokenLogprobs, refLogprobs: s.refLogprobs });
    }
  }
}

/** What the vocabulary and chat-template check reads of a variant: its tokenizer and its prompts' sizes. */
function qualityInputs(v: VariantResult): QualityInputs {
  const promptTokens = new Map<string, number>();
  for (const s of v.speed) if (!promptTokens.has(s.prompt)) promptTokens.set(s.prompt, s.usage.prompt_tokens);
  return { engine: v.engine ?? 'web-llm', vocabulary: v.vocabulary ?? null, promptTokens };
}

/** The reference measured against itself: its top-1 at each step and its own log-probabilities. */
function selfTrace(prompt: string, steps: RecordedSteps): ForcedTrace {
  return { prompt, top1: steps.topIds.map((ids) => ids[0]!), tokenLogprobs: steps.tokenLogprobs, refLogprobs: steps.topLogprobs };
}
