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

  test('Qwen3-30B-A3B at 8-bit on one RTX 5090: the quoted 180 tok/s lies inside the projected range; with its KV cache it needs a little under the card’s 32 GB (of 2^30 bytes, as the card is counted)', () => {
    const p = point('qwen3-30b-5090');
    const c = checkReference(p);
    expect(p.quoted.tokensPerSecond).toBe(180);
    expect(c.haveGB).toBe(32);
    expect(c.needGB!).toBeGreaterThan(30);
    expect(c.needGB!).toBeLessThan(32);
    expect(c.fits).toBe(true);
    expect(c.decode!.low).toBeLessThan(p.quoted.tokensPerSecond!);
    expect(c.decode!.high).toBeGreaterThan(p.quoted.tokensPerSecond!);
  });

  test('Qwen3-235B-A22B at 8-bit fits four 80 GB cards, with no single-GPU speed claimed', () => {
    const p = point('qwen3-235b-a100');
    const c = checkReference(p);
    expect(c.haveGB).toBe(320);
    // The quote's ≈ 235 GB, within 2 %.
    expect(Math.abs(c.needGB! / p.quoted.memoryGB! - 1)).toBeLessThan(0.02);
    expect(c.fits).toBe(true);
    expect(c.decode).toBeNull();
  });
});
