import { readShare, type ExpertSummary } from '../../lib/expert-usage';
import type { Architecture } from '../../lib/architectures';
import { SourceBadge } from '../SourceBadge';

export const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Bytes as the tiny model's (kB, MB) and a big model's (GB) read best. */
export function bytesText(b: number): string {
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(2)} MB`;
  return `${(b / 1e3).toFixed(1)} kB`;
}

/** A finished reply's routing: what each token read, the balance between experts, the counts. */
export function ExpertSummaryView({ summary, arch, bits }: { summary: ExpertSummary; arch: Architecture; bits: number }) {
  const { tokens, layers, experts, perToken, counts, least, most } = summary;
  const share = readShare(arch, summary.meanDistinct, bits)!;
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <div className="expert-summary" data-testid="expert-summary">
      <p data-testid="expert-share">
        Over this reply’s {tokens} tokens each token ran {summary.meanDistinct.toFixed(2)} of {experts} experts per layer:{' '}
        <strong>{pct(share.expertShare)}</strong> of the expert weights, <strong>{pct(share.weightShare)}</strong> of all weights read{' '}
        <SourceBadge source="measured" />
      </p>
      <p data-testid="expert-bytes">
        Weights read per token: <strong>{bytesText(share.bytes.total)}</strong> ({bytesText(share.bytes.rest)} attention, norms and routers,{' '}
        {bytesText(share.bytes.experts)} for the chosen experts, {bytesText(share.bytes.head)} output head) at {bits} bits per weight, against{' '}
        {bytesText(share.denseBytes)} for a dense model of the same size <SourceBadge source="measured" />
      </p>
      {most && least && (
        <p data-testid="expert-balance">
          Balance: even routing would give each expert {pct(perToken / experts)} of the tokens. Most used: layer {most.layer + 1}, expert {most.expert + 1} (
          {pct(most.share)}); least used: layer {least.layer + 1}, expert {least.expert + 1} ({pct(least.share)}).
        </p>
      )}
      <details>
        <summary>
          Tokens per expert ({total} = {tokens} tokens × {layers} layers × {perToken})
        </summary>
        <div className="table-scroll" tabIndex={0} role="group" aria-label="Tokens per expert">
          <table className="expert-counts" data-testid="expert-counts">
            <thead>
              <tr>
                <th scope="col">layer</th>
                {Array.from({ length: experts }, (_, e) => (
                  <th scope="col" key={e}>
                    {e + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: layers }, (_, l) => (
                <tr key={l}>
                  <th scope="row">{l + 1}</th>
                  {counts.slice(l * experts, (l + 1) * experts).map((c, e) => (
                    <td key={e}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
