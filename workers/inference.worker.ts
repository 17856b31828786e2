/**
 * The inference worker's single entry: one typed API object exposed through
 * comlink. The engines (web-llm, ONNX Runtime through transformers.js) are imported here, lazily,
 * and nowhere on the main thread.
 */
import * as Comlink from 'comlink';
import records from 'virtual:qwen-records';
import { makeError } from '../src/shared/errors';
import { parseRunFile } from '../src/shared/run-file';
import { recordHosts } from '../src/lib/catalog';
import { variantOf } from '../src/catalog-data';
import { COMPARISON_FORMAT, COMPARISON_VERSION, type ComparisonFile, type ComparisonProgress, type ComparisonSetup, type VariantResult } from '../src/shared/comparison';
import type { RunEngine } from '../src/shared/runs';
import { ComparisonRunner } from './comparison-runner';
import { parseComparisonFile } from '../src/shared/comparison-file';
import { problemLine } from '../src/shared/untrusted';
import { packResult } from '../src/shared/run-transfer';
import { EngineHost } from './engine-host';
import { EngineSelection, NoEngine } from './engine-selection';
import { adapterSummary, installDeviceTracking, probeGpu, releaseDevicesSince, simulateDeviceLoss } from './gpu';
import { answeredSince, installNetTracking, lastUrlSince } from './net-tracker';
import { installMemoryCounter, memoryStats, onMemoryChange, resetPeak } from './gpu-memory';
import { probeRam } from './ram-probe';
import { probeBandwidth } from './bandwidth-probe';
import { allocateTestBuffers, releaseTestBuffers } from './memory-self-test';
import { FrameClock } from './frame-clock';
import type { BandwidthResult, RamProbeResult, EngineStatus, FrameReport, CustomRecord, GenerateRequest, LoadProgress, Result, StreamUpdate, WorkerEvent } from '../src/shared/protocol';
import { mirrorRecord, parseMirrorUrl } from '../src/lib/mirror';
import { checkUrl } from '../src/lib/custom-model';
import type { ModelSources } from './engines/webllm';
import { LiveEngine } from './engines/live';
import { onnxHosts } from './engines/onnx-files';
import { onnxRecordOf, setCustomOnnxRecords } from '../src/lib/onnx-models';

let emit: (e: WorkerEvent) => void = () => {};
installNetTracking();
installDeviceTracking((message) => emit({ type: 'device-lost', message }));
installMemoryCounter();

// Memory changes arrive in bursts of thousands while a model loads, and with every step while one
// decodes (its KV cache grows): send at most 2 a second. Each is a repaint of the memory panel, and
// on a GPU the CPU emulates every repaint slows the model down.
let memoryTimer: ReturnType<typeof setTimeout> | null = null;
onMemoryChange(() => {
  memoryTimer ??= setTimeout(() => {
    memoryTimer = null;
    emit({ type: 'memory', stats: memoryStats() });
  }, 500);
});

/** Where model files come from: the user's mirror, and the models the user added. Replaced, never
 * mutated, so the engine sees a change by identity. */
let sources: ModelSources = { mirror: null, custom: [] };

const engineOf = (modelId: string): RunEngine => (onnxRecordOf(modelId) ? 'onnx' : 'web-llm');

/** The engine that ran every variant of a comparison (none when they differ: each variant says its
 * own), and web-llm's version when it ran any. */
function comparisonEngine(variants: readonly string[]): { engine?: RunEngine; webllmVersion: string | null } {
  const engines = new Set(variants.map(engineOf));
  const webllmVersion = engines.has('web-llm') ? __WEBLLM_VERSION__ : null;
  return engines.size === 1 ? { engine: [...engines][0]!, webllmVersion } : { webllmVersion };
}

/** A record of the app's catalog or one the user added, with its files where they come from now. */
function recordOf(modelId: string): { model: string; model_lib: string } | null {
  const custom = sources.custom.find((c) => c.model_id === modelId);
  if (custom) return custom;
  const record = records.find((r) => r.model_id === modelId);
  if (!record) return null;
  return sources.mirror ? mirrorRecord(record, sources.mirror) : record;
}

