import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameClock, LEAD_MS } from '../../workers/frame-clock';
import { StreamBatcher } from '../../workers/stream-batcher';
import type { StreamUpdate } from '../../src/shared/protocol';

describe('FrameClock', () => {
  const interval = 1000 / 60;

  it('is not ready before a frame report with a known interval', () => {
    const c = new FrameClock();
    expect(c.ready).toBe(false);
    c.report({ frameAt: 1000, intervalMs: 0 });
    expect(c.ready).toBe(false);
    c.report({ frameAt: 1000, intervalMs: 0.07 }); // a bad measurement: no display is that fast
    expect(c.ready).toBe(false);
    c.report({ frameAt: 1000, intervalMs: interval });
    expect(c.ready).toBe(true);
  });

  it('aims at frames on the reported grid, two frames apart, never in the past', () => {
    const c = new FrameClock();
    c.report({ frameAt: 1000, intervalMs: interval });
    expect(c.nextSend(1001)).toBeCloseTo(1000 + 2 * interval - LEAD_MS);
    expect(c.nextSend(1010)).toBeCloseTo(1000 + 4 * interval - LEAD_MS);
    // A chunk long after the last frame aimed at goes with the next frame it can still make.
    expect(c.nextSend(1100)).toBeCloseTo(1000 + 7 * interval - LEAD_MS);
    // A frame the UI reports later than the one aimed at (a missed frame) pushes the next one back.
    c.report({ frameAt: 1000 + 8 * interval, intervalMs: interval });
    expect(c.nextSend(1000 + 8 * interval + 1)).toBeCloseTo(1000 + 10 * interval - LEAD_MS);
  });

  it('keeps about 30 batches a second on faster displays', () => {
    const c = new FrameClock();
    c.report({ frameAt: 0, intervalMs: 1000 / 120 });
    expect(c.nextSend(1)).toBeCloseTo(4 * (1000 / 120) - LEAD_MS);
  });
});

describe('StreamBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first chunk at once, then at most one batch per interval, losing nothing', () => {
    const sent: StreamUpdate[] = [];
    const b = new StreamBatcher((u) => sent.push(u), null, 16);
    b.push('a', 1);
    expect(sent).toMatchObject([{ text: 'a', t: 1 }]);
    expect(sent[0]!.chunkAt).toHaveLength(1);
    for (let i = 0; i < 100; i++) b.push('b', 2 + i);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ text: 'b'.repeat(100), t: 101 });
    expect(sent[1]!.chunkAt).toHaveLength(100);
    b.push('c', 200);
    b.flush();
    expect(sent.map((u) => u.text).join('')).toBe('a' + 'b'.repeat(100) + 'c');
    expect(sent.reduce((n, u) => n + u.chunkAt.length, 0)).toBe(102);
    // Each chunk carries the time it reached the batcher: the start of its trip to the screen.
    const t0 = performance.timeOrigin;
    expect(sent[1]!.chunkAt.every((at) => at >= t0 && at <= sent[2]!.chunkAt[0]!)).toBe(true);
  });

  it('once the UI reports its frames, sends each batch just before a frame, about 30 a second', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const now = () => performance.timeOrigin + performance.now();
    const clock = new FrameClock();
    const sent: Array<{ at: number; u: StreamUpdate }> = [];
    const b = new StreamBatcher((u) => sent.push({ at: now(), u }), clock);
    b.push('x', 0);
    const frame0 = now() + 5; // the UI paints the first batch in the frame starting 5 ms later
    clock.report({ frameAt: frame0, intervalMs: 1000 / 60 });
    const pushedAt: number[] = [];
    for (let i = 0; i < 400; i++) {
      vi.advanceTimersByTime(0.5);
      pushedAt.push(now());
      b.push('y', i);
    }
    b.flush();
    expect(sent.map((s) => s.u.text).join('')).toBe('x' + 'y'.repeat(400));
    const timed = sent.slice(1, -1); // between the first chunk and the final flush
    expect(timed.length).toBeGreaterThanOrEqual(5);
    for (const s of timed) {
      // Sent LEAD_MS before a frame boundary of the reported clock (timers keep whole milliseconds)…
      const frames = (s.at + LEAD_MS - frame0) / (1000 / 60);
      expect(Math.abs(frames - Math.round(frames)) * (1000 / 60)).toBeLessThan(1.5);
    }
    // …no two of them less than two frames apart, and no chunk waiting longer than that.
    for (let i = 1; i < timed.length; i++) expect(timed[i]!.at - timed[i - 1]!.at).toBeGreaterThan(32);
    let chunk = 0;
    for (const s of sent.slice(1)) {
      for (let k = 0; k < s.u.chunkAt.length; k++, chunk++) if (chunk < 400) expect(s.at - pushedAt[chunk]!).toBeLessThan(35);
    }
  });

  it('sends nothing when flushed empty', () => {
    const send = vi.fn();
    new StreamBatcher(send).flush();
    expect(send).not.toHaveBeenCalled();
  });
});
