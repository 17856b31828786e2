/**
 * Draws an expert map: one cell per expert (columns) of each layer (rows). A cell lights when the
 * latest token ran through it and fades token by token; under the light, a tint grows with how
 * often the expert ran during the reply. Colours come from the theme's variables.
 */
import type { ExpertTally } from '../../lib/expert-usage';

/** Pixels per cell in the canvas's own resolution (CSS scales it to the column: sharp up to the
 * stage's width for the tiny model's 8 experts). */
export const CELL_PX = 64;
const GAP_PX = 8;

/** The colour behind the canvas (the panel's, or the stage's page): the opaque canvas paints it in its gaps. */
function backdrop(el: Element): string {
  for (let at: Element | null = el.parentElement; at; at = at.parentElement) {
    const bg = getComputedStyle(at).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return getComputedStyle(el).getPropertyValue('--bg').trim() || '#fff';
}

export function drawExpertMap(canvas: HTMLCanvasElement, tally: ExpertTally): void {
  // A canvas in the renderer's memory, not the GPU's: on a machine whose GPU the CPU emulates (and so
  // on any GPU busy with the model), drawing it must not queue work where the model runs.
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) return;
  const { layers, experts } = tally.shape;
  const style = getComputedStyle(canvas);
  const base = style.getPropertyValue('--line').trim() || '#ccc';
  const lit = style.getPropertyValue('--accent').trim() || '#5b3df5';
  let max = 1;
  for (const c of tally.counts) max = Math.max(max, c);
  ctx.globalAlpha = 1;
  ctx.fillStyle = backdrop(canvas);
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let l = 0; l < layers; l++) {
    for (let e = 0; e < experts; e++) {
      const i = l * experts + e;
      const x = e * CELL_PX + GAP_PX / 2;
      const y = l * CELL_PX + GAP_PX / 2;
      const size = CELL_PX - GAP_PX;
      ctx.globalAlpha = 1;
      ctx.fillStyle = base;
      ctx.fillRect(x, y, size, size);
      ctx.globalAlpha = Math.max(tally.heat[i]!, (0.4 * tally.counts[i]!) / max);
      ctx.fillStyle = lit;
      ctx.fillRect(x, y, size, size);
    }
  }
  ctx.globalAlpha = 1;
}
