import { EFFICIENCY } from '../../lib/offload';
import { OFFLOAD_POINTS, expectedFor } from '../../lib/offload-points';
import { HeadRow } from '../HeadRow';

/** The projection beside the published runs it was fitted on and checked against, and what it leaves out. */
export function OffloadChecks() {
  return (
    <details className="offload-checks">
      <summary>How the expected speed is worked out, and how it compares with published runs</summary>
      <p className="muted small">
        Ceiling: bytes read from VRAM per token ÷ GPU bandwidth + bytes of the CPU-side experts ÷ RAM bandwidth. Expected: the GPU at {EFFICIENCY.gpu} of its
        bandwidth, the RAM at {EFFICIENCY.cpu}, and {EFFICIENCY.handoverMs} ms per token for the hand-over between them when the experts are split — fitted on
        the “fit” runs below, checked on the “hold-out” ones. Left out: prompt processing, the CPU’s compute (few cores, or i-quants, read RAM slower),
        the transfer of activations, mixed quantizations.
      </p>
      <table className="big-table" data-testid="offload-points" tabIndex={0} aria-label="Published runs against the projection">
        <HeadRow columns={['run', 'measured', 'expected', 'role']} />
        <tbody>
          {OFFLOAD_POINTS.map((p) => {
            const r = expectedFor(p);
            return (
              <tr key={p.id}>
                <td>
                  {p.model} {p.format.id}, {p.setup}
                  {p.assumed && <span className="muted"> (assumed: {p.assumed})</span>}{' '}
                  <span className="muted">{p.source}</span>
                </td>
                <td>{p.measuredTps} tok/s</td>
                <td>
                  {r.tps.toFixed(1)} tok/s ({r.tps >= p.measuredTps ? '+' : '−'}
                  {Math.abs((r.tps / p.measuredTps - 1) * 100).toFixed(0)} %)
                </td>
                <td>{p.role}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
