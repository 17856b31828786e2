/**
 * Local or hosted: the months until a GPU costs less than an API for the same tokens, counting the
 * electricity the GPU draws, and how many tokens a month it can produce at all at its projected speed
 * (published comparisons set both beside the purchase price).
 */

/** Months a GPU is commonly kept before it is replaced: a break-even later than this does not pay in practice. */
export const USEFUL_LIFE_MONTHS = 36;

/**
 * The first state of the calculator: the press's case, Qwen3-30B-A3B on one RTX 5090 ($1,999 launch price),
 * against a premium API's output price (Claude Sonnet 4.6: $15 per million output tokens, anthropic.com/pricing),
 * for a small team's 20 M tokens a month, the card drawing 450 W for 8 h a day at $0.30 per kWh.
 */
export const PRESS_CASE = { tokensMillions: 20, apiPricePerMillion: 15, watts: 450, hoursPerDay: 8, pricePerKWh: 0.3 } as const;

/** Days in an average month (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface BreakEvenInput {
  tokensPerMonth: number;
  apiPricePerMillion: number;
  hardwarePriceUSD: number;
  /** Power the GPU draws while it generates, in watts. */
  watts: number;
  /** Hours a day it generates. */
  hoursPerDay: number;
  pricePerKWh: number;
  /** Decode speed of this hardware for the model (projected), or null when unknown. */
  tokensPerSecond: number | null;
}

export interface BreakEven {
  apiMonthlyUSD: number;
  electricityMonthlyUSD: number;
  /** What running locally saves a month: the API's bill less the electricity. */
  savingMonthlyUSD: number;
  /** Months until the saving has paid for the hardware; null when it never does. */
  months: number | null;
  /** Tokens the hardware can decode in the hours given, at `tokensPerSecond`. */
  capacityTokensPerMonth: number | null;
  /** The tokens asked for are more than the hardware can decode in those hours. */
  overCapacity: boolean;
  /** At or below this API price per million tokens the electricity alone costs as much: local never pays. */
  neverPaysAtOrBelowPrice: number;
  /** The break-even comes after a GPU's usual life (`USEFUL_LIFE_MONTHS`): it does not pay in practice. */
  outlivesHardware: boolean;
}

export function breakEven(i: BreakEvenInput): BreakEven {
  const apiMonthlyUSD = (i.tokensPerMonth / 1e6) * i.apiPricePerMillion;
  const electricityMonthlyUSD = (i.watts / 1000) * i.hoursPerDay * DAYS_PER_MONTH * i.pricePerKWh;
  const savingMonthlyUSD = apiMonthlyUSD - electricityMonthlyUSD;
  const capacityTokensPerMonth = i.tokensPerSecond === null ? null : i.tokensPerSecond * 3600 * i.hoursPerDay * DAYS_PER_MONTH;
  const months = savingMonthlyUSD > 0 ? i.hardwarePriceUSD / savingMonthlyUSD : null;
  return {
    apiMonthlyUSD,
    electricityMonthlyUSD,
    savingMonthlyUSD,
    months,
    capacityTokensPerMonth,
    overCapacity: capacityTokensPerMonth !== null && i.tokensPerMonth > capacityTokensPerMonth,
    neverPaysAtOrBelowPrice: i.tokensPerMonth > 0 ? electricityMonthlyUSD / (i.tokensPerMonth / 1e6) : Infinity,
    outlivesHardware: months !== null && months > USEFUL_LIFE_MONTHS,
  };
}
