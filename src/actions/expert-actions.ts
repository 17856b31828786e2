/**
 * The router's choices of the reply streaming now, counted on this thread. Batches carry them with
 * the text; the maps that follow them draw in the frames that paint text (never a frame of their
 * own: on a GPU the CPU emulates, every extra frame is taken from the model). The store gets the
 * counts once, when the reply ends.
 */
import { ExpertTally } from '../lib/expert-usage';
import { getState, setState } from '../store/store';
import type { StreamUpdate } from '../shared/protocol';

export type ExpertView = (tally: ExpertTally) => void;

let tally: ExpertTally | null = null;
let dirty = false;
let drawnAt = Number.NEGATIVE_INFINITY;
/** ms between draws: with the speed figures (4 a second), or once a second on a software adapter,
 * where the GPU is the CPU and each repaint of the map took 8–12 % of the model's speed (bench). */
let drawEveryMs = 0;
const SOFTWARE_ADAPTER_DRAW_MS = 1000;
const views = new Set<ExpertView>();

/** A new reply of `modelId`: counting starts over when its build reports its router's choices. */
export function startExperts(modelId: string | null): void {
  const shape = modelId ? getState().routerShapes[modelId] : null;
  tally = shape ? new ExpertTally(shape) : null;
  dirty = false;
  drawnAt = Number.NEGATIVE_INFINITY;
  drawEveryMs = getState().gpu.report?.isFallback ? SOFTWARE_ADAPTER_DRAW_MS : 0;
  if (getState().expertSummary !== null && shape) setState({ expertSummary: null });
  if (tally) for (const view of views) view(tally);
}

export function routeBatch(u: StreamUpdate): void {
  if (!u.routing || !tally) return;
  tally.add(u.routing);
  dirty = true;
}

/** Called from the animation frame in which the speed figures refresh (about 4 a second): one frame
 * repaints both, rather than two frames one each. */
export function drawExpertsInFrame(force = false): void {
  if (!dirty || !tally) return;
  const now = performance.now();
  if (!force && now - drawnAt < drawEveryMs - 16) return;
  drawnAt = now;
  dirty = false;
  for (const view of views) view(tally);
}

/** The reply ended: the last choices are drawn and the counts go to the store. */
export function finishExperts(modelId: string | null, runId: string | null): void {
  drawExpertsInFrame(true);
  if (!tally || !modelId || tally.tokens === 0) return;
  setState({ expertSummary: { ...tally.summary(), modelId, runId } });
}

/** A map follows the counts from now on (drawn at once when there are some); returns the unfollow. */
export function followExperts(view: ExpertView): () => void {
  views.add(view);
  if (tally) view(tally);
  return () => views.delete(view);
}
