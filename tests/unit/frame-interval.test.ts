import { describe, expect, it } from 'vitest';
import { estimateInterval } from '../../src/lib/frame-interval';

const at60 = 1000 / 60;
/** Timestamps of `n` frames on a 60 Hz grid, coarsened to 0.1 ms as Chrome does. */
const grid = (n: number, start = 1234.5678) => Array.from({ length: n }, (_, i) => Math.round((start + i * at60) * 10) / 10);

describe('estimateInterval', () => {
  it('finds the interval to a few hundredths of a millisecond despite coarse timestamps', () => {
    expect(estimateInterval(grid(12))).toBeCloseTo(at60, 1);
    expect(Math.abs(estimateInterval(grid(12)) - at60)).toBeLessThan(0.03);
  });

  it('ignores a dropped frame', () => {
    const stamps = grid(13);
    stamps.splice(5, 1);
    expect(Math.abs(estimateInterval(stamps) - at60)).toBeLessThan(0.03);
  });

  it('ignores a frame stamped off the grid (a gap of a fraction of a millisecond)', () => {
    // Seen in headless Chrome: two frames 0.07 ms apart, which the shortest gap took for the interval.
    const stamps = grid(12);
    stamps.splice(3, 0, stamps[2]! + 0.07);
    expect(Math.abs(estimateInterval(stamps) - at60)).toBeLessThan(0.03);
  });

  it('reads faster displays too', () => {
    const stamps = Array.from({ length: 12 }, (_, i) => Math.round(i * (1000 / 144) * 10) / 10);
    expect(Math.abs(estimateInterval(stamps) - 1000 / 144)).toBeLessThan(0.03);
  });

  it('is 0 without two frames', () => {
    expect(estimateInterval([])).toBe(0);
    expect(estimateInterval([5])).toBe(0);
  });
});
