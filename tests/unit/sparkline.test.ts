import { describe, expect, it } from 'vitest';
import { sparklinePoints } from '../../src/components/metrics/Sparkline';

describe('sparklinePoints', () => {
  it('spreads the values across the width, the largest at the top margin, zero at the bottom one', () => {
    expect(sparklinePoints([0, 50, 100], 200, 40)).toBe('0.0,38.0 100.0,20.0 200.0,2.0');
  });

  it('draws nothing for fewer than two values', () => {
    expect(sparklinePoints([], 240, 40)).toBe('');
    expect(sparklinePoints([7], 240, 40)).toBe('');
  });

  it('keeps an all-zero line on the baseline', () => {
    expect(sparklinePoints([0, 0], 10, 40)).toBe('0.0,38.0 10.0,38.0');
  });
});