const host = new EngineHost(new NoEngine(), {
  now: () => performance.now(),
  lastUrl: lastUrlSince,
  answeredSince,
  hostsOf: (modelId) => {
    const onnx = onnxRecordOf(modelId);
    if (onnx) return onnxHosts(onnx, sources.mirror);
    const record = recordOf(modelId);
    return record ? recordHosts(record) : [];
  },
  releaseOrphans: releaseDevicesSince,
  newId: () => crypto.randomUUID(),
});
const engines = new EngineSelection(host, async () =>
  new LiveEngine({
    webllm: async () => {
      const { WebLLMEngine } = await import('./engines/webllm');
      return new WebLLMEngine(adapterSummary, () => sources);
    },
    onnx: async () => {
      const { OnnxEngine } = await import('./engines/onnx');
      return new OnnxEngine(adapterSummary, () => sources.mirror, () => memoryStats().liveBytes);
    },
    mirror: () => sources.mirror,
  }),
);

let comparison: ComparisonRunner | null = null;

/** A file to replay comes from the user: read here, and refused with its reason when it does not read. */
async function replayWith<T>(data: unknown, parse: (data: unknown) => T, select: (file: T) => Promise<EngineStatus>, code: 'replay-invalid' | 'comparison-invalid'): Promise<Result<EngineStatus>> {
  let file: T;
  try {
    file = parse(data);
  } catch (err) {
    return { ok: false, error: makeError(code, { detail: problemLine(err) }) };
  }
  return { ok: true, value: await select(file) };
}

/** Comlink proxies hold a MessagePort each; release them when a call is over. */
function release(callback: unknown): void {
  const remote = callback as { [Comlink.releaseProxy]?: () => void };
  remote[Comlink.releaseProxy]?.();
}

