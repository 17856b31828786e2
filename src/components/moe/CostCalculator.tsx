import { useState } from 'react';
import { breakEvenMonths } from '../../lib/projection';

/** Tokens per month × an API's price against a hardware price: months to break even. */
export function CostCalculator({ hardwarePrice }: { hardwarePrice: number | null }) {
  const [tokensM, setTokensM] = useState(50);
  const [price, setPrice] = useState(0.6);
  const [hardware, setHardware] = useState<number | null>(null);
  const cost = hardware ?? hardwarePrice ?? 1500;
  const months = breakEvenMonths(tokensM * 1e6, price, cost);
  return (
    <div className="cost" data-testid="cost">
      <h3>Local or hosted: break-even</h3>
      <label>
        Tokens per month (millions)
        <input type="number" min={0} step={1} value={tokensM} onChange={(e) => setTokensM(Number(e.target.value) || 0)} data-testid="cost-tokens" />
      </label>
      <label>
        API price ($ per million tokens)
        <input type="number" min={0} step={0.05} value={price} onChange={(e) => setPrice(Number(e.target.value) || 0)} data-testid="cost-price" />
      </label>
      <label>
        Hardware price ($)
        <input type="number" min={0} step={50} value={cost} onChange={(e) => setHardware(Number(e.target.value) || 0)} data-testid="cost-hardware" />
      </label>
      <p data-testid="cost-result">
        {months === null
          ? 'With no tokens to pay for, the hardware never pays for itself.'
          : `The API would cost $${((tokensM * price) || 0).toFixed(2)} a month: the hardware pays for itself after ${months.toFixed(1)} months (electricity not counted).`}
      </p>
    </div>
  );
}
