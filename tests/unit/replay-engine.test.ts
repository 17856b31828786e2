import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReplayEngine } from '../../workers/engines/replay';
import { EngineError, type EngineChunk } from '../../workers/engine';
import { parseRunFile } from '../../src/shared/run-file';
import { runText } from '../../src/shared/runs';

const file = parseRunFile(JSON.parse(readFileSync(new URL('../../public/replays/synthetic-chat.json', import.meta.url), 'utf8')));

/** A virtual clock: sleeping advances time instantly, so pacing is checked without waiting. */
function virtualEngine() {
  let now = 0;
  const sleeps: number[] = [];
  const engine = new ReplayEngine(
    file,
    async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    () => now,
  );
  return { engine, sleeps, clock: () => now };
}

async function collect(stream: AsyncIterable<EngineChunk>, onChunk?: (i: number) => void) {
  const out: EngineChunk[] = [];
  for await (const c of stream) {
    out.push(c);
    onChunk?.(out.length);
  }
  return out;
}

describe('ReplayEngine', () => {
  it('plays load progress at the recorded pace', async () => {
    const { engine, clock } = virtualEngine();
    const progress: number[] = [];
    await engine.load('Qwen3-0.6B-q4f32_1-MLC', (p) => progress.push(p.progress));
    expect(progress.at(-1)).toBe(1);
    expect(clock()).toBe(file.runs[0]!.load.at(-1)!.t);
  });

  it('refuses models the file has no run for', async () => {
    const { engine } = virtualEngine();
    await expect(engine.load('Qwen2-7B-Instruct-q4f16_1-MLC', () => {})).rejects.toBeInstanceOf(EngineError);
  });

  it('plays chunks at their recorded times, then the recorded usage', async () => {
    const { engine, clock } = virtualEngine();
    await engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    const start = clock();
    const chunks = await collect(engine.stream('Qwen3-0.6B-q4f32_1-MLC', [{ role: 'user', content: 'hi' }]));
    const run = file.runs[0]!;
    expect(chunks.map((c) => c.text).join('')).toBe(runText(run));
    expect(clock() - start).toBeCloseTo(run.chunks.at(-1)!.t, 5);
    expect(chunks.at(-1)).toMatchObject({ finishReason: 'stop', usage: run.usage });
  });

  it('stops on interrupt and reports usage for what was played', async () => {
    const { engine } = virtualEngine();
    await engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    const chunks = await collect(engine.stream('Qwen3-0.6B-q4f32_1-MLC', [{ role: 'user', content: 'hi' }]), (n) => {
      if (n === 10) engine.interrupt();
    });
    const last = chunks.at(-1)!;
    expect(last.finishReason).toBe('abort');
    expect(last.usage?.completion_tokens).toBe(10);
  });

  it('plays the next recorded run on the next request', async () => {
    const { engine } = virtualEngine();
    await engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    await collect(engine.stream('Qwen3-0.6B-q4f32_1-MLC', []));
    const second = await collect(engine.stream('Qwen3-0.6B-q4f32_1-MLC', []));
    expect(second.map((c) => c.text).join('')).toBe(runText(file.runs[1]!));
    expect(engine.origin()).toEqual({ source: 'replayed', synthetic: true, replayOf: file.runs[1]!.id, adapter: file.runs[1]!.adapter });
  });

  it('rejects prompts longer than the recorded context window', async () => {
    const { engine } = virtualEngine();
    await engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    const huge = [{ role: 'user' as const, content: 'x'.repeat(4 * 5000) }];
    await expect(collect(engine.stream('Qwen3-0.6B-q4f32_1-MLC', huge))).rejects.toMatchObject({ code: 'context-exceeded' });
  });

  it('can be cancelled mid-load', async () => {
    const engine = new ReplayEngine(file);
    const loading = engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    await engine.cancelLoad();
    await loading;
    await expect(collect(engine.stream('Qwen3-0.6B-q4f32_1-MLC', []))).rejects.toMatchObject({ code: 'not-loaded' });
  });
});
