/**
 * Live speed figures. The meter takes every stream batch; the store is
 * refreshed about 4 times a second, in frames that paint streamed text (a
 * timer covers stalls), so the panel stays live without re-rendering anything
 * else, however fast tokens arrive.
 */
import { TokenRateMeter } from '../lib/meter';
import { usageFromChunks, type Run } from '../shared/runs';
import { getState, setState } from '../store/store';
import type { StreamingFigures } from '../store/types';
import type { StreamUpdate } from '../shared/protocol';

/** 4 refreshes a second read as live; each costs a frame about twice the work of a text-only one. */
export const REFRESH_MS = 250;
/** The timer refreshes only in a stall: no batch frame for REFRESH_MS + this. While batches keep
 * coming, even slowly (a software adapter's 5 tok/s), their frames do it: a frame of its own would
 * cost as much again, and on a GPU the CPU emulates, that is taken from the model's own speed. */
const STALL_MS = 100;
const HISTORY = 150;

let meter: TokenRateMeter | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;
let refreshedAt = Number.NEGATIVE_INFINITY;
let batchFrameAt = Number.NEGATIVE_INFINITY;
/** The latest update of another live figure (GPU memory), held for the next frame that paints text. */
let pending: (() => void) | null = null;

/** While text streams, another live figure's update waits for the next frame that paints text (or
 * a stall's refresh): a frame of its own between two batch frames would cost a whole frame. */
export function inStreamFrame(apply: () => void): void {
  if (ticker === null) apply();
  else pending = apply;
}

function flushPending(): void {
  const apply = pending;
  pending = null;
  apply?.();
}

function refresh(final = false): void {
  const figures = getState().streamingFigures;
  if (!meter || !figures) return;
  refreshedAt = performance.now();
  const r = meter.read();
  const history = r.currentTps === null ? figures.history : [...figures.history, r.currentTps].slice(-HISTORY);
  const next: StreamingFigures = { ...figures, ...r, history, streaming: !final };
  setState({ streamingFigures: next });
}

export function startStreamingFigures(source: StreamingFigures['source'], promptTokensEst: number): void {
  stopTicker();
  meter = new TokenRateMeter();
  setState({
    streamingFigures: { source, streaming: true, tokens: 0, ttftMs: null, currentTps: null, averageTps: null, history: [], promptTokensEst },
  });
  // While text streams, the figures refresh in the frames that paint it (refreshStreamingFiguresInFrame).
  // The timer covers the time no batch arrives (prefill, a stalled model) and stays out of the way
  // otherwise: a refresh of its own, between two batch frames, costs a whole frame more.
  refreshedAt = performance.now();
  batchFrameAt = refreshedAt;
  ticker = setInterval(() => {
    const now = performance.now();
    if (now - refreshedAt >= REFRESH_MS + STALL_MS && now - batchFrameAt >= REFRESH_MS + STALL_MS) {
      flushPending();
      refresh();
    }
  }, STALL_MS);
}

/** Called from the animation frame that paints a batch. Due a little early rather than late, so
 * that the refresh falls in the batch frame nearest REFRESH_MS rather than the one after it.
 * True when the figures refreshed in this frame (other live views refresh with them). */
export function refreshStreamingFiguresInFrame(): boolean {
  if (ticker === null) return false;
  batchFrameAt = performance.now();
  flushPending();
  // The first batch refreshes at once: the time to first token is known.
  if (getState().streamingFigures?.tokens !== 0 && performance.now() - refreshedAt < REFRESH_MS - 16) return false;
  refresh();
  return true;
}

export function meterStream(u: StreamUpdate): void {
  meter?.push(u.chunkAt.length, u.t);
}

function stopTicker(): void {
  if (ticker !== null) clearInterval(ticker);
  ticker = null;
  flushPending();
}

/** Ends the live figures and puts the app's and web-llm's figures for the run side by side. */
export function finishStreamingFigures(run: Run | null): void {
  stopTicker();
  refresh(true);
  meter = null;
  if (!run) return;
  const promptTokens = run.usage?.prompt_tokens ?? getState().streamingFigures?.promptTokensEst ?? 0;
  setState({
    lastReply: {
      runId: run.id,
      source: run.source,
      app: usageFromChunks(run.chunks, promptTokens),
      engine: run.usage,
      engineKind: run.engine ?? 'web-llm',
    },
  });
}
