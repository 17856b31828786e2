import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const writes: Array<{ messages: unknown[] }> = [];
vi.mock('idb-keyval', () => ({
  get: vi.fn(async () => undefined),
  set: vi.fn(async (_key: string, value: { messages: unknown[] }) => {
    writes.push(value);
  }),
}));

const { getState, setState } = await import('../../src/store/store');
const { flushPersistence, startPersistence } = await import('../../src/store/persistence');

const question = { id: 'q', role: 'user' as const, content: 'Why?' };
const reply = { id: 'r', role: 'assistant' as const, content: 'Because.' };
const streaming = { id: 'r', modelId: 'm', replayed: false };

describe('persistence', () => {
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    writes.length = 0;
    setState({ hydrated: true, messages: [], streaming: null });
    stop = startPersistence();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('saves a change after a short quiet time', () => {
    setState({ messages: [question] });
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(writes.map((w) => w.messages)).toEqual([[question]]);
  });

  it('saves the question with its reply once the reply ends, not while it streams', () => {
    setState({ messages: [question], streaming });
    setState({ draft: 'next question' }); // other state changes while the reply streams
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(0);
    setState({ streaming: null, messages: [...getState().messages, reply] });
    vi.advanceTimersByTime(300);
    expect(writes.map((w) => w.messages)).toEqual([[question, reply]]);
  });

  it('writes what is pending when the page hides, even mid-reply, and nothing otherwise', () => {
    flushPersistence();
    expect(writes).toHaveLength(0);
    setState({ messages: [question], streaming });
    flushPersistence();
    expect(writes.map((w) => w.messages)).toEqual([[question]]);
    flushPersistence();
    expect(writes).toHaveLength(1);
  });
});