const api = {
  probeGpu,

  engineStatus(): EngineStatus {
    return engines.status;
  },

  /** Switches to playing back a run file; figures from it are labelled as replayed. */
  useReplay: (data: unknown) => replayWith(data, parseRunFile, (file) => engines.useReplay(file), 'replay-invalid'),

  /** Switches to playing back a comparison file (run it again with compare); labelled replayed. */
  useComparisonReplay: (data: unknown) => replayWith(data, parseComparisonFile, (file) => engines.useComparisonReplay(file), 'comparison-invalid'),

  useWebLLM: (): Promise<EngineStatus> => engines.useWebLLM(),

  async load(modelId: string, onProgress: (p: LoadProgress) => void) {
    try {
      await engines.ready();
      resetPeak();
      return await host.load(modelId, (p) => void onProgress(p));
    } finally {
      release(onProgress);
    }
  },

  cancelLoad: () => host.cancelLoad(),

  /** Tests only (see src/actions/test-hooks.ts): resolves when no load or reply is left running here. */
  settled: () => host.settled(),

  /** Streams batches of text on `updates` (see streamChannel in the bridge), timed by the frames
   * the UI reports back on it; resolves with the whole reply. The UI closes the channel once this
   * resolves (closing it here could drop the last batch in flight). */
  async generate(req: GenerateRequest, updates: MessagePort) {
    const clock = new FrameClock();
    updates.onmessage = (e: MessageEvent<FrameReport>) => clock.report(e.data);
    try {
      const result = await host.generate(req, (u: StreamUpdate) => updates.postMessage(u), clock);
      return result.ok ? { ok: true as const, value: packResult(result.value) } : result;
    } finally {
      updates.onmessage = null;
    }
  },

  /** Runs a quantization comparison (see ComparisonRunner), posting its progress on `updates`;
   * resolves with the whole comparison, cancelled and failed variants included. `earlier`: the
   * variants of an interrupted run of the same setup, whose finished ones are kept (a resume). */
  async compare(setup: ComparisonSetup, updates: MessagePort, earlier: VariantResult[] = []): Promise<Result<ComparisonFile>> {
    await engines.ready();
    const runner = new ComparisonRunner(host, {
      now: () => performance.now(),
      resetPeak,
      peakBytes: () => memoryStats().peakBytes,
      figures: (id) => {
        const v = variantOf(id)?.variant;
        return { downloadMB: v?.downloadMB ?? null, webllmVramMB: v?.vramMB ?? null };
      },
      engineOf,
    });
    comparison = runner;
    try {
      const variants = await runner.run(setup, (p: ComparisonProgress) => updates.postMessage(p), earlier);
      return {
        ok: true,
        value: {
          format: COMPARISON_FORMAT,
          version: COMPARISON_VERSION,
          exportedAt: new Date().toISOString(),
          source: engines.status.source,
          synthetic: engines.status.synthetic,
          environment: { adapter: adapterSummary(), userAgent: navigator.userAgent, ...comparisonEngine(setup.variants) },
          setup,
          variants,
        },
      };
    } catch (err) {
      return { ok: false, error: makeError('unknown', { title: 'The comparison stopped', detail: String(err) }) };
    } finally {
      if (comparison === runner) comparison = null;
      updates.close();
    }
  },

  cancelComparison(): void {
    comparison?.cancel();
  },

  stop: () => host.stop(),
  unload: () => host.unload(),

  async cacheStatus(modelIds: string[]): Promise<Record<string, boolean>> {
    await engines.ready();
    return host.cached(modelIds);
  },

  async deleteCached(modelId: string): Promise<Result<void>> {
    await engines.ready();
    return host.deleteCached(modelId);
  },

  /** Where model files come from: a mirror's base URL (checked again here), or null for the records' hosts. */
  setMirror(base: string | null): void {
    const parsed = base === null ? null : parseMirrorUrl(base, self.location.protocol);
    sources = { ...sources, mirror: parsed?.ok ? parsed.url : null };
  },

  /** The models the user added (checked on the page when added; their URLs checked again here). */
  setCustomModels(custom: CustomRecord[]): void {
    const http = (url: string) => checkUrl(url, 'URL').ok;
    const fresh = (c: CustomRecord) => !records.some((r) => r.model_id === c.model_id);
    const onnx = custom.flatMap((c) => (c.onnx && c.onnx.model_id === c.model_id && http(c.model) && c.onnx.host !== undefined && http(c.onnx.host) && fresh(c) ? [c.onnx] : []));
    setCustomOnnxRecords(onnx.filter((r) => !r.local));
    sources = { ...sources, custom: custom.filter((c) => !c.onnx && http(c.model) && http(c.model_lib) && fresh(c)) };
  },

  /** The model_config of a cached model's mlc-chat-config.json, for the memory estimate. */
  async cachedModelConfig(modelId: string): Promise<Record<string, unknown> | null> {
    await engines.ready();
    return host.cachedModelConfig(modelId);
  },

  subscribe(listener: (e: WorkerEvent) => void): void {
    emit = (e) => void listener(e);
  },

  memoryStats,

  /** Measures effective memory bandwidth on the adapter (a few seconds at most). */
  async probeBandwidth(): Promise<Result<BandwidthResult>> {
    try {
      return { ok: true, value: await probeBandwidth() };
    } catch (err) {
      return { ok: false, error: makeError('unknown', { title: 'The bandwidth probe failed', detail: String(err) }) };
    }
  },

  /** A lower bound on system RAM bandwidth (one thread copying 64 MiB blocks; under a second). */
  async probeRam(): Promise<Result<RamProbeResult>> {
    try {
      return { ok: true, value: await probeRam() };
    } catch (err) {
      return { ok: false, error: makeError('unknown', { title: 'The RAM probe failed', detail: String(err) }) };
    }
  },

  /** Allocates buffers on a device of its own, to check the memory counter against the real adapter. */
  async allocateTestBuffers(bytes: number): Promise<number> {
    return allocateTestBuffers(bytes);
  },

  releaseTestBuffers,

  /** Tests only (the page exposes it when asked to, see src/actions/test-hooks.ts): a device loss. */
  simulateDeviceLoss,
};

export type InferenceApi = typeof api;
Comlink.expose(api);
