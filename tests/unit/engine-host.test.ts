import { describe, expect, it, vi } from 'vitest';
import { EngineError, type EngineChunk, type InferenceEngine, type StreamOrigin, type TraceResult } from '../../workers/engine';
import { EngineHost, type HostDeps } from '../../workers/engine-host';
import type { LoadProgress } from '../../src/shared/protocol';
import type { RunSettings } from '../../src/shared/runs';

const settings: RunSettings = { temperature: 0.7, top_p: 0.9, max_tokens: 64, thinking: null, systemPrompt: '' };

/** A controllable engine: each load waits until the test resolves or fails it. */
class FakeEngine implements InferenceEngine {
  readonly source = 'measured' as const;
  loads: Array<{ modelId: string; resolve: () => void; reject: (e: unknown) => void; progress: (p: LoadProgress) => void }> = [];
  unloads = 0;
  cancels = 0;
  interrupts = 0;
  chunks: EngineChunk[] = [{ text: 'Hel' }, { text: 'lo' }, { text: '', finishReason: 'stop' }];
  streamError: unknown = null;

  load(modelId: string, onProgress: (p: LoadProgress) => void) {
    return new Promise<{ contextWindow: number }>((resolve, reject) => {
      this.loads.push({ modelId, resolve: () => resolve({ contextWindow: 4096 }), reject, progress: onProgress });
    });
  }
  async cancelLoad() {
    this.cancels++;
  }
  async *stream() {
    if (this.streamError) throw this.streamError;
    for (const c of this.chunks) yield c;
  }
  origin(): StreamOrigin {
    return { source: 'measured', synthetic: false, adapter: { vendor: 'v', architecture: 'a', description: '', isFallback: true, shaderF16: false } };
  }
  interrupt() {
    this.interrupts++;
  }
  async unload() {
    this.unloads++;
  }
  async trace(): Promise<TraceResult> {
    if (this.streamError) throw this.streamError;
    return { text: 'Hi', steps: { sampled: [7], tokenLogprobs: [-0.1], topIds: [[7]], topLogprobs: [[-0.1]], top1: [], refLogprobs: [] } };
  }
  cachedIds = new Set(['A']);
  async cached(ids: string[]) {
    return Object.fromEntries(ids.map((id) => [id, this.cachedIds.has(id)]));
  }
  async deleteCached(id: string) {
    this.cachedIds.delete(id);
  }
}

