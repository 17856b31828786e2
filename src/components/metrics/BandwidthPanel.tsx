import { useCallback } from 'react';
import { runBandwidthProbe } from '../../actions/gpu-memory-actions';
import { variantOf } from '../../catalog-data';
import { architectureOf } from '../../lib/architectures';
import { decodeCeiling } from '../../lib/projection';
import { useStore } from '../../store/store';
import type { AppState } from '../../store/types';
import { ErrorNotice } from '../ErrorNotice';
import type { Architecture } from '../../lib/architectures';
import type { QuantInfo } from '../../lib/quant';
import { contextTokensOf } from './context-tokens';
import { LiveText } from './LiveText';
import { Figure, fmt } from './Figure';
import { Panel } from '../Panel';

/** Depends on the live context, which it follows as text (LiveText). */
function Ceiling({ gbps, arch, quant, label }: { gbps: number; arch: Architecture; quant: QuantInfo; label: string }) {
  const read = useCallback((s: AppState) => fmt(decodeCeiling(gbps, arch, quant, contextTokensOf(s)), 0), [gbps, arch, quant]);
  return <Figure label={`Decode ceiling, ${label}`} value={<LiveText read={read} />} unit="tok/s" source="estimate" testId="decode-ceiling" />;
}

export function BandwidthPanel() {
  const probe = useStore((s) => s.bandwidth);
  const modelId = useStore((s) => s.loadedId ?? s.selectedId);
  const found = variantOf(modelId);
  const arch = found ? architectureOf(found.model.name) : null;
  const gbps = probe.result?.gbPerSecond ?? null;
  return (
    <Panel name="bandwidth" label="Memory bandwidth" heading="Memory bandwidth" testId="bandwidth-panel">
      <p className="muted small">Decoding reads every weight once per token, so memory bandwidth caps the speed.</p>
      <button type="button" onClick={() => void runBandwidthProbe()} disabled={probe.status === 'running'} data-testid="run-probe">
        {probe.status === 'running' ? 'Measuring…' : probe.result ? 'Measure again' : 'Measure bandwidth'}
      </button>
      {probe.error && <ErrorNotice error={probe.error} />}
      {probe.result && (
        <div className="figure-grid">
          <Figure label="Effective bandwidth" value={fmt(gbps, 1)} unit="GB/s" source="measured" testId="bandwidth" />
          {arch && found && gbps !== null ? (
            <Ceiling gbps={gbps} arch={arch} quant={found.variant.quant} label={found.variant.modelId} />
          ) : (
            <Figure label="Decode ceiling" value="–" unit="tok/s" source="estimate" testId="decode-ceiling" />
          )}
        </div>
      )}
      {probe.result && (
        <p className="muted small">
          Median of {probe.result.passes} passes over {Math.round(probe.result.bytesPerPass / 2 ** 20)} MB ({probe.result.timing}); ceiling = bandwidth ÷ bytes
          read per token.
        </p>
      )}
    </Panel>
  );
}
