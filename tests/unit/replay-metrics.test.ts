import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../workers/engine-host';
import { ReplayEngine } from '../../workers/engines/replay';
import { TokenRateMeter } from '../../src/lib/meter';
import { parseRunFile } from '../../src/shared/run-file';
import { usageFromChunks } from '../../src/shared/runs';

const file = parseRunFile(JSON.parse(readFileSync(new URL('../../public/replays/synthetic-chat.json', import.meta.url), 'utf8')));
const settings = { temperature: 0.7, top_p: 0.9, max_tokens: 64, thinking: null, systemPrompt: '' };

describe("the app's figures on replayed runs", () => {
  it("agree with the run's own usage within 2 % on decode tokens/s", async () => {
    // A virtual clock shared by the engine and the host: sleeping advances time.
    let now = 0;
    const engine = new ReplayEngine(file, async (ms) => void (now += ms), () => now);
    const host = new EngineHost(engine, {
      now: () => now,
      lastUrl: () => undefined,
    answeredSince: () => false,
      hostsOf: () => [],
      releaseOrphans: () => {},
      newId: () => 'replayed',
    });
    const modelId = 'Qwen3-0.6B-q4f32_1-MLC';
    await host.load(modelId, () => {});
    for (const recorded of file.runs.filter((r) => r.modelId === modelId)) {
      const meter = new TokenRateMeter();
      const result = await host.generate({ messages: [{ role: 'user', content: 'hi' }], settings }, (u) => meter.push(u.chunkAt.length, u.t));
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const target = recorded.usage!.extra.decode_tokens_per_s;
      const app = usageFromChunks(result.value.run.chunks, recorded.usage!.prompt_tokens).extra.decode_tokens_per_s;
      expect(Math.abs(app / target - 1)).toBeLessThan(0.02);
      expect(Math.abs(meter.read().averageTps! / target - 1)).toBeLessThan(0.02);
      expect(result.value.run).toMatchObject({ source: 'replayed', replayOf: recorded.id, synthetic: true });
    }
  });
});
