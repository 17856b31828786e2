import { REFERENCE_POINTS, checkReference, type ReferencePoint } from '../../lib/reference-points';
import { CONTEXT_TOKENS } from '../../lib/fit';
import { format } from '../../lib/projection';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';

/** The app's arithmetic for the quoted setup, in words: what it needs, whether it fits, how fast. */
function appFigures(p: ReferencePoint): string {
  const c = checkReference(p);
  if (!p.setup || c.needGB === null) return `${c.totalB}B total, ${c.activeB}B active (the model card’s counts, which the projections use)`;
  const f = format(p.setup.formatId);
  const where = `${p.setup.gpus > 1 ? `${p.setup.gpus}× ` : ''}${p.setup.memoryGBEach} GB`;
  const fits = c.fits ? `fits ${where}` : `over ${where}`;
  const speed = c.decode ? `; about ${fmt(c.decode.low, 0)}–${fmt(c.decode.high, 0)} tok/s from the datasheet bandwidth` : '';
  return `needs ${fmt(c.needGB, 0)} GB at ${f.label} with a ${CONTEXT_TOKENS.toLocaleString('en')}-token context: ${fits}${speed}`;
}

/** Where a point's figures come from, short enough for the stage: the sites it cites. */
function sourceHosts(p: ReferencePoint): string {
  return [...new Set(p.sources.map((s) => new URL(s.url).hostname.replace(/^www\./, '')))].join(', ');
}

function Sources({ point }: { point: ReferencePoint }) {
  return (
    <ul className="citations">
      {point.sources.map((s) => (
        <li key={s.url}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Published figures beside the app's own arithmetic for the same setup. Where the two differ (the
 * quoted 30 GB counts 8-bit weights alone; the app adds block scales and a KV cache) both stay visible.
 */
export function ReferencePoints({ stage = false }: { stage?: boolean }) {
  if (stage) {
    return (
      <ul className="stage-references" aria-label="Published reference points" data-testid="stage-references">
        {REFERENCE_POINTS.map((p) => (
          <li key={p.id}>
            {p.headline} <SourceBadge source="published" /> <span className="stage-cite">({sourceHosts(p)})</span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="references" aria-label="Published reference points" data-testid="references">
      <h3>
        Published figures <SourceBadge source="published" /> beside the app’s arithmetic <SourceBadge source="projected" />
      </h3>
      <table className="reference-table" tabIndex={0}>
        <thead>
          <tr>
            <th>published</th>
            <th>the app, same setup</th>
            <th>sources</th>
          </tr>
        </thead>
        <tbody>
          {REFERENCE_POINTS.map((p) => (
            <tr key={p.id} data-testid={`reference-${p.id}`}>
              <td>{p.headline}</td>
              <td>{appFigures(p)}</td>
              <td>
                <Sources point={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
