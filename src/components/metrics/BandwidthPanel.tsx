import { runBandwidthProbe } from '../../actions/gpu-probe-actions';
import { variantOf } from '../../catalog-data';
import { architectureOf } from '../../lib/architectures';
import { decodeCeiling } from '../../lib/projection';
import { useStore } from '../../store/store';
import { ErrorNotice } from '../ErrorNotice';
import { Figure, fmt } from './Figure';

export function BandwidthPanel() {
  const probe = useStore((s) => s.bandwidth);
  const modelId = useStore((s) => s.loadedId ?? s.selectedId);
  const contextTokens = useStore((s) => (s.live ? s.live.promptTokensEst + s.live.tokens : 0));
  const found = variantOf(modelId);
  const arch = found ? architectureOf(found.model.name) : null;
  const gbps = probe.result?.gbPerSecond ?? null;
  const ceiling = gbps !== null && arch && found ? decodeCeiling(gbps, arch, found.variant.quant, contextTokens) : null;
  return (
    <section className="panel bandwidth" aria-label="Memory bandwidth" data-testid="bandwidth-panel">
      <h2>Memory bandwidth</h2>
      <p className="muted small">Decoding reads every weight once per token, so memory bandwidth caps the speed.</p>
      <button type="button" onClick={() => void runBandwidthProbe()} disabled={probe.status === 'running'} data-testid="run-probe">
        {probe.status === 'running' ? 'Measuring…' : probe.result ? 'Measure again' : 'Measure bandwidth'}
      </button>
      {probe.error && <ErrorNotice error={probe.error} />}
      {probe.result && (
        <div className="figure-grid">
          <Figure label="Effective bandwidth" value={fmt(gbps, 1)} unit="GB/s" source="measured" testId="bandwidth" />
          <Figure label={`Decode ceiling, ${found?.variant.modelId ?? 'model'}`} value={fmt(ceiling, 0)} unit="tok/s" source="estimate" testId="decode-ceiling" />
        </div>
      )}
      {probe.result && (
        <p className="muted small">
          Median of {probe.result.passes} passes over {Math.round(probe.result.bytesPerPass / 2 ** 20)} MB ({probe.result.timing}); ceiling = bandwidth ÷ bytes
          read per token.
        </p>
      )}
    </section>
  );
}
