import { useState } from 'react';
import { BIG_MODELS } from '../../lib/big-models';
import { CONTEXT_TOKENS, explain, project } from '../../lib/fit';
import { HARDWARE, hardware } from '../../lib/hardware';
import { FORMATS, format, type BandwidthSource } from '../../lib/projection';
import { useStore } from '../../store/store';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';
import { CostCalculator } from './CostCalculator';
import { CustomMoeMeasured } from './CustomMoeMeasured';
import { ScatterChart, projectionPoints } from './ScatterChart';
import { useOwnBandwidth } from './useBandwidthSource';
import { Panel } from '../Panel';
import { ReferencePoints } from './ReferencePoints';

function describeSource(s: BandwidthSource | null): string {
  if (!s) return 'No bandwidth yet: chat with a model (live engine) or measure the bandwidth, or pick a GPU from the list.';
  if (s.kind === 'live-run') return `Bandwidth calibrated from your live run of ${s.modelName}: ${fmt(s.gbPerSecond, 1)} GB/s effective (range ±20 %).`;
  if (s.kind === 'probe') return `Bandwidth from the probe on this GPU: ${fmt(s.gbPerSecond, 1)} GB/s (engines use 50–85 % of it).`;
  return `Bandwidth from the ${s.name} datasheet: ${s.gbPerSecond} GB/s (engines use 50–85 % of it).`;
}

/** The point of the app: which big Qwen models fit this hardware, how fast they would decode, and why MoE changes that. */
export function BigModelsSection() {
  const [target, setTarget] = useState('mine');
  const [formatId, setFormatId] = useState('Q4_K_M');
  const [focus, setFocus] = useState('Qwen3-30B-A3B');
  const own = useOwnBandwidth();
  const ownMemory = useStore((s) => s.prefs.gpuMemoryGB);
  const hw = target === 'mine' ? null : hardware(target);
  const source: BandwidthSource | null = hw ? { kind: 'table', gbPerSecond: hw.bandwidthGBs, name: hw.name } : own;
  const memoryGB = hw ? hw.memoryGB : ownMemory;
  const f = format(formatId);
  const rows = project(f, memoryGB, source);
  const formatLabel = f.id.startsWith('q4') || f.id === 'Q4_K_M' ? '4-bit' : f.id === 'Q8_0' ? '8-bit' : '16-bit';
  const answer = explain(rows, focus, formatLabel, { memoryGB, hardware: hw?.name ?? null });
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
      <CustomMoeMeasured />
      <div className="big-controls">
        <label>
          Hardware
          <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="hw-select">
            <option value="mine">Your GPU{ownMemory ? ` (${ownMemory} GB)` : ''}</option>
            {HARDWARE.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name} · {h.memoryGB} GB · {h.bandwidthGBs} GB/s
              </option>
            ))}
          </select>
        </label>
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
        {describeSource(source)} Memory needed = weights + KV cache at {CONTEXT_TOKENS} tokens + 0.5 GB.
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
      <CostCalculator hardwarePrice={hw?.launchPriceUSD ?? null} speed={focusDecode ? { tokensPerSecond: focusDecode.low, model: focus } : null} />
    </Panel>
  );
}
