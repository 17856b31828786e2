import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../../src/shared/run-file';
import { makeRunFile, runText, usageFromChunks, type Run } from '../../src/shared/runs';

const fixture = JSON.parse(readFileSync(new URL('../../public/replays/synthetic-chat.json', import.meta.url), 'utf8'));

describe('run files', () => {
  it('parses the synthetic fixture, which says it is synthetic', () => {
    const file = parseRunFile(fixture);
    expect(file.synthetic).toBe(true);
    expect(file.runs.length).toBeGreaterThan(2);
    expect(file.runs.every((r) => r.synthetic)).toBe(true);
  });

  it('round-trips through export and import', () => {
    const runs = parseRunFile(fixture).runs;
    const again = parseRunFile(JSON.parse(JSON.stringify(makeRunFile(runs))));
    expect(again.runs).toEqual(runs);
    expect(runText(again.runs[1] as Run)).toContain('Paris');
  });

  it("reads version 1 files, which spelled a run's source live / replay, as measured / replayed", () => {
    const v1 = structuredClone(fixture);
    v1.version = 1;
    v1.runs[0].source = 'live';
    v1.runs[1].source = 'replay';
    const file = parseRunFile(v1);
    expect(file.version).toBe(2);
    expect(file.runs.slice(0, 2).map((r) => r.source)).toEqual(['measured', 'replayed']);
    v1.runs[2].source = 'guessed';
    expect(() => parseRunFile(v1)).toThrow(/runs\[2\]\.source: should be one of "measured", "replayed"/);
  });

  it('rejects files that are not run exports, saying why', () => {
    expect(() => parseRunFile({ hello: 1 })).toThrow(/format: should be "qwen-webgpu-runs"/);
    expect(() => parseRunFile({ ...fixture, version: 99 })).toThrow(/version/);
    const bad = structuredClone(fixture);
    bad.runs[0].chunks = [{ t: 'soon', text: 1 }];
    expect(() => parseRunFile(bad)).toThrow(/runs\[0\]\.chunks\[0\]\.text: should be text, is number/);
  });
});

describe('usageFromChunks', () => {
  it("computes web-llm's figures from chunk timings", () => {
    const chunks = [0, 1, 2, 3, 4].map((i) => ({ t: 200 + i * 50, text: 'x' }));
    const u = usageFromChunks(chunks, 100);
    expect(u.completion_tokens).toBe(5);
    expect(u.extra.time_to_first_token_s).toBeCloseTo(0.2);
    expect(u.extra.decode_tokens_per_s).toBeCloseTo(20);
    expect(u.extra.prefill_tokens_per_s).toBeCloseTo(500);
    expect(u.extra.e2e_latency_s).toBeCloseTo(0.4);
  });

  it('agrees with the fixture usage within 2 % on decode tokens/s', () => {
    for (const run of parseRunFile(fixture).runs) {
      const u = usageFromChunks(run.chunks, run.usage!.prompt_tokens);
      expect(Math.abs(u.extra.decode_tokens_per_s / run.usage!.extra.decode_tokens_per_s - 1)).toBeLessThan(0.02);
    }
  });

  it('reports zero rates rather than dividing by zero', () => {
    expect(usageFromChunks([], 10).extra.decode_tokens_per_s).toBe(0);
    expect(usageFromChunks([{ t: 5, text: 'a' }], 10).extra.decode_tokens_per_s).toBe(0);
  });
});
