import { useState } from 'react';
import { BIG_MODELS } from '../../lib/big-models';
import { CONTEXT_TOKENS, explain, project } from '../../lib/fit';
import { FORMATS, format } from '../../lib/projection';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';
import { CostCalculator } from './CostCalculator';
import { MoeMeasured } from './MoeMeasured';
import { ScatterChart, projectionPoints } from './ScatterChart';
import { HardwarePicker } from './HardwarePicker';
import { useProjectionBasis } from './useProjectionBasis';
import { Panel } from '../Panel';
import { ReferencePoints } from './ReferencePoints';
import { OffloadSection } from './OffloadSection';

/** The point of the app: which big Qwen models fit this hardware, how fast they would decode, and why MoE changes that. */
export function BigModelsSection() {
  const [formatId, setFormatId] = useState('Q4_K_M');
  const [focus, setFocus] = useState('Qwen3-30B-A3B');
  const basis = useProjectionBasis();
  const { memoryGB, hardware: hw } = basis;
  const f = format(formatId);
  const rows = project(f, memoryGB, basis.bandwidth);
  const formatLabel = f.id.startsWith('q4') || f.id === 'Q4_K_M' ? '4-bit' : f.id === 'Q8_0' ? '8-bit' : '16-bit';
  const answer = explain(rows, focus, formatLabel, { memoryGB, hardware: basis.memoryFromDatasheet ? (hw?.name ?? null) : null, who: basis.who });
  const focusDecode = rows.find((r) => r.model.name === focus)?.decode ?? null;
  return (
    <Panel
      name="big-models"
      label="Big Qwen models on this hardware"
      heading={
        <>
          Would a big Qwen run here? <SourceBadge source="projected" />
        </>
      }
      testId="big-models"
    >
      <p className="muted">
        Mixture-of-experts models keep every expert in memory but read only the active ones for each token: they need the memory of a big model
        and decode at about the speed of a small one. These are projections from memory bandwidth, not measurements.
      </p>
      <MoeMeasured />
      <div className="big-controls">
        <HardwarePicker testId="hw-select" />
        <label>
          Format
          <select value={formatId} onChange={(e) => setFormatId(e.target.value)} data-testid="format-select">
            {FORMATS.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Explain
          <select value={focus} onChange={(e) => setFocus(e.target.value)} data-testid="focus-select">
            {BIG_MODELS.filter((m) => m.kind === 'moe').map((m) => (
              <option key={m.name}>{m.name}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="answer" data-testid="moe-answer">
        {answer}
      </p>
      <p className="muted small" data-testid="bandwidth-source">
        {basis.explanation} <SourceBadge source={basis.provenance} /> Memory needed = weights + KV cache at {CONTEXT_TOKENS} tokens + 0.5 GB.
      </p>
      <ScatterChart
        points={projectionPoints(rows, focus)}
        limitX={memoryGB}
        limitLabel={memoryGB ? `${memoryGB} GB` : ''}
      />
      {/* Focusable: on a phone the table scrolls sideways in its own box. */}
      <table className="big-table" data-testid="moe-table" tabIndex={0}>
        <thead>
          <tr>
            <th>model</th>
            <th>total / active (model card)</th>
            <th>needs (estimate)</th>
            <th>fits</th>
            <th>decode tok/s (projected)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.model.name} className={r.model.kind}>
              <td>{r.model.name}</td>
              <td>
                {r.model.published.totalB}B / {r.model.published.activeB}B
              </td>
              <td>{fmt(r.needGB, 1)} GB</td>
              <td>{r.fits === null ? '?' : r.fits ? 'yes' : 'no'}</td>
              <td>{r.decode ? `${fmt(r.decode.low, 0)}–${fmt(r.decode.high, 0)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReferencePoints />
      <OffloadSection />
      <CostCalculator hardware={hw ? { name: hw.name, priceUSD: hw.launchPriceUSD } : null} speed={focusDecode ? { tokensPerSecond: focusDecode.low, model: focus } : null} />
    </Panel>
  );
}
