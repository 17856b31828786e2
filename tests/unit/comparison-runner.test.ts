import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ComparisonFile, ComparisonSetup } from '../../src/shared/comparison';
import { parseComparisonFile } from '../../src/shared/comparison-file';
import { comparisonRows } from '../../src/lib/compare-metrics';
import type { LoadProgress } from '../../src/shared/protocol';
import type { RunSettings } from '../../src/shared/runs';
import { usageFromChunks } from '../../src/shared/runs';
import { ComparisonRunner } from '../../workers/comparison-runner';
import type { ComparisonProgress } from '../../src/shared/comparison';
import type { EngineChunk, InferenceEngine, LoadOptions, StreamOrigin, TraceResult } from '../../workers/engine';
import { EngineHost } from '../../workers/engine-host';
import { ComparisonReplayEngine } from '../../workers/engines/comparison-replay';
import { variantOf } from '../../src/catalog-data';
import { StepRecorder, type StepPlan } from '../../workers/step-recorder';
import type { VocabularyInfo } from '../../src/shared/vocabulary';

const VOCAB = 8;
const TOY_VOCAB: VocabularyInfo = { size: VOCAB, hash: '00000000000000aa' };
const ln = Math.log;

/**
 * Three quantizations of one toy model, decoding as web-llm does with a processor registered:
 * logits → processLogits → argmax → processSampledToken. At step i of prompt p the reference puts
 * 0.7 on token (3i + p) mod 8; q4f32_1 puts 0.6 there; q4f16_1 too, except at step 2, where its
 * favourite is the next token (0.5 against 0.3).
 */
function distribution(quant: string, prompt: number, step: number): number[] {
  const best = (3 * step + prompt) % VOCAB;
  const probs = Array<number>(VOCAB).fill(0);
  const top = quant === 'q0f32' ? 0.7 : 0.6;
  if (quant === 'q4f16_1' && step === 2) {
    probs[best] = 0.3;
    probs[(best + 1) % VOCAB] = 0.5;
  } else probs[best] = top;
  const rest = (1 - probs.reduce((a, b) => a + b, 0)) / probs.filter((p) => p === 0).length;
  return probs.map((p) => (p === 0 ? rest : p));
}

class ToyEngine implements InferenceEngine {
  readonly source = 'measured' as const;
  loads: Array<{ modelId: string; traced: boolean }> = [];
  failLoad = new Set<string>();
  onGenerate: () => void = () => {};
  /** Per model: its tokenizer's vocabulary (default: the toy's), and its prompts' token counts (default 10). */
  vocab = new Map<string, VocabularyInfo | null>();
  promptTokens = new Map<string, number>();
  private loaded: string | null = null;
  private recorder: StepRecorder | null = null;

  async load(modelId: string, onProgress: (p: LoadProgress) => void, options: LoadOptions = {}) {
    if (this.failLoad.has(modelId)) throw new Error('TypeError: Failed to fetch');
    onProgress({ progress: 1, timeElapsed: 0, text: 'done' });
    this.loads.push({ modelId, traced: options.traced === true });
    this.recorder = options.traced ? new StepRecorder({ kind: 'record', topK: 1 }) : null;
    this.loaded = modelId;
    return { contextWindow: 4096 };
  }
  async cancelLoad() {}
  private quant = () => /-(q\w+?)-MLC$/.exec(this.loaded ?? '')![1]!;
  async *stream(_m: string, _msgs: unknown, settings: RunSettings): AsyncIterable<EngineChunk> {
    this.onGenerate();
    const decode = { q0f32: 20, q4f32_1: 40, q4f16_1: 60 }[this.quant()]!;
    const chunks = Array.from({ length: settings.max_tokens }, (_, i) => ({ t: i * (1000 / decode), text: 'x' }));
    for (const c of chunks) yield { text: c.text };
    yield { text: '', finishReason: 'length', usage: usageFromChunks(chunks, this.promptTokens.get(this.loaded!) ?? 10) };
  }
  async trace(_m: string, messages: Array<{ content: string }>, settings: RunSettings, plan: StepPlan): Promise<TraceResult> {
    this.onGenerate();
    const recorder = this.recorder!;
    recorder.follow(plan);
    const prompt = Number(messages[0]!.content.at(-1));
    let text = '';
    for (let step = 0; step < settings.max_tokens; step++) {
      const out = recorder.processLogits(Float32Array.from(distribution(this.quant(), prompt, step).map((p) => ln(p) + 2)));
      const token = out.indexOf(Math.max(...out));
      recorder.processSampledToken(token);
      text += String(token);
    }
    return { text, steps: recorder.take() };
  }
  origin(): StreamOrigin {
    return { source: 'measured', synthetic: false, adapter: null };
  }
  async vocabulary(modelId: string) {
    return this.vocab.has(modelId) ? this.vocab.get(modelId)! : TOY_VOCAB;
  }
  interrupt() {}
  async unload() {
    this.loaded = null;
  }
  async cached(ids: string[]) {
    return Object.fromEntries(ids.map((id) => [id, id.includes('q4')]));
  }
  async deleteCached() {}
}

