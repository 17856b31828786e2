import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, PRESS_CASE, breakEven } from '../../src/lib/break-even';

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

  it("says when local never pays: an API price the electricity alone matches, or a break-even after the GPU's useful life", () => {
    const r = breakEven({ ...base, watts: 450 });
    // $32.87 of electricity for 50 M tokens: $0.657 per million.
    expect(r.neverPaysAtOrBelowPrice).toBeCloseTo(32.87 / 50, 3);
    expect(breakEven({ ...base, watts: 450, apiPricePerMillion: r.neverPaysAtOrBelowPrice }).months).toBeNull();
    expect(r.outlivesHardware).toBe(false);
    // The starting build's first state: 50 M tokens at $0.60 against 350 W — 338 months, 28 years.
    const slow = breakEven({ ...base, apiPricePerMillion: 0.6, watts: 350, hardwarePriceUSD: 1500 });
    expect(slow.months).toBeGreaterThan(300);
    expect(slow.outlivesHardware).toBe(true);
  });

  it('starts from the press case: an RTX 5090 against a premium API pays back in months, not decades', () => {
    const r = breakEven({
      tokensPerMonth: PRESS_CASE.tokensMillions * 1e6,
      apiPricePerMillion: PRESS_CASE.apiPricePerMillion,
      hardwarePriceUSD: 1999,
      watts: PRESS_CASE.watts,
      hoursPerDay: PRESS_CASE.hoursPerDay,
      pricePerKWh: PRESS_CASE.pricePerKWh,
      tokensPerSecond: null,
    });
    // $300 of API a month less $32.87 of electricity: 1999 / 267.13 = 7.5 months.
    expect(r.months).toBeCloseTo(1999 / (300 - 32.87), 3);
    expect(r.months!).toBeLessThan(12);
  });
});
