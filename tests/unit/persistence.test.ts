import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** IndexedDB as idb-keyval shows it: a map, and the writes in order. */
const db = new Map<string, unknown>();
const writes: Array<[string, unknown]> = [];
/** The page is going: IndexedDB's writes never complete. */
let unloading = false;
vi.mock('idb-keyval', () => ({
  get: vi.fn(async (key: string) => db.get(key)),
  set: vi.fn(async (key: string, value: unknown) => {
    if (unloading) return new Promise(() => {});
    writes.push([key, value]);
    db.set(key, value);
  }),
  del: vi.fn(async (key: string) => {
    db.delete(key);
  }),
}));

import { streamRunFile } from '../fixtures/synthetic-runs';

const { getState, setState } = await import('../../src/store/store');
const { flushPersistence, hydrate, loadConversation, persistBeforeUnload, providePartialReply, startPersistence } = await import('../../src/store/persistence');

/** localStorage as the journal sees it (Node has none). */
const local = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => local.get(k) ?? null,
  setItem: (k: string, v: string) => void local.set(k, String(v)),
  removeItem: (k: string) => void local.delete(k),
});
const journal = () => {
  const raw = local.get('qwen-webgpu:journal');
  return raw === undefined ? null : (JSON.parse(raw) as { messages: unknown[]; conversations: { title: string }[] });
};

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
    local.clear();
    unloading = false;
    providePartialReply(() => null);
    setState({ hydrated: true, messages: [], streaming: null, currentId: 'c1', conversations: [meta('c1')], alert: null });
    stop = startPersistence();
  });
  afterEach(async () => {
    unloading = false;
    await vi.runOnlyPendingTimersAsync(); // a debounced write left by a test would hold back the next test's
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

  it('keeps the question when it is sent and the reply in flight in the tail journal, at most a second behind; IndexedDB once it ends', () => {
    let partial = '';
    providePartialReply(() => (getState().streaming ? { ...reply, content: partial, finishReason: 'interrupted' } : null));
    setState({ messages: [question], streaming });
    expect(journal()).toMatchObject({ kind: 'tail', conversation: { id: 'c1' }, messages: [question, { ...reply, content: '' }] });
    partial = 'Beca';
    vi.advanceTimersByTime(1000);
    expect(journal()?.messages).toEqual([question, { ...reply, content: 'Beca', finishReason: 'interrupted' }]);
    setState({ draft: 'next question' }); // other state changes while the reply streams write nothing
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(0);
    setState({ streaming: null, messages: [...getState().messages, reply] });
    vi.advanceTimersByTime(300);
    expect(messageWrites()).toEqual([['qwen-webgpu:chat:c1', [question, reply]]]);
  });

  it('a send after an unsaved edit brings IndexedDB up to date at once', () => {
    setState({ messages: [reply] }); // not written yet: the debounce is pending
    setState({ messages: [reply, question], streaming });
    expect(messageWrites()).toEqual([['qwen-webgpu:chat:c1', [reply, question]]]);
  });

  it('a tail journal is laid over what IndexedDB holds, in a conversation IndexedDB did not know yet', async () => {
    providePartialReply(() => ({ ...reply, content: 'Be', finishReason: 'interrupted', source: 'measured' }));
    unloading = true;
    setState({ currentId: 'new', conversations: [meta('new', 'New chat')], messages: [question], streaming });
    unloading = false;
    db.set(INDEX, { settings: {}, runs: [], conversations: [meta('c1', 'Older')], currentId: 'c1', savedAt: 1 });
    db.set('qwen-webgpu:chat:c1', [question, reply]);
    setState({ hydrated: false, streaming: null });
    await hydrate();
    expect(getState().currentId).toBe('new');
    expect(getState().conversations.map((c) => c.id)).toEqual(['new', 'c1']);
    expect(getState().messages).toEqual([question, { ...reply, content: 'Be', finishReason: 'interrupted', source: 'measured' }]);
  });

  it('once IndexedDB has what the journal holds, the journal is dropped', async () => {
    setState({ messages: [question] });
    persistBeforeUnload();
    expect(journal()?.messages).toEqual([question]);
    await vi.runAllTimersAsync();
    expect(journal()).toBeNull();
  });

  it('a rename right before the page goes is in the journal at once, and read back first', async () => {
    setState({ conversations: [{ ...meta('c1'), title: 'Renamed', named: true }] });
    unloading = true;
    persistBeforeUnload(); // the page goes before the debounced write, and before IndexedDB answers
    expect(journal()?.conversations[0]?.title).toBe('Renamed');
    unloading = false;
    db.set(INDEX, { settings: {}, runs: [], conversations: [meta('c1')], currentId: 'c1', savedAt: 1 });
    await hydrate();
    expect(getState().conversations[0]).toMatchObject({ title: 'Renamed', named: true });
  });

  it('a reload mid-reply brings back the question and the partial reply, marked interrupted', async () => {
    providePartialReply(() => ({ ...reply, content: 'Becau', finishReason: 'interrupted', source: 'measured' }));
    unloading = true;
    setState({ messages: [question], streaming });
    persistBeforeUnload();
    unloading = false;
    setState({ messages: [], conversations: [], currentId: 'x', streaming: null, hydrated: false });
    await hydrate();
    expect(getState().currentId).toBe('c1');
    expect(getState().messages).toEqual([question, { ...reply, content: 'Becau', finishReason: 'interrupted', source: 'measured' }]);
  });

  it('mid-reply, a save that finishes before the page goes does not hide the reply in flight', async () => {
    providePartialReply(() => ({ ...reply, content: 'Becau', finishReason: 'interrupted', source: 'measured' }));
    setState({ messages: [question], streaming });
    persistBeforeUnload(); // IndexedDB answers this time: its copy has the question only
    await vi.advanceTimersByTimeAsync(10);
    setState({ messages: [], conversations: [], currentId: 'x', streaming: null, hydrated: false });
    await hydrate();
    expect(getState().messages).toEqual([question, { ...reply, content: 'Becau', finishReason: 'interrupted', source: 'measured' }]);
  });

  it('an older journal than what IndexedDB holds is ignored; damaged saved parts are set aside and named', async () => {
    localStorage.setItem('qwen-webgpu:journal', JSON.stringify({ at: 5, conversations: [meta('old')], currentId: 'old', messages: [] }));
    localStorage.setItem('qwen-webgpu:journal-at', '5');
    db.set(INDEX, { settings: { temperature: 'hot', top_p: 0.5 }, runs: [{ id: 'broken' }], conversations: [meta('c1')], currentId: 'c1', savedAt: 10, prefs: { mirror: 'x'.repeat(10), overflow: 'stop' } });
    await hydrate();
    expect(getState().currentId).toBe('c1');
    expect(getState().settings).toMatchObject({ temperature: 0.7, top_p: 0.5 });
    expect(getState().prefs).toMatchObject({ mirror: null, overflow: 'stop' });
    expect(getState().alert?.code).toBe('saved-invalid');
    expect(getState().alert?.detail).toMatch(/the setting temperature; a saved run \(Not a readable run: run 0.source: .*\); the preference mirror/);
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
    setState({ messages: [question] });
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
    const onnx = { ...good, id: 'Mine-ONNX', modelLib: '', quant: 'q4', engine: 'onnx' };
    const saved = [
      good,
      onnx,
      { ...good, id: 'Broken', modelConfig: { model_type: 'llama' } },
      { ...good, id: 'Bad URL', model: 'javascript:alert(1)' },
      { ...good, id: 'Bad quant', quant: 'q3f7' },
      { ...onnx, id: 'ONNX with an MLC quant', quant: 'q4f32_1' },
      { ...onnx, id: 'Unknown engine', engine: 'tvm' },
      null,
    ];
    db.set(INDEX, { settings: {}, runs: [], prefs: { customModels: saved } });
    await hydrate();
    expect(getState().prefs.customModels.map((c) => c.id)).toEqual(['Mine', 'Mine-ONNX']);
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
