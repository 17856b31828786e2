import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamBatcher } from '../../workers/stream-batcher';
import type { StreamUpdate } from '../../workers/protocol';

describe('StreamBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first chunk at once, then at most one batch per interval, losing nothing', () => {
    const sent: StreamUpdate[] = [];
    const b = new StreamBatcher((u) => sent.push(u), 16);
    b.push('a', 1);
    expect(sent).toMatchObject([{ text: 'a', chunks: 1, t: 1 }]);
    for (let i = 0; i < 100; i++) b.push('b', 2 + i);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ text: 'b'.repeat(100), chunks: 100, t: 101 });
    b.push('c', 200);
    b.flush();
    expect(sent.map((u) => u.text).join('')).toBe('a' + 'b'.repeat(100) + 'c');
    expect(sent.reduce((n, u) => n + u.chunks, 0)).toBe(102);
  });

  it('sends nothing when flushed empty', () => {
    const send = vi.fn();
    new StreamBatcher(send).flush();
    expect(send).not.toHaveBeenCalled();
  });
});
