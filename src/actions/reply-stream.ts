/**
 * One reply in flight, on the main thread: send() creates it, settling the reply disposes it.
 * It takes the worker's batches of text, hands each to the reply's view in the animation frame
 * that paints it, reports some of those frames back to the worker (which aims its next batches
 * at later frames: see workers/frame-clock.ts), and holds the reply's text, the one copy kept on
 * this thread until the store gets the finished reply.
 *
 * Batches go to the view, not the store: a store update per batch would run every subscriber
 * about 30 times a second for one element's sake.
 */
import { streamChannel, type StreamChannel } from '../bridge/inference-bridge';
import { frameInterval } from '../lib/frame-interval';
import { noteBatchArrived } from '../lib/paint-latency';
import type { FrameReport, StreamUpdate } from '../shared/protocol';

/** Frames keep their phase, so a report this often is enough (not one message per frame). */
export const REPORT_MS = 250;

/** What a reply's view is given in each painted frame: the text that arrived, and the reply so far
 * (the stream's own string, not a copy: a view that needs the whole reads it, and keeps none). */
export type ReplyView = (added: string, whole: string) => void;

export interface ReplyStreamHooks {
  /** Each batch as it arrives (the live figures' meter). */
  onBatch: (u: StreamUpdate) => void;
  /** Each animation frame that painted text (the live figures refresh in those). */
  onFrame: () => void;
}

export class ReplyStream {
  private text = '';
  private pending = '';
  private frame: number | null = null;
  private reportedAt = Number.NEGATIVE_INFINITY;
  private view: ReplyView | null = null;
  private readonly channel: StreamChannel<FrameReport>;
  private open = true;

  constructor(
    private readonly hooks: ReplyStreamHooks,
    openChannel: typeof streamChannel<StreamUpdate, FrameReport> = streamChannel,
  ) {
    this.channel = openChannel((u) => this.receive(u));
  }

  /** The port the worker posts batches on (pass it to generate; it is transferred). */
  get port(): MessagePort {
    return this.channel.port;
  }

  /** Hands the view the text so far, then what each painted frame adds. Returns the unsubscribe. */
  follow(view: ReplyView): () => void {
    this.view = view;
    if (this.text !== '') view(this.text, this.text);
    return () => {
      if (this.view === view) this.view = null;
    };
  }

  /** The text that has arrived so far, painted or not (what a reload must keep). */
  get soFar(): string {
    return this.text + this.pending;
  }

  /** Takes a batch from the worker; it is shown in the next animation frame. */
  receive(u: StreamUpdate): void {
    if (!this.open) return;
    this.hooks.onBatch(u);
    noteBatchArrived(u.chunkAt);
    this.pending += u.text;
    this.frame ??= requestAnimationFrame((t) => this.paint(t));
  }

  /** Ends the stream: what arrived but is not painted yet goes to the view now, the channel closes,
   * and the text so far is returned (the stream keeps none of it). */
  dispose(): string {
    if (this.open) this.paint();
    this.open = false;
    this.view = null;
    this.channel.close();
    const text = this.text;
    this.text = '';
    return text;
  }

  /** `frameTime`: the animation frame's timestamp; none when the stream ends outside a frame. */
  private paint(frameTime?: number): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    const added = this.pending;
    this.pending = '';
    if (added !== '') {
      this.text += added;
      this.view?.(added, this.text);
      this.report(frameTime);
    }
    if (frameTime !== undefined) this.hooks.onFrame();
  }

  private report(frameTime: number | undefined): void {
    const intervalMs = frameInterval(); // timed when the model became ready; 0 (no use to the worker) until then
    if (frameTime === undefined || intervalMs <= 0 || frameTime - this.reportedAt < REPORT_MS) return;
    this.channel.post({ frameAt: performance.timeOrigin + frameTime, intervalMs });
    this.reportedAt = frameTime;
  }
}
