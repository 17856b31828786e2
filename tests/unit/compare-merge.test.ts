import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MergeRefused, mergeComparisons, mergedJson, mergedMarkdown } from '../../src/lib/compare-merge';
import { comparisonRows } from '../../src/lib/compare-metrics';
import { parseComparisonFile } from '../../src/shared/comparison-file';
import type { ComparisonFile } from '../../src/shared/comparison';

const fixture = JSON.parse(readFileSync(new URL('../../public/replays/synthetic-compare.json', import.meta.url), 'utf8'));
/** The fixture as another machine's file: another adapter, every decode figure scaled. */
function machine(vendor: string, speed: number): ComparisonFile {
  const f = parseComparisonFile(structuredClone(fixture));
  f.environment.adapter = { vendor, architecture: 'test', description: '', isFallback: false, shaderF16: false };
  for (const v of f.variants) for (const s of v.speed) s.usage.extra.decode_tokens_per_s *= speed;
  return f;
}

describe('merging comparisons from different machines', () => {
  const a = { name: 'a.json', file: machine('alpha', 1) };
  const b = { name: 'b.json', file: machine('beta', 2) };

  it('one row per variant: quality once, speed per machine as each measured it', () => {
    const m = mergeComparisons([a, b]);
    expect(m.machines).toEqual([expect.stringMatching(/^alpha test, with web-llm/), expect.stringMatching(/^beta test, with web-llm/)]);
    const own = comparisonRows(a.file);
    expect(m.rows.map((r) => r.variant)).toEqual(own.map((r) => r.variant));
    m.rows.forEach((r, i) => {
      expect(r.quality?.forced?.klMean).toBe(own[i]!.forced?.klMean);
      expect(r.speeds[0]!.decode!.mean).toBeCloseTo(own[i]!.decode!.mean, 9);
      expect(r.speeds[1]!.decode!.mean).toBeCloseTo(2 * own[i]!.decode!.mean, 9);
    });
    // Each file's provenance travels with it: the fixture was recorded (measured) and is synthetic.
    expect(m.sources).toEqual([a.file.source, b.file.source]);
    expect(m.synthetic).toBe(true);
    expect(mergeComparisons([a, { name: 'c.json', file: { ...machine('gamma', 1), synthetic: false, source: 'replayed' } }]).sources).toEqual([a.file.source, 'replayed']);
    const md = mergedMarkdown(m);
    expect(md).toContain('decode tok/s, 1: alpha test');
    expect(md).toContain('| q4f16_1 | 75.0 % | 0.190612 | 2.193 | 63.0 ± 2.4 | 126.0 ± 4.9 |');
    expect(mergedJson(m)[2]).toMatchObject({ variant: 'q4f16_1', same_top_p: 0.75, machines: [{ decode_tok_s_mean: 63 }, { decode_tok_s_mean: 126 }] });
  });

  it('refuses, with the reason, files that did not compare the same thing', () => {
    const other = (change: (f: ComparisonFile) => void) => {
      const f = machine('gamma', 1);
      change(f);
      return { name: 'c.json', file: f };
    };
    expect(() => mergeComparisons([a, other((f) => (f.setup.prompts[0]!.text = 'Something else'))])).toThrow(/c\.json has other prompts than a\.json/);
    expect(() => mergeComparisons([a, other((f) => (f.setup.model = 'Qwen3-1.7B'))])).toThrow(/c\.json compares Qwen3-1\.7B, a\.json Qwen3-0\.6B/);
    expect(() => mergeComparisons([a, other((f) => f.setup.variants.reverse())])).toThrow(/reference is .*: their quality figures do not measure the same thing/);
    expect(() => mergeComparisons([a, other((f) => (f.setup.maxTokens = 7))])).toThrow(/ran up to 7 tokens/);
    expect(() => mergeComparisons([a])).toThrow(MergeRefused);
  });

  it('npm run compare -- A B prints the merged table; a mismatch is one line and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    const write = (name: string, f: ComparisonFile) => {
      writeFileSync(join(dir, name), JSON.stringify(f));
      return join(dir, name);
    };
    const [pa, pb] = [write('a.json', a.file), write('b.json', b.file)];
    const out = execFileSync('npx', ['tsx', 'scripts/compare.ts', pa, pb, '--json'], { encoding: 'utf8' });
    expect(out.trim().split('\n').map((l) => JSON.parse(l).machines.length)).toEqual([2, 2, 2]);
    const bad = machine('delta', 1);
    bad.setup.prompts[0]!.text = 'Another prompt';
    const pc = write('c.json', bad);
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync('npx', ['tsx', 'scripts/compare.ts', pa, pc], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      failure = err as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toMatch(/^npm run compare: cannot merge: .*c\.json has other prompts/);
  }, 30_000);
});
