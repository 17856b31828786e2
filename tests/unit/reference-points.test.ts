import { describe, expect, test } from 'vitest';
import { REFERENCE_POINTS, checkReference } from '../../src/lib/reference-points';
import { bigModel } from '../../src/lib/big-models';

const point = (id: string) => REFERENCE_POINTS.find((p) => p.id === id)!;

describe('published reference points', () => {
  test('each names a model the app projects and cites at least one https source', () => {
    for (const p of REFERENCE_POINTS) {
      expect(bigModel(p.model), p.id).not.toBeNull();
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources) expect(new URL(s.url).protocol, s.url).toBe('https:');
    }
  });

  test('quoted parameter counts agree with the model cards the projections use', () => {
    for (const p of REFERENCE_POINTS) {
      const { totalB, activeB } = checkReference(p);
      if (p.quoted.totalB !== undefined) expect(totalB).toBe(p.quoted.totalB);
      if (p.quoted.activeB !== undefined) expect(activeB).toBe(p.quoted.activeB);
    }
  });

  test('Qwen3-30B-A3B at 8-bit on one RTX 5090: the quoted 180 tok/s lies inside the projected range; with its KV cache it needs a little more than 32 GB', () => {
    const p = point('qwen3-30b-5090');
    const c = checkReference(p);
    expect(p.quoted.tokensPerSecond).toBe(180);
    expect(c.haveGB).toBe(32);
    expect(c.needGB!).toBeGreaterThan(32);
    expect(c.needGB!).toBeLessThan(35);
    expect(c.fits).toBe(false);
    expect(c.decode!.low).toBeLessThan(p.quoted.tokensPerSecond!);
    expect(c.decode!.high).toBeGreaterThan(p.quoted.tokensPerSecond!);
  });

  test('Qwen3-235B-A22B at 8-bit fits four 80 GB cards, with no single-GPU speed claimed', () => {
    const p = point('qwen3-235b-a100');
    const c = checkReference(p);
    expect(c.haveGB).toBe(320);
    expect(c.needGB!).toBeGreaterThan(p.quoted.memoryGB!);
    expect(c.fits).toBe(true);
    expect(c.decode).toBeNull();
  });
});
