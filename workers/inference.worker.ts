/**
 * The inference worker's single entry: one typed API object exposed through
 * comlink. web-llm is imported here (lazily) and nowhere on the main thread.
 */
import * as Comlink from 'comlink';
import records from 'virtual:qwen-records';
import { makeError } from '../src/lib/errors';
import { parseRunFile } from '../src/lib/runs';
import { packResult } from '../src/lib/run-transfer';
import type { InferenceEngine } from './engine';
import { EngineHost } from './engine-host';
import { adapterSummary, installDeviceTracking, probeGpu, releaseDevicesSince } from './gpu';
import { installNetTracking, lastUrlSince } from './net-tracker';
import { installMemoryCounter, memoryStats, onMemoryChange, resetPeak } from './gpu-memory';
import { probeBandwidth } from './bandwidth-probe';
import { allocateTestBuffers, releaseTestBuffers } from './memory-self-test';
import { FrameClock } from './frame-clock';
import type { BandwidthResult, EngineStatus, FrameReport, GenerateRequest, LoadProgress, Result, StreamUpdate, WorkerEvent } from './protocol';
import { ReplayEngine } from './replay-engine';

let emit: (e: WorkerEvent) => void = () => {};
installNetTracking();
installDeviceTracking((message) => emit({ type: 'device-lost', message }));
installMemoryCounter();

// Memory changes arrive in bursts of thousands while a model loads: send at most 5 a second.
let memoryTimer: ReturnType<typeof setTimeout> | null = null;
onMemoryChange(() => {
  memoryTimer ??= setTimeout(() => {
    memoryTimer = null;
    emit({ type: 'memory', stats: memoryStats() });
  }, 200);
});

/** Placeholder until the first load: creating MLCEngine would pull in web-llm's 6 MB module. */
class NoEngine implements InferenceEngine {
  readonly kind = 'webllm' as const;
  load(): never {
    throw new Error('engine not selected');
  }
  async cancelLoad() {}
  // eslint-disable-next-line require-yield
  async *stream(): AsyncIterable<never> {
    throw new Error('Model not loaded');
  }
  interrupt() {}
  async unload() {}
}

async function createWebLLM(): Promise<InferenceEngine> {
  const { WebLLMEngine } = await import('./webllm-engine');
  return new WebLLMEngine();
}

const hostsOf = (modelId: string) => {
  const r = records.find((x) => x.model_id === modelId);
  return r ? [r.model, r.model_lib].map((u) => new URL(u).host) : [];
};

const host = new EngineHost(new NoEngine(), {
  now: () => performance.now(),
  lastUrl: lastUrlSince,
  hostsOf,
  adapter: adapterSummary,
  releaseOrphans: releaseDevicesSince,
  newId: () => crypto.randomUUID(),
});
let status: EngineStatus = { kind: 'webllm', replayModels: [], synthetic: false };
let webllmReady: Promise<void> | null = null;

function ensureWebLLM(): Promise<void> {
  if (status.kind !== 'webllm') return Promise.resolve();
  webllmReady ??= createWebLLM().then((engine) => host.swapEngine(engine));
  return webllmReady;
}

/** Comlink proxies hold a MessagePort each; release them when a call is over. */
function release(callback: unknown): void {
  const remote = callback as { [Comlink.releaseProxy]?: () => void };
  remote[Comlink.releaseProxy]?.();
}

const api = {
  probeGpu,

  engineStatus(): EngineStatus {
    return status;
  },

  /** Switches to playing back a run file; figures from it are labelled as replayed. */
  async useReplay(data: unknown): Promise<Result<EngineStatus>> {
    let engine: ReplayEngine;
    try {
      engine = new ReplayEngine(parseRunFile(data));
    } catch (err) {
      return { ok: false, error: makeError('replay-invalid', { detail: String(err) }) };
    }
    await host.swapEngine(engine);
    webllmReady = null;
    status = { kind: 'replay', replayModels: engine.models, synthetic: engine.file.synthetic === true };
    return { ok: true, value: status };
  },

  async useWebLLM(): Promise<EngineStatus> {
    if (status.kind !== 'webllm') {
      status = { kind: 'webllm', replayModels: [], synthetic: false };
      webllmReady = null;
    }
    await ensureWebLLM();
    return status;
  },

  async load(modelId: string, onProgress: (p: LoadProgress) => void) {
    try {
      await ensureWebLLM();
      resetPeak();
      return await host.load(modelId, (p) => void onProgress(p));
    } finally {
      release(onProgress);
    }
  },

  cancelLoad: () => host.cancelLoad(),

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

  stop: () => host.stop(),
  unload: () => host.unload(),

  async cacheStatus(modelIds: string[]): Promise<Record<string, boolean>> {
    if (status.kind !== 'webllm') return {};
    // Checking the cache needs web-llm's helpers but no engine: import lazily.
    const { hasModelInCache, prebuiltAppConfig } = await import('@mlc-ai/web-llm');
    const entries = await Promise.all(
      modelIds.map(async (id) => [id, await hasModelInCache(id, prebuiltAppConfig).catch(() => false)] as const),
    );
    return Object.fromEntries(entries);
  },

  async deleteCached(modelId: string): Promise<Result<void>> {
    try {
      if (host.loaded === modelId) await host.unload();
      const { deleteModelAllInfoInCache, prebuiltAppConfig } = await import('@mlc-ai/web-llm');
      await deleteModelAllInfoInCache(modelId, prebuiltAppConfig);
      return { ok: true, value: undefined };
    } catch (err) {
      return { ok: false, error: makeError('unknown', { detail: String(err) }) };
    }
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

  /** Allocates buffers on a device of its own, to check the memory counter against the real adapter. */
  async allocateTestBuffers(bytes: number): Promise<number> {
    return allocateTestBuffers(bytes);
  },

  releaseTestBuffers,
};

export type InferenceApi = typeof api;
Comlink.expose(api);
