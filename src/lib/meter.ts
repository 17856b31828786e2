/**
 * Live speed of a stream, from the worker's timestamps of each batch
 * (milliseconds since the request was sent), so main-thread jank cannot
 * distort it.
 */
export interface MeterReading {
  tokens: number;
  /** Time to first token, ms. */
  ttftMs: number | null;
  /** Tokens per second over the last `windowMs` of the stream. */
  currentTps: number | null;
  /** Tokens per second from the first token to the last: the decode rate. */
  averageTps: number | null;
  elapsedMs: number;
}

export class TokenRateMeter {
  private points: Array<{ t: number; tokens: number }> = [];
  private tokens = 0;
  private firstT: number | null = null;

  constructor(private readonly windowMs = 1000) {}

  /** `count` tokens arrived, the last of them at worker time `t`. */
  push(count: number, t: number): void {
    if (count <= 0) return;
    if (this.firstT === null) {
      this.firstT = t;
      // The first token closes the prefill; decode timing starts from it.
      this.tokens = 1;
      this.points.push({ t, tokens: 1 });
      count -= 1;
      if (count === 0) return;
    }
    this.tokens += count;
    this.points.push({ t, tokens: this.tokens });
    const cutoff = t - this.windowMs * 2;
    while (this.points.length > 2 && this.points[0]!.t < cutoff) this.points.shift();
  }

  read(): MeterReading {
    const last = this.points.at(-1);
    if (!last || this.firstT === null) return { tokens: 0, ttftMs: null, currentTps: null, averageTps: null, elapsedMs: 0 };
    const span = last.t - this.firstT;
    const averageTps = span > 0 ? ((this.tokens - 1) * 1000) / span : null;
    const from = this.points.find((p) => p.t >= last.t - this.windowMs) ?? last;
    const base = from === last ? this.points.at(-2) : from;
    const currentTps = base && last.t > base.t ? ((last.tokens - base.tokens) * 1000) / (last.t - base.t) : averageTps;
    return { tokens: this.tokens, ttftMs: this.firstT, currentTps, averageTps, elapsedMs: last.t };
  }
}
