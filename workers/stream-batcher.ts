import type { FrameClock } from './frame-clock';
import type { StreamUpdate } from '../src/shared/protocol';
import { joinRouting, type RoutingBatch } from '../src/shared/routing';

/**
 * Groups streamed chunks into batches (a live model can emit hundreds of tokens a
 * second; each cross-thread message and each repaint costs). Once the UI has reported
 * its frames, each batch is sent just in time for a frame, about 30 a second (FrameClock);
 * until then, one batch every 24 ms at most. Either way the chunk-to-paint delay stays
 * within 50 ms at p95 (npm run bench). The first chunk goes out at once so
 * time-to-first-token is not delayed.
 */
export class StreamBatcher {
  private text = '';
  private t = 0;
  private chunkAt: number[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sentAny = false;
  private routing: RoutingBatch | null = null;

  constructor(
    private readonly send: (u: StreamUpdate) => void,
    private readonly clock: FrameClock | null = null,
    private readonly intervalMs = 24,
  ) {}

  push(text: string, t: number): void {
    const now = performance.timeOrigin + performance.now();
    this.chunkAt.push(now);
    this.text += text;
    this.t = t;
    if (!this.sentAny) {
      this.flush();
      return;
    }
    if (this.timer !== null) return;
    const delay = this.clock?.ready ? Math.max(0, this.clock.nextSend(now) - now) : this.intervalMs;
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Router choices ride with the batch that holds their tokens' text (or the last one). */
  route(batch: RoutingBatch): void {
    this.routing = joinRouting(this.routing, batch);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.chunkAt.length === 0 && !this.routing) return;
    this.sentAny = true;
    const update: StreamUpdate = { text: this.text, t: this.t, chunkAt: this.chunkAt, ...(this.routing ? { routing: this.routing } : {}) };
    this.text = '';
    this.chunkAt = [];
    this.routing = null;
    this.send(update);
  }
}
