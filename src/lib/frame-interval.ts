/**
 * The display's frame interval, measured once from animation-frame timestamps
 * (the shortest of a few gaps, so a dropped frame does not count). 0 until known,
 * and in a hidden tab, where animation frames do not run.
 */
let interval: number | null = null;

export function frameInterval(): number {
  if (interval === null) {
    interval = 0;
    let last = -1;
    let best = Number.POSITIVE_INFINITY;
    let frames = 0;
    const tick = (t: number) => {
      if (last >= 0 && t > last) best = Math.min(best, t - last);
      last = t;
      if (++frames < 6) requestAnimationFrame(tick);
      else interval = Number.isFinite(best) ? best : 0;
    };
    requestAnimationFrame(tick);
  }
  return interval;
}
