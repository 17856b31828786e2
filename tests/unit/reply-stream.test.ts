// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORT_MS, ReplyStream } from '../../src/actions/reply-stream';
import type { FrameReport, StreamUpdate } from '../../src/shared/protocol';

/** A stream on a fake channel: what it posts back to the worker is recorded. */
function setup(Stream = ReplyStream) {
  const posted: FrameReport[] = [];
  let closed = 0;
  const hooks = { onBatch: vi.fn(), onFrame: vi.fn() };
  const stream = new Stream(hooks, () => ({
    port: {} as MessagePort,
    post: (m: FrameReport) => posted.push(m),
    close: () => void closed++,
  }));
  const batch = (text: string): StreamUpdate => ({ text, t: 0, chunkAt: [0] });
  return { stream, hooks, posted, closed: () => closed, batch };
}

describe('ReplyStream', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('hands the view what arrived once per animation frame, with the reply so far', () => {
    const { stream, hooks, batch } = setup();
    const seen: Array<[string, string]> = [];
    stream.follow((added, whole) => seen.push([added, whole]));
    stream.receive(batch('Hel'));
    stream.receive(batch('lo'));
    expect(hooks.onBatch).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(seen).toEqual([['Hello', 'Hello']]);
    expect(hooks.onFrame).toHaveBeenCalledTimes(1);
    stream.receive(batch(' world'));
    vi.advanceTimersToNextFrame();
    expect(seen.at(-1)).toEqual([' world', 'Hello world']);
  });

  it('gives a view that follows late the text so far first, and stops at unsubscribe', () => {
    const { stream, batch } = setup();
    stream.receive(batch('early'));
    vi.advanceTimersToNextFrame();
    const seen: string[] = [];
    const unfollow = stream.follow((added) => seen.push(added));
    expect(seen).toEqual(['early']);
    unfollow();
    stream.receive(batch(' late'));
    vi.advanceTimersToNextFrame();
    expect(seen).toEqual(['early']);
  });

  it('reports a painted frame to the worker at most every REPORT_MS, once the frame interval is known', async () => {
    // A fresh module: the frame interval is timed once per page, and earlier tests' timers are gone.
    vi.resetModules();
    const fresh = await import('../../src/actions/reply-stream');
    const { stream, posted, batch } = setup(fresh.ReplyStream);
    // The frame interval is timed over 12 animation frames; until then no report is of use.
    for (let i = 0; i < 5; i++) {
      stream.receive(batch('x'));
      vi.advanceTimersToNextFrame();
    }
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(16 * 12);
    for (let i = 0; i < 60; i++) {
      stream.receive(batch('x'));
      vi.advanceTimersToNextFrame();
    }
    expect(posted.length).toBeGreaterThanOrEqual(3);
    expect(posted.length).toBeLessThanOrEqual(Math.ceil((60 * 16) / REPORT_MS));
    expect(posted[0]!.intervalMs).toBeCloseTo(16, 0);
    const gaps = posted.slice(1).map((r, i) => r.frameAt - posted[i]!.frameAt);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(REPORT_MS);
  });

  it('on dispose, shows what is pending, closes the channel, returns the text and keeps none', () => {
    const { stream, batch, closed } = setup();
    const seen: string[] = [];
    stream.follow((added) => seen.push(added));
    stream.receive(batch('all '));
    stream.receive(batch('of it'));
    expect(stream.dispose()).toBe('all of it');
    expect(seen).toEqual(['all of it']);
    expect(closed()).toBe(1);
    stream.receive(batch('after'));
    vi.advanceTimersToNextFrame();
    expect(seen).toEqual(['all of it']);
    expect(stream.dispose()).toBe('');
  });
});
