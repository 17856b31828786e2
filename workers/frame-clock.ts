/**
 * Where the UI's frames fall, so the worker can send each batch of text just
 * before a frame that will paint it, and no more often than about 30 times a
 * second. A batch sent at a random moment waits for the next frame anyway; aimed
 * at a frame, the text is as fresh when painted as with batches twice as frequent,
 * and each batch costs the main thread one message and one frame's work.
 */
import type { FrameReport } from '../src/shared/protocol';

/** How long before a frame starts its batch is sent (the message must be handled first). */
export const LEAD_MS = 4;
/** At most one painted batch per this many ms: 30 a second is smooth for text. */
export const MIN_SPACING_MS = 33;
/** A shorter interval is a bad measurement (no display refreshes 500 times a second): not aimed by. */
const MIN_INTERVAL_MS = 2;

export class FrameClock {
  private frameAt = Number.NaN;
  private interval = 0;
  private lastFrame = Number.NEGATIVE_INFINITY;

  /** Known once the UI has reported a frame and the display's frame interval. */
  get ready(): boolean {
    return Number.isFinite(this.frameAt) && this.interval > 0;
  }

  /** A frame the UI painted a batch in (times are performance.timeOrigin + now(), on both threads). */
  report(r: FrameReport): void {
    if (!(r.intervalMs >= MIN_INTERVAL_MS) || !Number.isFinite(r.frameAt)) return;
    this.frameAt = r.frameAt;
    this.interval = r.intervalMs;
    this.lastFrame = Math.max(this.lastFrame, r.frameAt);
  }

  /** When to send the next batch (same clock as `now`): just before the first frame at least
   * MIN_SPACING_MS after the last one aimed at, and not before now. */
  nextSend(now: number): number {
    const spacing = Math.max(1, Math.floor((MIN_SPACING_MS + 1) / this.interval)) * this.interval;
    const earliest = Math.max(now + LEAD_MS, this.lastFrame + spacing - this.interval / 2);
    const frame = this.frameAt + Math.ceil((earliest - this.frameAt) / this.interval) * this.interval;
    this.lastFrame = frame;
    return frame - LEAD_MS;
  }
}