function setup() {
  const engine = new FakeEngine();
  let clock = 0;
  const deps: HostDeps = {
    now: () => (clock += 10),
    lastUrl: () => 'https://huggingface.co/mlc-ai/x/resolve/main/mlc-chat-config.json',
    answeredSince: () => false,
    hostsOf: () => ['huggingface.co'],
    releaseOrphans: vi.fn(),
    newId: () => 'run-1',
  };
  return { engine, deps, host: new EngineHost(engine, deps) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('EngineHost loading', () => {
  it('loads, forwards progress and reports the context window', async () => {
    const { engine, host } = setup();
    const seen: number[] = [];
    const done = host.load('A', (p) => seen.push(p.progress));
    await tick();
    engine.loads[0]!.progress({ progress: 0.5, timeElapsed: 1, text: 'half' });
    engine.loads[0]!.resolve();
    expect(await done).toEqual({ ok: true, value: { modelId: 'A', contextWindow: 4096, completed: true, modelConfig: null, routing: null } });
    expect(seen).toEqual([0.5]);
    expect(host.loaded).toBe('A');
  });

  it('lets the last choice win when models are switched mid-load', async () => {
    const { engine, deps, host } = setup();
    const first = host.load('A', () => {});
    await tick();
    const second = host.load('B', () => {});
    await tick();
    expect(engine.cancels).toBe(2);
    // A's load finishes anyway (GPU work cannot be aborted): the host unloads it and frees its devices.
    engine.loads[0]!.resolve();
    expect(await first).toMatchObject({ ok: true, value: { completed: false } });
    expect(engine.unloads).toBe(1);
    expect(deps.releaseOrphans).toHaveBeenCalledTimes(1);
    await tick();
    expect(engine.loads[1]!.modelId).toBe('B');
    engine.loads[1]!.resolve();
    expect(await second).toMatchObject({ ok: true, value: { modelId: 'B', completed: true } });
    expect(host.loaded).toBe('B');
  });

  it('cancels a load without reporting an error', async () => {
    const { engine, host } = setup();
    const done = host.load('A', () => {});
    await tick();
    await host.cancelLoad();
    engine.loads[0]!.reject(new DOMException('aborted', 'AbortError'));
    expect(await done).toMatchObject({ ok: true, value: { completed: false } });
    expect(host.loaded).toBeNull();
  });

  it('is settled only once a cancelled load has ended in the engine', async () => {
    const { engine, host } = setup();
    void host.load('A', () => {});
    await tick();
    await host.cancelLoad();
    let settled = false;
    void host.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    engine.loads[0]!.reject(new DOMException('aborted', 'AbortError'));
    await tick();
    expect(settled).toBe(true);
  });

  it('turns a network failure into a host-unreachable error and frees orphaned devices', async () => {
    const { engine, deps, host } = setup();
    const done = host.load('A', () => {});
    await tick();
    engine.loads[0]!.reject(new TypeError('Failed to fetch'));
    const result = await done;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('host-unreachable');
      expect(result.error.host).toBe('huggingface.co');
    }
    expect(deps.releaseOrphans).toHaveBeenCalled();
  });
});

describe('EngineHost generation', () => {
  async function loaded() {
    const s = setup();
    const done = s.host.load('A', () => {});
    await tick();
    s.engine.loads[0]!.resolve();
    await done;
    return s;
  }

  it('streams text and records a live run with timed chunks', async () => {
    const { host } = await loaded();
    const updates: string[] = [];
    const result = await host.generate({ messages: [{ role: 'user', content: 'hi' }], settings }, (u) => updates.push(u.text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toBe('Hello');
    expect(updates.join('')).toBe('Hello');
    const run = result.value.run;
    expect(run).toMatchObject({ modelId: 'A', source: 'measured', synthetic: false, finishReason: 'stop', messageCount: 1, contextWindow: 4096 });
    expect(run.chunks.map((c) => c.text)).toEqual(['Hel', 'lo']);
    expect(run.chunks[1]!.t).toBeGreaterThan(run.chunks[0]!.t);
    expect(run.adapter?.isFallback).toBe(true);
  });

  it('refuses to generate with nothing loaded', async () => {
    const { host } = setup();
    const result = await host.generate({ messages: [], settings }, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'not-loaded' } });
  });

  it('classifies engine errors', async () => {
    const { engine, host } = await loaded();
    engine.streamError = new EngineError('context-exceeded', 'too long');
    expect(await host.generate({ messages: [], settings }, () => {})).toMatchObject({ ok: false, error: { code: 'context-exceeded' } });
    engine.streamError = 'DeviceLostError: lost';
    expect(await host.generate({ messages: [], settings }, () => {})).toMatchObject({ ok: false, error: { code: 'device-lost' } });
  });

  it('traces through the engine, and classifies what it throws', async () => {
    const { engine, host } = await loaded();
    const req = { messages: [], settings };
    expect(await host.trace(req, { kind: 'record', topK: 1 })).toMatchObject({ ok: true, value: { text: 'Hi', steps: { sampled: [7] } } });
    engine.streamError = 'DeviceLostError: lost';
    expect(await host.trace(req, { kind: 'record', topK: 1 })).toMatchObject({ ok: false, error: { code: 'device-lost' } });
    expect(await setup().host.trace(req, { kind: 'record', topK: 1 })).toMatchObject({ ok: false, error: { code: 'not-loaded' } });
  });

  it('deletes a model from the cache through the engine, unloading it first when it is loaded', async () => {
    const { engine, host } = await loaded();
    expect(await host.cached(['A', 'B'])).toEqual({ A: true, B: false });
    expect(await host.deleteCached('A')).toEqual({ ok: true, value: undefined });
    expect(engine.unloads).toBe(1);
    expect(host.loaded).toBeNull();
    expect(await host.cached(['A'])).toEqual({ A: false });
  });

  it('stops through the engine interrupt, keeping the model loaded', async () => {
    const { engine, host } = await loaded();
    const before = engine.interrupts;
    host.stop();
    expect(engine.interrupts).toBe(before + 1);
    expect(engine.unloads).toBe(0);
    expect(host.loaded).toBe('A');
  });
});

describe('EngineHost swapping engines', () => {
  it('lets go of an engine whose unload fails (a lost device), and uses the new one', async () => {
    const { engine, host } = setup();
    engine.unload = () => Promise.reject(new Error('Device is lost'));
    const next = new FakeEngine();
    await host.swapEngine(next);
    const done = host.load('B', () => {});
    await tick();
    expect(next.loads.map((l) => l.modelId)).toEqual(['B']);
    next.loads[0]!.resolve();
    expect((await done).ok).toBe(true);
  });

  it('does not wait more than a few seconds on an unload that never ends', async () => {
    vi.useFakeTimers();
    try {
      const { engine, host } = setup();
      engine.unload = () => new Promise<void>(() => {});
      let swapped = false;
      const swap = host.swapEngine(new FakeEngine()).then(() => (swapped = true));
      await vi.advanceTimersByTimeAsync(4000);
      expect(swapped).toBe(false);
      await vi.advanceTimersByTimeAsync(1500);
      await swap;
      expect(swapped).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
