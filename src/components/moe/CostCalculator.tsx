import { useState } from 'react';
import { PRESS_CASE, USEFUL_LIFE_MONTHS, breakEven } from '../../lib/break-even';

const usd = (n: number) => `$${n.toFixed(2)}`;
const millions = (n: number) => `${(n / 1e6).toFixed(n < 10e6 ? 1 : 0)} M`;

function NumberField({ label, value, step, onChange, testId }: { label: string; value: number; step: number; onChange: (n: number) => void; testId: string }) {
  return (
    <label>
      {label}
      <input type="number" min={0} step={step} value={value} onChange={(e) => onChange(Number(e.target.value) || 0)} data-testid={testId} />
    </label>
  );
}

interface Props {
  /** The launch price of the hardware the projections stand on, and its name; null: this machine (price unknown). */
  hardware: { name: string; priceUSD: number } | null;
  /** The projected decode speed (low end) of the model in focus on this hardware, and its name. */
  speed: { tokensPerSecond: number; model: string } | null;
}

/** Tokens per month × an API's price against a hardware price and its electricity: months to break
 * even, and whether the hardware can decode that many tokens at all. */
export function CostCalculator({ hardware: hw, speed }: Props) {
  const [tokensM, setTokensM] = useState<number>(PRESS_CASE.tokensMillions);
  const [price, setPrice] = useState<number>(PRESS_CASE.apiPricePerMillion);
  const [typedPrice, setTypedPrice] = useState<number | null>(null);
  const [watts, setWatts] = useState<number>(PRESS_CASE.watts);
  const [hours, setHours] = useState<number>(PRESS_CASE.hoursPerDay);
  const [kwh, setKwh] = useState<number>(PRESS_CASE.pricePerKWh);
  const cost = typedPrice ?? hw?.priceUSD ?? 1500;
  const r = breakEven({
    tokensPerMonth: tokensM * 1e6,
    apiPricePerMillion: price,
    hardwarePriceUSD: cost,
    watts,
    hoursPerDay: hours,
    pricePerKWh: kwh,
    tokensPerSecond: speed?.tokensPerSecond ?? null,
  });
  return (
    <div className="cost" data-testid="cost">
      <h3>Local or hosted: break-even</h3>
      <p className="muted small" data-testid="cost-start">
        Starting figures: a premium API&apos;s output price ($15 per million tokens: Claude Sonnet 4.6, anthropic.com/pricing) and a small team&apos;s{' '}
        {PRESS_CASE.tokensMillions} M tokens a month, against {hw ? `the ${hw.name} at its $${hw.priceUSD.toLocaleString('en')} launch price` : 'hardware at $1,500 (enter yours)'}.
        Change any figure.
      </p>
      <NumberField label="Tokens per month (millions)" value={tokensM} step={1} onChange={setTokensM} testId="cost-tokens" />
      <NumberField label="API price ($ per million tokens)" value={price} step={0.05} onChange={setPrice} testId="cost-price" />
      <NumberField label="Hardware price ($)" value={cost} step={50} onChange={setTypedPrice} testId="cost-hardware" />
      <NumberField label="GPU power while generating (W)" value={watts} step={10} onChange={setWatts} testId="cost-watts" />
      <NumberField label="Hours a day generating" value={hours} step={1} onChange={(h) => setHours(Math.min(24, h))} testId="cost-hours" />
      <NumberField label="Electricity ($ per kWh)" value={kwh} step={0.01} onChange={setKwh} testId="cost-kwh" />
      <p data-testid="cost-result">
        The API would cost {usd(r.apiMonthlyUSD)} a month; the GPU's electricity {usd(r.electricityMonthlyUSD)} a month.{' '}
        {r.months === null
          ? 'The hardware never pays for itself: its electricity costs as much as the API or more.'
          : r.outlivesHardware
            ? `The hardware would pay for itself only after ${r.months.toFixed(0)} months (${(r.months / 12).toFixed(0)} years): longer than a GPU is usually kept (${USEFUL_LIFE_MONTHS / 12} years), so at this price and use it does not pay.`
            : `The hardware pays for itself after ${r.months.toFixed(1)} months.`}{' '}
        {Number.isFinite(r.neverPaysAtOrBelowPrice) && `At ${tokensM} M tokens a month, local never pays against an API at $${r.neverPaysAtOrBelowPrice.toFixed(2)} per million tokens or less: the electricity alone costs that.`}
      </p>
      <p data-testid="cost-capacity" className={r.overCapacity ? 'warning' : undefined}>
        {speed && r.capacityTokensPerMonth !== null
          ? `At about ${Math.round(speed.tokensPerSecond)} tok/s (the low end of the projection for ${speed.model}), it decodes about ` +
            `${millions(r.capacityTokensPerMonth)} tokens a month in ${hours} h a day` +
            (r.overCapacity ? `: fewer than the ${millions(tokensM * 1e6)} asked for, so one of it would not keep up.` : '.')
          : 'Its capacity in tokens a month needs a projected speed: measure the bandwidth or pick a GPU.'}
      </p>
    </div>
  );
}
