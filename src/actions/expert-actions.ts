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
const views = new Set<ExpertView>();

/** A new reply of `modelId`: counting starts over when its build reports its router's choices. */
export function startExperts(modelId: string | null): void {
  const shape = modelId ? getState().routerShapes[modelId] : null;
  tally = shape ? new ExpertTally(shape) : null;
  dirty = false;
  if (getState().expertSummary !== null && shape) setState({ expertSummary: null });
  if (tally) for (const view of views) view(tally);
}

export function routeBatch(u: StreamUpdate): void {
  if (!u.routing || !tally) return;
  tally.add(u.routing);
  dirty = true;
}

/** Called from the animation frame that paints a batch. */
export function drawExpertsInFrame(): void {
  if (!dirty || !tally) return;
  dirty = false;
  for (const view of views) view(tally);
}

/** The reply ended: the last choices are drawn and the counts go to the store. */
export function finishExperts(modelId: string | null, runId: string | null): void {
  drawExpertsInFrame();
  if (!tally || !modelId || tally.tokens === 0) return;
  setState({ expertSummary: { ...tally.summary(), modelId, runId } });
}

/** A map follows the counts from now on (drawn at once when there are some); returns the unfollow. */
export function followExperts(view: ExpertView): () => void {
  views.add(view);
  if (tally) view(tally);
  return () => views.delete(view);
}
