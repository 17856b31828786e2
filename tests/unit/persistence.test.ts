import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** IndexedDB as idb-keyval shows it: a map, and the writes in order. */
const db = new Map<string, unknown>();
const writes: Array<[string, unknown]> = [];
vi.mock('idb-keyval', () => ({
  get: vi.fn(async (key: string) => db.get(key)),
  set: vi.fn(async (key: string, value: unknown) => {
    writes.push([key, value]);
    db.set(key, value);
  }),
  del: vi.fn(async (key: string) => {
    db.delete(key);
  }),
}));

import { streamRunFile } from '../fixtures/synthetic-runs';

const { getState, setState } = await import('../../src/store/store');
const { flushPersistence, hydrate, loadConversation, startPersistence } = await import('../../src/store/persistence');

const INDEX = 'qwen-webgpu:v1';
const question = { id: 'q', role: 'user' as const, content: 'Why?' };
const reply = { id: 'r', role: 'assistant' as const, content: 'Because.' };
const streaming = { id: 'r', modelId: 'm', source: 'measured' as const };
const meta = (id: string, title = 'Why?') => ({ id, title, named: false, createdAt: 1, updatedAt: 2, messageCount: 2 });

/** The messages written, by key, leaving out the index. */
const messageWrites = () => writes.filter(([key]) => key !== INDEX);

describe('persistence', () => {
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    writes.length = 0;
    db.clear();
    setState({ hydrated: true, messages: [], streaming: null, currentId: 'c1', conversations: [meta('c1')] });
    stop = startPersistence();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it("saves a change after a short quiet time: the conversation's messages under its own key, and the index", () => {
    setState({ messages: [question] });
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(writes).toEqual([
      ['qwen-webgpu:chat:c1', [question]],
      [INDEX, expect.objectContaining({ currentId: 'c1', conversations: [meta('c1')] })],
    ]);
    expect(writes[1]![1]).not.toHaveProperty('messages');
  });

  it('saves the question with its reply once the reply ends, not while it streams', () => {
    setState({ messages: [question], streaming });
    setState({ draft: 'next question' }); // other state changes while the reply streams
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(0);
    setState({ streaming: null, messages: [...getState().messages, reply] });
    vi.advanceTimersByTime(300);
    expect(messageWrites()).toEqual([['qwen-webgpu:chat:c1', [question, reply]]]);
  });

  it('a settings change rewrites the index only, not the messages', () => {
    setState({ settings: { ...getState().settings, temperature: 0.2 } });
    vi.advanceTimersByTime(300);
    expect(writes.map(([key]) => key)).toEqual([INDEX]);
  });

  it('a switch writes nothing for the messages it brings in (they come from storage)', () => {
    setState({ currentId: 'c2', messages: [question], conversations: [meta('c1'), meta('c2')] });
    vi.advanceTimersByTime(300);
    expect(writes.map(([key]) => key)).toEqual([INDEX]);
  });

  it('writes what is pending when the page hides, even mid-reply, and nothing otherwise', () => {
    flushPersistence();
    expect(writes).toHaveLength(0);
    setState({ messages: [question], streaming });
    flushPersistence();
    expect(messageWrites()).toEqual([['qwen-webgpu:chat:c1', [question]]]);
    flushPersistence();
    expect(writes).toHaveLength(2);
  });

  it('restores the conversation list and the current conversation', async () => {
    db.set(INDEX, { settings: {}, runs: [], conversations: [meta('a', 'First'), meta('b', 'Second'), { id: 'broken' }], currentId: 'b' });
    db.set('qwen-webgpu:chat:b', [question, reply, { role: 'system' }]);
    await hydrate();
    expect(getState().conversations.map((c) => c.title)).toEqual(['First', 'Second']);
    expect(getState().currentId).toBe('b');
    expect(getState().messages).toEqual([question, { ...reply, source: 'measured' }]);
    expect(await loadConversation('a')).toEqual([]);
  });

  it('keeps the custom models that still read as models, and drops the rest', async () => {
    const good = {
      id: 'Mine',
      model: 'https://m.example/Mine',
      modelLib: 'https://m.example/mine.wasm',
      quant: 'q4f32_1',
      contextWindow: 4096,
      addedAt: 1,
      modelConfig: { model_type: 'qwen3', hidden_size: 1024, intermediate_size: 3072, num_attention_heads: 16, num_hidden_layers: 28, num_key_value_heads: 8, head_dim: 128, vocab_size: 151936, tie_word_embeddings: true, context_window_size: 4096 },
    };
    db.set(INDEX, { settings: {}, runs: [], prefs: { customModels: [good, { ...good, id: 'Broken', modelConfig: { model_type: 'llama' } }, { ...good, id: 'Bad URL', model: 'javascript:alert(1)' }, null] } });
    await hydrate();
    expect(getState().prefs.customModels.map((c) => c.id)).toEqual(['Mine']);
    expect(getState().prefs.overflow).toBe('rolling');
  });

  it("reads what an earlier version saved: one conversation, a reply's replayed flag and a run's 'live' / 'replay' source", async () => {
    const [run] = streamRunFile('m', 3, 10).runs;
    db.set(INDEX, {
      messages: [question, { ...reply, replayed: true }, { id: 'r2', role: 'assistant', content: 'Live.' }],
      settings: {},
      runs: [{ ...run, source: 'live' }, { ...run, id: 'x', source: 'replay' }, { id: 'broken' }],
    });
    await hydrate();
    const messages = [question, { ...reply, source: 'replayed' }, { id: 'r2', role: 'assistant', content: 'Live.', source: 'measured' }];
    expect(getState().messages).toEqual(messages);
    expect(getState().runs.map((r) => [r.id, r.source])).toEqual([[run!.id, 'measured'], ['x', 'replayed']]);
    // It becomes the first conversation of the list, saved under a key of its own, at once.
    const [first] = getState().conversations;
    expect(first).toMatchObject({ id: getState().currentId, title: 'Why?', messageCount: 3, named: false });
    await vi.runAllTimersAsync();
    expect(db.get(`qwen-webgpu:chat:${first!.id}`)).toEqual(messages);
    expect(db.get(INDEX)).not.toHaveProperty('messages');
  });
});
