import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, breakEven } from '../../src/lib/break-even';

const base = { tokensPerMonth: 50e6, apiPricePerMillion: 2, hardwarePriceUSD: 1600, watts: 0, hoursPerDay: 8, pricePerKWh: 0.3, tokensPerSecond: null };

describe('break-even of local hardware against an API', () => {
  it('without electricity: the hardware price over the monthly API bill', () => {
    const r = breakEven(base);
    expect(r.apiMonthlyUSD).toBe(100);
    expect(r.months).toBeCloseTo(16, 9);
    expect(breakEven({ ...base, tokensPerMonth: 0 }).months).toBeNull();
  });

  it('counts electricity: watts × hours a day × days a month × price per kWh, out of the saving', () => {
    // 450 W for 8 h a day at $0.30/kWh: 3.6 kWh a day, 109.6 kWh a month, $32.87.
    const r = breakEven({ ...base, watts: 450 });
    expect(r.electricityMonthlyUSD).toBeCloseTo(0.45 * 8 * DAYS_PER_MONTH * 0.3, 9);
    expect(r.electricityMonthlyUSD).toBeCloseTo(32.87, 2);
    expect(r.savingMonthlyUSD).toBeCloseTo(100 - 32.87, 2);
    expect(r.months).toBeCloseTo(1600 / (100 - 32.87), 2);
    // Power that costs more than the API bill never pays back.
    expect(breakEven({ ...base, watts: 2000, hoursPerDay: 24 }).months).toBeNull();
  });

  it("gives the hardware's monthly capacity at its decode speed, and says when the tokens asked for exceed it", () => {
    // 180 tok/s for 8 h a day: 180 × 3600 × 8 × 30.44 ≈ 157.8 M tokens a month.
    const r = breakEven({ ...base, tokensPerSecond: 180 });
    expect(r.capacityTokensPerMonth! / 1e6).toBeCloseTo(157.8, 1);
    expect(r.overCapacity).toBe(false);
    expect(breakEven({ ...base, tokensPerSecond: 180, tokensPerMonth: 200e6 }).overCapacity).toBe(true);
  });
});
