/**
 * The display's frame interval, measured once from animation-frame timestamps.
 * 0 until known, and in a hidden tab, where animation frames do not run.
 */

/** Frames timed for the estimate: enough for a median that a stray timestamp cannot move. */
const FRAMES = 12;

/**
 * The frame interval from consecutive animation-frame timestamps. Timestamps are coarsened
 * (to 0.1 ms in most pages), a frame can be dropped (a gap of two intervals), and Chrome
 * sometimes stamps a frame off the display's grid (one gap of a fraction of a millisecond,
 * then a long one). The median gap says which gaps are whole single intervals; their mean is
 * precise to a few hundredths of a millisecond, which keeps a worker aiming at frames
 * 250 ms ahead on the grid. 0 when there is no telling.
 */
export function estimateInterval(stamps: readonly number[]): number {
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
  if (gaps.length === 0) return 0;
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
  if (!(median > 0)) return 0;
  const single = gaps.filter((g) => Math.abs(g - median) <= median * 0.2);
  return single.reduce((sum, g) => sum + g, 0) / single.length;
}

let interval: number | null = null;

export function frameInterval(): number {
  if (interval === null) {
    interval = 0;
    const stamps: number[] = [];
    const tick = (t: number) => {
      stamps.push(t);
      if (stamps.length < FRAMES) requestAnimationFrame(tick);
      else interval = estimateInterval(stamps);
    };
    requestAnimationFrame(tick);
  }
  return interval;
}
