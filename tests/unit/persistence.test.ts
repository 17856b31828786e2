import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const writes: Array<{ messages: unknown[] }> = [];
let saved: unknown = undefined;
vi.mock('idb-keyval', () => ({
  get: vi.fn(async () => saved),
  set: vi.fn(async (_key: string, value: { messages: unknown[] }) => {
    writes.push(value);
  }),
}));

import { streamRunFile } from '../fixtures/synthetic-runs';

const { getState, setState } = await import('../../src/store/store');
const { flushPersistence, hydrate, startPersistence } = await import('../../src/store/persistence');

const question = { id: 'q', role: 'user' as const, content: 'Why?' };
const reply = { id: 'r', role: 'assistant' as const, content: 'Because.' };
const streaming = { id: 'r', modelId: 'm', source: 'measured' as const };

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

  it("reads what an earlier version saved: a reply's replayed flag and a run's 'live' / 'replay' source", async () => {
    const [run] = streamRunFile('m', 3, 10).runs;
    saved = {
      messages: [question, { ...reply, replayed: true }, { id: 'r2', role: 'assistant', content: 'Live.' }],
      settings: {},
      runs: [{ ...run, source: 'live' }, { ...run, id: 'x', source: 'replay' }, { id: 'broken' }],
    };
    await hydrate();
    saved = undefined;
    expect(getState().messages).toEqual([question, { ...reply, source: 'replayed' }, { id: 'r2', role: 'assistant', content: 'Live.', source: 'measured' }]);
    expect(getState().runs.map((r) => [r.id, r.source])).toEqual([[run!.id, 'measured'], ['x', 'replayed']]);
  });
});
