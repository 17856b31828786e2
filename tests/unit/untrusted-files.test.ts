import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseComparisonFile } from '../../src/shared/comparison-file';
import { parseRunFile } from '../../src/shared/run-file';
import { parseRehearsal } from '../../src/lib/rehearsal';
import { comparisonRows } from '../../src/lib/compare-metrics';
import { InvalidData, problemLine } from '../../src/shared/untrusted';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../public/replays/${name}`, import.meta.url), 'utf8'));
const comparison = () => read('synthetic-compare.json');
const runs = () => read('synthetic-chat.json');

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { v };
  return v;
}

describe('comparison files, read as hostile input', () => {
  it('refuses a missing or non-date exportedAt, naming the file type and the field', () => {
    const missing = comparison();
    delete missing.exportedAt;
    expect(() => parseComparisonFile(missing)).toThrow(InvalidData);
    expect(problemLine(catchOf(() => parseComparisonFile(missing)))).toBe('Not a readable comparison file: exportedAt: should be text, is undefined');
    expect(() => parseComparisonFile({ ...comparison(), exportedAt: 1733443200 })).toThrow(/exportedAt: should be text, is number/);
    expect(() => parseComparisonFile({ ...comparison(), exportedAt: 'yesterday' })).toThrow(/exportedAt: "yesterday" is not a date/);
  });

  it("refuses forced traces the reference has no forced trace of its own for (KL would read nothing)", () => {
    const cut = comparison();
    cut.variants[0].forced = cut.variants[0].forced.slice(0, 1);
    expect(() => parseComparisonFile(cut)).toThrow(/variants\[1\]\.forced\[1\]: forced on "capital", for which the reference has no forced trace of its own/);
  });

  it('refuses an empty top-k step', () => {
    const empty = comparison();
    empty.variants[0].reference[0].topIds[2] = [];
    for (const v of empty.variants) v.forced[0].refLogprobs[2] = [];
    expect(() => parseComparisonFile(empty)).toThrow(/variants\[0\]\.reference\[0\]\.topIds\[2\]: a step with no token/);
  });

  it('refuses negative, infinite-looking and absurd timings and memory', () => {
    const negative = comparison();
    negative.variants[1].speed[0].usage.extra.decode_tokens_per_s = -50;
    expect(() => parseComparisonFile(negative)).toThrow(/variants\[1\]\.speed\[0\]\.usage\.extra\.decode_tokens_per_s: -50 is outside 0…1000000/);
    const huge = comparison();
    huge.variants[2].speed[1].usage.extra.time_to_first_token_s = 1e308;
    expect(() => parseComparisonFile(huge)).toThrow(/time_to_first_token_s: 1e\+308 is outside 0…86400/);
    const load = comparison();
    load.variants[0].load.ms = -1;
    expect(() => parseComparisonFile(load)).toThrow(/variants\[0\]\.load\.ms/);
    const bytes = comparison();
    bytes.variants[0].peakGpuBytes = 1e300;
    expect(() => parseComparisonFile(bytes)).toThrow(/peakGpuBytes/);
  });

  it('refuses token ids that are not whole numbers and log-probabilities above 0', () => {
    const ids = comparison();
    ids.variants[1].free[0].tokens[0] = 1.5;
    expect(() => parseComparisonFile(ids)).toThrow(/variants\[1\]\.free\[0\]\.tokens\[0\]: should be a whole number/);
    const lp = comparison();
    lp.variants[2].forced[1].refLogprobs[0][1] = 3;
    expect(() => parseComparisonFile(lp)).toThrow(/variants\[2\]\.forced\[1\]\.refLogprobs\[0\]\[1\]: should be a log-probability/);
  });

  it('keeps only known fields: a note nested 100,000 levels is refused, an unknown deep field is dropped, and the result exports', () => {
    expect(() => parseComparisonFile({ ...comparison(), note: nested(100_000) })).toThrow(/note: should be text, is object/);
    const extra = { ...comparison(), extra: nested(100_000) };
    extra.variants[1].junk = nested(50_000);
    const parsed = parseComparisonFile(extra);
    expect('extra' in parsed).toBe(false);
    expect('junk' in parsed.variants[1]!).toBe(false);
    expect(() => JSON.stringify(parsed)).not.toThrow();
    expect(comparisonRows(parsed)).toHaveLength(3);
  });

  it('refuses over-long text and too many entries', () => {
    expect(() => parseComparisonFile({ ...comparison(), note: 'x'.repeat(300_000) })).toThrow(/note: is 300000 characters long/);
    const longModel = comparison();
    longModel.setup.model = 'Q'.repeat(10_000);
    expect(() => parseComparisonFile(longModel)).toThrow(/setup\.model: is 10000 characters long/);
    const many = comparison();
    many.setup.variants = Array.from({ length: 40 }, (_, i) => `m${i}`);
    expect(() => parseComparisonFile(many)).toThrow(/setup\.variants: has 40 entries; at most 16/);
  });

  it('still reads the fixture, and what it reads is what the file says', () => {
    const parsed = parseComparisonFile(comparison());
    expect(parsed.variants[0]!.reference).toEqual(comparison().variants[0].reference);
    expect(parsed.variants[1]!.forced).toEqual(comparison().variants[1].forced);
  });
});

describe('run files and rehearsals, read as hostile input', () => {
  it('refuses chunk times that go back, are negative or past a day', () => {
    const back = runs();
    back.runs[0].chunks[5].t = 1;
    expect(() => parseRunFile(back)).toThrow(/runs\[0\]\.chunks\[5\]\.t: 1 is outside/);
    const negative = runs();
    negative.runs[1].chunks[0].t = -50;
    expect(() => parseRunFile(negative)).toThrow(/runs\[1\]\.chunks\[0\]\.t: -50 is outside/);
  });

  it('refuses absurd usage and settings', () => {
    const usage = runs();
    usage.runs[0].usage.extra.decode_tokens_per_s = 1e308;
    expect(() => parseRunFile(usage)).toThrow(/runs\[0\]\.usage\.extra\.decode_tokens_per_s: 1e\+308 is outside/);
    const settings = runs();
    settings.runs[0].settings.temperature = 'hot';
    expect(() => parseRunFile(settings)).toThrow(/runs\[0\]\.settings\.temperature: should be a number, is string/);
  });

  it('refuses a nested note and drops unknown fields', () => {
    expect(() => parseRunFile({ ...runs(), note: nested(100_000) })).toThrow(/note: should be text/);
    const extra = runs();
    extra.runs[0].junk = nested(100_000);
    const parsed = parseRunFile(extra);
    expect('junk' in parsed.runs[0]!).toBe(false);
    expect(() => JSON.stringify(parsed)).not.toThrow();
  });

  it('a damaged saved rehearsal reads as none', () => {
    const file = parseRunFile(runs());
    const good = { recordedAt: '2026-12-01T10:00:00.000Z', modelId: 'Qwen3-0.6B-q4f32_1-MLC', adapter: null, browser: 'Chrome 156', prompts: ['a'], runs: [file.runs[0]] };
    expect(parseRehearsal(good)?.prompts).toEqual(['a']);
    expect(parseRehearsal({ ...good, runs: [{ ...file.runs[0], chunks: 'no' }] })).toBeNull();
    expect(parseRehearsal({ ...good, recordedAt: nested(10) })).toBeNull();
    expect(parseRehearsal('garbage')).toBeNull();
  });
});

function catchOf(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}