const setup: ComparisonSetup = {
  model: 'Toy',
  variants: ['Toy-q0f32-MLC', 'Toy-q4f32_1-MLC', 'Toy-q4f16_1-MLC'],
  prompts: [
    { id: 'a', text: 'prompt 0' },
    { id: 'b', text: 'prompt 1' },
  ],
  maxTokens: 6,
  repetitions: 2,
  seed: 7,
  topK: 8,
};

function runner(onnx: readonly string[] = []) {
  const engine = new ToyEngine();
  let clock = 0;
  const host = new EngineHost(engine, { now: () => (clock += 1), lastUrl: () => undefined,
    answeredSince: () => false, hostsOf: () => ['example.org'], releaseOrphans: () => {}, newId: () => 'run' });
  const peaks = { q0f32: 3000, q4f32_1: 1500, q4f16_1: 1000 };
  let peak = 0;
  const r = new ComparisonRunner(host, {
    now: () => (clock += 5),
    resetPeak: () => (peak = 0),
    peakBytes: () => peak,
    figures: (id) => ({ downloadMB: id.length, webllmVramMB: 100 }),
    engineOf: (id) => (onnx.includes(id) ? 'onnx' : 'web-llm'),
  });
  engine.onGenerate = () => (peak = Math.max(peak, peaks[/-(q\w+?)-MLC$/.exec(engine.loads.at(-1)!.modelId)![1] as keyof typeof peaks]));
  return { engine, r };
}

const asFile = (variants: ComparisonFile['variants']): ComparisonFile => ({
  format: 'qwen-webgpu-comparison',
  version: 1,
  exportedAt: '2026-12-06T00:00:00.000Z',
  source: 'measured',
  synthetic: false,
  environment: { adapter: null, userAgent: 'test', webllmVersion: null },
  setup,
  variants,
});

