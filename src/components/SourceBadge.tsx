import { memo } from 'react';
import type { Provenance } from '../shared/provenance';

const SOURCE_TITLE: Record<Provenance, string> = {
  measured: 'Measured live on this machine',
  replayed: 'Played back from a recorded run: not a measurement of this machine',
  imported: 'Read from an exported file, as it was recorded elsewhere: not a measurement of this machine',
  'web-llm': "web-llm's own figure",
  estimate: "The app's estimate, from the model's architecture",
  projected: "The app's projection for hardware or a model that is not here: an estimate, never a measurement",
  published: 'Quoted from a publication, cited beside it: not measured or computed by this app',
};

/** Memoised: a figure re-renders when its label changes (a reply starts or ends), its badge only with the source. */
export const SourceBadge = memo(function SourceBadge({ source }: { source: Provenance }) {
  return (
    <span className={`source source-${source}`} title={SOURCE_TITLE[source]} data-source={source}>
      {source}
    </span>
  );
});
