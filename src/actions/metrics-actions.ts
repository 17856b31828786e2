/**
 * Live speed figures. The meter takes every stream batch; the store is
 * refreshed on a fixed tick (5 per second) so the panel stays live without
 * re-rendering anything else, however fast tokens arrive.
 */
import { TokenRateMeter } from '../lib/meter';
import { usageFromChunks, type Run } from '../lib/runs';
import { getState, setState } from '../store/store';
import type { LiveMetrics } from '../store/types';
import type { StreamUpdate } from '../../workers/protocol';

const REFRESH_MS = 200;
const HISTORY = 150;

let meter: TokenRateMeter | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;
let refreshedAt = Number.NEGATIVE_INFINITY;

function refresh(final = false): void {
  const live = getState().live;
  if (!meter || !live) return;
  refreshedAt = performance.now();
  const r = meter.read();
  const history = r.currentTps === null ? live.history : [...live.history, r.currentTps].slice(-HISTORY);
  const next: LiveMetrics = { ...live, ...r, history, streaming: !final };
  setState({ live: next });
}

export function startLiveMetrics(source: LiveMetrics['source'], promptTokensEst: number): void {
  stopTicker();
  meter = new TokenRateMeter();
  setState({
    live: { source, streaming: true, tokens: 0, ttftMs: null, currentTps: null, averageTps: null, history: [], promptTokensEst },
  });
  // The timer covers the time no batch arrives (prefill, a slow model); while text streams,
  // the figures refresh in the frames that paint it (refreshLiveMetricsInFrame).
  ticker = setInterval(refreshIfDue, REFRESH_MS);
}

function refreshIfDue(): void {
  if (performance.now() - refreshedAt >= REFRESH_MS - 1) refresh();
}

/** Called from the animation frame that paints a batch: refreshing the figures there (when due)
 * costs no frame of its own, where a timer's refresh would. */
export function refreshLiveMetricsInFrame(): void {
  if (ticker !== null) refreshIfDue();
}

export function meterStream(u: StreamUpdate): void {
  meter?.push(u.chunks, u.t);
}

function stopTicker(): void {
  if (ticker !== null) clearInterval(ticker);
  ticker = null;
}

/** Ends the live figures and puts the app's and web-llm's figures for the run side by side. */
export function finishLiveMetrics(run: Run | null): void {
  stopTicker();
  refresh(true);
  meter = null;
  if (!run) return;
  const promptTokens = run.usage?.prompt_tokens ?? getState().live?.promptTokensEst ?? 0;
  setState({
    lastReply: {
      runId: run.id,
      source: run.source === 'live' ? 'measured' : 'replayed',
      app: usageFromChunks(run.chunks, promptTokens),
      engine: run.usage,
    },
  });
}