describe('ComparisonRunner', () => {
  it('times each variant on a plain load, then traces it on a recorded one; the figures come out as built', async () => {
    const { engine, r } = runner();
    const progress: ComparisonProgress[] = [];
    const variants = await r.run(setup, (p) => progress.push(p));
    // Plain load for speed, traced load for quality, for each variant in turn.
    expect(engine.loads.map((l) => `${l.modelId.split('-')[1]}${l.traced ? '+trace' : ''}`)).toEqual(['q0f32', 'q0f32+trace', 'q4f32_1', 'q4f32_1+trace', 'q4f16_1', 'q4f16_1+trace']);
    expect(variants.map((v) => [v.status, v.speed.length, v.load?.cached])).toEqual([['done', 4, false], ['done', 4, true], ['done', 4, true]]);
    expect(variants.map((v) => v.peakGpuBytes)).toEqual([3000, 1500, 1000]);
    expect(progress.some((p) => p.phase === 'warm-up') && progress.at(-1)).toMatchObject({ variant: 2, variants: 3, phase: 'quality' });

    const rows = comparisonRows(parseComparisonFile(JSON.parse(JSON.stringify(asFile(variants)))));
    expect(rows.map((row) => row.decode?.mean)).toEqual([expect.closeTo(20, 6), expect.closeTo(40, 6), expect.closeTo(60, 6)]);
    expect(rows[0]!.forced).toMatchObject({ steps: 12, top1Agreement: 1, klMean: 0, perplexity: expect.closeTo(1 / 0.7, 5) });
    // q4f32_1 on the reference's top-8 (the whole toy vocabulary): 0.7 ln(0.7/0.6) + 7 × 0.3/7 ln((0.3/7)/(0.4/7)).
    expect(rows[1]!.forced!.top1Agreement).toBe(1);
    expect(rows[1]!.forced!.klMean).toBeCloseTo(0.7 * ln(0.7 / 0.6) + 0.3 * ln(0.3 / 0.4), 5);
    expect(rows[1]!.forced!.perplexity).toBeCloseTo(1 / 0.6, 5);
    expect(rows[1]).toMatchObject({ identicalReplies: 2, commonPrefixMean: 6 });
    // q4f16_1 prefers another token at step 2 (of 6) of each prompt, and its free replies part there.
    expect(rows[2]!.forced!.top1Agreement).toBeCloseTo(10 / 12, 12);
    expect(rows[2]!.forced!.perplexity).toBeCloseTo(Math.exp(-(10 * ln(0.6) + 2 * ln(0.3)) / 12), 5);
    expect(rows[2]).toMatchObject({ identicalReplies: 0, commonPrefixMean: 2 });
  });

  it('keeps a variant that fails, with its reason, and goes on with the others', async () => {
    const { engine, r } = runner();
    engine.failLoad.add('Toy-q4f32_1-MLC');
    const variants = await r.run(setup, () => {});
    expect(variants.map((v) => v.status)).toEqual(['done', 'failed', 'done']);
    expect(variants[1]!.error).toMatchObject({ code: 'host-unreachable', host: 'example.org' });
    expect(comparisonRows(parseComparisonFile(JSON.parse(JSON.stringify(asFile(variants)))))[2]!.forced!.top1Agreement).toBeCloseTo(10 / 12, 12);
  });

  it('cancels at once: what finished is kept, the rest is marked cancelled', async () => {
    const { engine, r } = runner();
    let generations = 0;
    const before = engine.onGenerate;
    engine.onGenerate = () => {
      before();
      // In the second variant's speed runs.
      if (++generations === 5 + 4 + 1 + 2) r.cancel();
    };
    const onProgress = vi.fn();
    const variants = await r.run(setup, onProgress);
    expect(variants.map((v) => v.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(variants[0]!.forced).toHaveLength(2);
    expect(variants[2]!.speed).toEqual([]);
    expect(engine.loads.map((l) => l.modelId)).not.toContain('Toy-q4f16_1-MLC');
  });
});

describe('variants of two engines', () => {
  const onnx = ['Toy-q4f16_1-MLC'];
  const rowsOf = (variants: ComparisonFile['variants']) => comparisonRows(parseComparisonFile(JSON.parse(JSON.stringify(asFile(variants)))));

  it('measures quality across engines when the tokenizers and the prompts agree', async () => {
    const { r } = runner(onnx);
    const variants = await r.run(setup, () => {});
    expect(variants.map((v) => [v.engine, v.vocabulary, v.qualitySkipped])).toEqual([['web-llm', TOY_VOCAB, undefined], ['web-llm', TOY_VOCAB, undefined], ['onnx', TOY_VOCAB, undefined]]);
    expect(rowsOf(variants)[2]!.forced!.top1Agreement).toBeCloseTo(10 / 12, 12);
  });

  it('compares only speed when the other engine’s tokenizer holds other tokens, and says why', async () => {
    const { engine, r } = runner(onnx);
    engine.vocab.set('Toy-q4f16_1-MLC', { size: VOCAB, hash: '00000000000000bb' });
    const variants = await r.run(setup, () => {});
    expect(variants[2]!.qualitySkipped).toMatch(/as many tokens as the reference’s \(8\) but not the same ones/);
    expect(variants[2]!.forced).toEqual([]);
    const rows = rowsOf(variants);
    expect(rows[2]).toMatchObject({ status: 'done', forced: null, qualitySkipped: variants[2]!.qualitySkipped, comparedReplies: 0 });
    expect(rows[2]!.decode?.mean).toBeCloseTo(60, 6);
    // The variant of the same engine is still compared.
    expect(rows[1]!.forced!.top1Agreement).toBe(1);
  });

  it('says so when the vocabularies differ in size, when one cannot be read, and when the chat templates differ', async () => {
    const cases: Array<[(e: ToyEngine) => void, RegExp]> = [
      [(e) => e.vocab.set('Toy-q4f16_1-MLC', { size: 9, hash: '00000000000000aa' }), /has 9 tokens, the reference’s 8/],
      [(e) => e.vocab.set('Toy-q4f16_1-MLC', null), /could not be read/],
      [(e) => e.promptTokens.set('Toy-q4f16_1-MLC', 12), /chat template makes 12 tokens of prompt “a”, the reference’s 10/],
    ];
    for (const [arrange, reason] of cases) {
      const { engine, r } = runner(onnx);
      arrange(engine);
      const variants = await r.run(setup, () => {});
      expect(variants[2]!.qualitySkipped).toMatch(reason);
      expect(variants[1]!.qualitySkipped).toBeUndefined();
    }
    // Within one engine an unreadable tokenizer blocks nothing: one model's builds share their tokenizer files.
    const { engine, r } = runner();
    engine.vocab.set('Toy-q4f16_1-MLC', null);
    expect((await r.run(setup, () => {}))[2]!.qualitySkipped).toBeUndefined();
  });
});

describe('resuming an interrupted comparison', () => {
  it('keeps the variants that finished and runs the others against the kept reference', async () => {
    const first = runner();
    let generations = 0;
    first.engine.onGenerate = () => {
      if (++generations === 5 + 4 + 1 + 2) first.r.cancel();
    };
    const interrupted = await first.r.run(setup, () => {});
    const second = runner();
    const resumed = await second.r.run(setup, () => {}, interrupted);
    // Only the two that did not finish were loaded again.
    expect(second.engine.loads.map((l) => l.modelId)).toEqual(['Toy-q4f32_1-MLC', 'Toy-q4f32_1-MLC', 'Toy-q4f16_1-MLC', 'Toy-q4f16_1-MLC']);
    expect(resumed[0]).toBe(interrupted[0]);
    const rows = comparisonRows(parseComparisonFile(JSON.parse(JSON.stringify(asFile(resumed)))));
    expect(rows.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(rows[2]!.forced!.top1Agreement).toBeCloseTo(10 / 12, 12);
  });
});

describe('a recorded comparison, replayed through the runner', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../public/replays/synthetic-compare.json', import.meta.url), 'utf8'));

  async function replay(file: ComparisonFile) {
    let now = 0;
    const engine = new ComparisonReplayEngine(file, async (ms) => void (now += ms), () => now);
    const host = new EngineHost(engine, { now: () => now, lastUrl: () => undefined,
    answeredSince: () => false, hostsOf: () => [], releaseOrphans: () => {}, newId: () => 'run' });
    // The catalog's figures, as the worker gives them (the fixture holds the same).
    const figures = (id: string) => {
      const v = variantOf(id)?.variant;
      return { downloadMB: v?.downloadMB ?? null, webllmVramMB: v?.vramMB ?? null };
    };
    const runner = new ComparisonRunner(host, { now: () => now, resetPeak: () => {}, peakBytes: () => 0, figures, engineOf: () => 'web-llm' });
    const variants = await runner.run(file.setup, () => {});
    return { variants, elapsedMs: now };
  }

  it('comes out with every figure it was recorded with', async () => {
    const file = parseComparisonFile(fixture);
    const { variants, elapsedMs } = await replay(file);
    const again = parseComparisonFile(JSON.parse(JSON.stringify({ ...file, variants })));
    // The app's own decode figure is measured again on the replay's clock (chunk times kept to 0.01 ms).
    const strip = (rows: ReturnType<typeof comparisonRows>) => rows.map(({ appDecode, ...rest }) => [rest, appDecode?.mean]);
    const [replayed, recorded] = [strip(comparisonRows(again)), strip(comparisonRows(file))];
    expect(replayed.map(([rest]) => rest)).toEqual(recorded.map(([rest]) => rest));
    replayed.forEach(([, app], i) => expect(app).toBeCloseTo(recorded[i]![1] as number, 2));
    // At the recorded pace: the timed loads alone took 4.1 s.
    expect(elapsedMs).toBeGreaterThan(4100);
  });

  it('fails a variant again with its recorded reason', async () => {
    const file = parseComparisonFile(fixture);
    const error = { code: 'host-unreachable' as const, title: 'The model host could not be reached', message: 'm', action: 'retry-load' as const, host: 'huggingface.co' };
    file.variants[2] = { ...file.variants[2]!, status: 'failed', error, speed: [], free: [], forced: [] };
    const { variants } = await replay(file);
    expect(variants[2]).toMatchObject({ status: 'failed', error });
    expect(variants.slice(0, 2).map((v) => v.status)).toEqual(['done', 'done']);
  });
});
