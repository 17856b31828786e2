/**
 * Local or hosted: the months until a GPU costs less than an API for the same tokens, counting the
 * electricity the GPU draws, and how many tokens a month it can produce at all at its projected speed
 * (published comparisons set both beside the purchase price).
 */

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
}

export function breakEven(i: BreakEvenInput): BreakEven {
  const apiMonthlyUSD = (i.tokensPerMonth / 1e6) * i.apiPricePerMillion;
  const electricityMonthlyUSD = (i.watts / 1000) * i.hoursPerDay * DAYS_PER_MONTH * i.pricePerKWh;
  const savingMonthlyUSD = apiMonthlyUSD - electricityMonthlyUSD;
  const capacityTokensPerMonth = i.tokensPerSecond === null ? null : i.tokensPerSecond * 3600 * i.hoursPerDay * DAYS_PER_MONTH;
  return {
    apiMonthlyUSD,
    electricityMonthlyUSD,
    savingMonthlyUSD,
    months: savingMonthlyUSD > 0 ? i.hardwarePriceUSD / savingMonthlyUSD : null,
    capacityTokensPerMonth,
    overCapacity: capacityTokensPerMonth !== null && i.tokensPerMonth > capacityTokensPerMonth,
  };
}
