import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getState } from '../../src/store/store';
import { REFRESH_MS, finishStreamingFigures, meterStream, refreshStreamingFiguresInFrame, startStreamingFigures } from '../../src/actions/metrics-actions';

/** A batch of `chunks` tokens, the last at worker time `t` (ms since the request). */
const batch = (chunks: number, t: number) => meterStream({ text: 'x'.repeat(chunks), t, chunkAt: Array<number>(chunks).fill(0) });
const tokensShown = () => getState().streamingFigures?.tokens;

describe('live metrics refresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'] });
    startStreamingFigures('replayed', 12);
  });
  afterEach(() => {
    finishStreamingFigures(null);
    vi.useRealTimers();
  });

  it('shows the time to first token in the frame that paints the first batch', () => {
    vi.advanceTimersByTime(40);
    batch(1, 40);
    refreshStreamingFiguresInFrame();
    expect(getState().streamingFigures).toMatchObject({ tokens: 1, ttftMs: 40, streaming: true });
  });

  it('refreshes in the batch frame nearest each refresh period, not in every frame', () => {
    batch(1, 0);
    refreshStreamingFiguresInFrame();
    let t = 0;
    while (tokensShown() === 1 && t < 2000) {
      vi.advanceTimersByTime(33);
      t += 33;
      batch(66, t);
      refreshStreamingFiguresInFrame();
    }
    // The first batch frame at most a frame early: never one after the period, never every frame.
    expect(t).toBeGreaterThanOrEqual(REFRESH_MS - 16);
    expect(t).toBeLessThan(REFRESH_MS + 17);
    expect(tokensShown()).toBe(1 + 66 * (t / 33));
    expect(getState().streamingFigures?.history).toHaveLength(1);
  });

  it('leaves the refreshes to batch frames while text streams', () => {
    batch(1, 0);
    refreshStreamingFiguresInFrame();
    const frames = vi.fn(() => refreshStreamingFiguresInFrame());
    // One second of batches at 30 a second: the timer never finds the figures stale.
    for (let t = 33; t <= 1000; t += 33) {
      vi.advanceTimersByTime(33);
      batch(66, t);
      frames();
    }
    expect(getState().streamingFigures?.history.length).toBe(Math.floor(1000 / (33 * Math.ceil((REFRESH_MS - 16) / 33))));
  });

  it('keeps the figures live from a timer when no batch comes (a stall)', () => {
    batch(1, 0);
    refreshStreamingFiguresInFrame();
    batch(50, 100); // arrived, but no frame painted it yet
    vi.advanceTimersByTime(REFRESH_MS);
    expect(tokensShown()).toBe(1); // a batch frame may still come
    vi.advanceTimersByTime(200);
    expect(tokensShown()).toBe(51);
  });

  it('stops refreshing once the reply is finished, with the final figures', () => {
    batch(1, 0);
    batch(99, 1000);
    finishStreamingFigures(null);
    expect(getState().streamingFigures).toMatchObject({ tokens: 100, streaming: false, averageTps: 99 });
    batch(100, 2000);
    vi.advanceTimersByTime(1000);
    refreshStreamingFiguresInFrame();
    expect(tokensShown()).toBe(100);
  });
});
