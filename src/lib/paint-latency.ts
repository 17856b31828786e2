/**
 * Worker-to-paint latency of streamed text, for `npm run bench`. Inert unless
 * the page defines `globalThis.__qwenPaintLog` (the benchmark does, before the
 * app starts), so it costs one property check per batch otherwise.
 */
interface PaintLog {
  /** Milliseconds from each chunk reaching the worker's host to the frame that showed it. */
  delays: number[];
}

const log = () => (globalThis as { __qwenPaintLog?: PaintLog }).__qwenPaintLog;
const now = () => performance.timeOrigin + performance.now();
let pending: number[] = [];

export function noteBatchArrived(chunkAt: readonly number[]): void {
  if (log()) pending.push(...chunkAt);
}

// One channel for all reports: the probe should cost the stream it measures as little as it can.
let channel: MessageChannel | null = null;
const inFlight: number[][] = [];

/** Called once the new text is in the DOM, which the app does inside an animation frame callback:
 * a message posted now is delivered once that frame has been painted. */
export function noteCommitted(): void {
  const target = log();
  if (!target || pending.length === 0) return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const painted = now();
      for (const sentAt of inFlight.shift() ?? []) target.delays.push(painted - sentAt);
    };
  }
  inFlight.push(pending);
  pending = [];
  channel.port2.postMessage(null);
}
