import { useEffect, useRef } from 'react';
import { followExperts } from '../../actions/expert-actions';
import { readShare, type ExpertTally } from '../../lib/expert-usage';
import type { Architecture } from '../../lib/architectures';
import { useStore } from '../../store/store';
import { useEstimate } from '../metrics/MemoryPanel';
import { SourceBadge } from '../SourceBadge';
import { CELL_PX, drawExpertMap } from './expert-canvas';
import { ExpertSummaryView, pct } from './ExpertSummaryView';

/** What the config says one token reads: k of E experts per layer. */
function configLine(arch: Architecture, bits: number): string {
  const m = arch.moe!;
  const share = readShare(arch, m.perToken, bits)!;
  return `By its config, each token runs ${m.perToken} of ${m.experts} experts in each of ${arch.layers} layers: ${pct(share.expertShare)} of the expert weights, ${pct(share.weightShare)} of all weights.`;
}

/** The line under the map while a reply streams: the latest token's routing, measured. */
function liveLine(tally: ExpertTally, arch: Architecture, bits: number): string {
  const d = tally.lastDistinct;
  const mean = d.length ? d.reduce((a, b) => a + b, 0) / d.length : 0;
  const share = readShare(arch, mean, bits)!;
  const used = d.every((x) => x === d[0]) ? `${d[0] ?? 0}` : mean.toFixed(2);
  return `Token ${tally.tokens}: it used ${used} of ${tally.shape.experts} experts in each layer — ${pct(share.expertShare)} of the expert weights, ${pct(share.weightShare)} of all weights read.`;
}

/**
 * The experts of a mixture-of-experts model at work: a layers × experts map lit by the router's
 * choices as a reply streams (drawn in the frames that paint its text), the measured share of the
 * weights each token reads beside the config's, and once the reply ends, the counts and balance.
 */
export function ExpertMap({ large = false }: { large?: boolean }) {
  const { found, arch } = useEstimate();
  const modelId = useStore((s) => s.loadedId);
  const shape = useStore((s) => (s.loadedId ? s.routerShapes[s.loadedId] : undefined));
  const replayed = useStore((s) => s.engine.source === 'replayed');
  const summary = useStore((s) => (s.expertSummary && s.expertSummary.modelId === s.loadedId ? s.expertSummary : null));
  const canvas = useRef<HTMLCanvasElement>(null);
  const line = useRef<HTMLSpanElement>(null);
  const bits = found?.variant.quant.bitsPerWeight ?? 16;
  useEffect(() => {
    if (!shape || !arch?.moe) return;
    // The line is this effect's alone (written per frame, never rendered by React).
    if (line.current && !line.current.textContent) line.current.textContent = 'Send a message: each token lights the experts it runs through.';
    return followExperts((tally) => {
      if (canvas.current) drawExpertMap(canvas.current, tally);
      if (line.current && tally.tokens > 0) line.current.textContent = liveLine(tally, arch, bits);
    });
  }, [shape, arch, bits]);
  if (!arch?.moe) return null;
  const config = configLine(arch, bits);
  if (!modelId || shape === undefined) {
    return (
      <p className="muted" data-testid="expert-map-idle">
        Loaded, its {arch.moe.perToken} of {arch.moe.experts} experts per token light up here as it writes.
      </p>
    );
  }
  if (!shape) {
    return (
      <p data-testid="expert-map-none">
        {replayed
          ? 'A replayed reply carries no router choices: which experts run is shown only for a live model whose build reports them.'
          : `This build does not report its router’s choices, so the app cannot show which experts each token runs through.`}{' '}
        <span className="muted">{config}</span>
      </p>
    );
  }
  return (
    <div className={large ? 'expert-map large' : 'expert-map'} data-testid="expert-map">
      <canvas
        ref={canvas}
        width={shape.experts * CELL_PX}
        height={shape.layers * CELL_PX}
        role="img"
        aria-label={`Map of the ${shape.layers} layers (rows) by ${shape.experts} experts (columns): lit where the latest token ran, tinted by how often each ran in the reply`}
        data-testid="expert-canvas"
      />
      <p className="expert-live">
        <span ref={line} data-testid="expert-live" /> <SourceBadge source="measured" />
      </p>
      <p className="muted small expert-axes">
        Rows: {shape.layers} layers · columns: {shape.experts} experts · lit: the latest token · tint: how often in this reply
      </p>
      <p className="muted small">
        {config} <SourceBadge source="estimate" />
      </p>
      {summary && <ExpertSummaryView summary={summary} arch={arch} bits={bits} />}
    </div>
  );
}
