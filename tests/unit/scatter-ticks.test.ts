import { describe, expect, it } from 'vitest';
import { logTicks } from '../../src/components/moe/ScatterChart';

describe('log-axis ticks', () => {
  it('are round values in 1-3-10 steps over a wide range', () => {
    expect(logTicks(0.5, 400)).toEqual([1, 3, 10, 30, 100, 300]);
  });

  it('fall back to 1-2-5 steps where the range is short, so an axis never has fewer than two', () => {
    expect(logTicks(15, 60)).toEqual([20, 50]);
    expect(logTicks(0.15, 0.6)).toEqual([0.2, 0.5]);
    expect(logTicks(40, 350).length).toBeGreaterThanOrEqual(3);
  });
});

describe('linear ticks of the comparison chart', () => {
  it('step at 1, 2 or 5 × a power of ten, from 0 to at least the maximum', async () => {
    const { roundTicks } = await import('../../src/components/compare/CompareChart');
    expect(roundTicks(27)).toEqual([0, 10, 20, 30]);
    expect(roundTicks(0.0123)).toEqual([0, 0.005, 0.01, 0.015]);
    expect(roundTicks(180)).toEqual([0, 50, 100, 150, 200]);
    expect(roundTicks(0)).toEqual([0, 1]);
  });
});
