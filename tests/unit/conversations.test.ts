import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoTitle, byRecent, cleanTitle, conversationMarkdown, markdownFileName, newConversation, readConversationList, touch } from '../../src/lib/conversations';

const db = new Map<string, unknown>();
vi.mock('idb-keyval', () => ({
  get: vi.fn(async (key: string) => db.get(key)),
  set: vi.fn(async (key: string, value: unknown) => void db.set(key, value)),
  del: vi.fn(async (key: string) => void db.delete(key)),
}));
// The worker's stop ends the reply in flight the way web-llm's interrupt does: what was written is kept.
vi.mock('../../src/bridge/inference-bridge', () => ({
  inference: () => ({ stop: async () => (await import('../../src/actions/chat-actions')).settleStreaming('abort', 'half a repl') }),
}));

const { getState, setState } = await import('../../src/store/store');
const actions = await import('../../src/actions/conversation-actions');
const { startPersistence } = await import('../../src/store/persistence');

const user = (content: string, id = content) => ({ id, role: 'user' as const, content });
const answer = (content: string, id = content) => ({ id, role: 'assistant' as const, content, modelId: 'Qwen3-0.6B-q4f16_1-MLC', source: 'measured' as const });

describe('the conversation list', () => {
  it('names a conversation by its first question, on one line and cut at a word', () => {
    expect(autoTitle([])).toBe('New chat');
    expect(autoTitle([answer('hi'), user('  How   fast\nis it? ')])).toBe('How fast is it?');
    expect(autoTitle([user('Why does a mixture-of-experts model decode as fast as a small dense model does?')])).toBe('Why does a mixture-of-experts model decode as…');
    expect(cleanTitle('  Stage\n demo ')).toBe('Stage demo');
    expect(cleanTitle('   ')).toBeNull();
  });

  it('follows the messages until renamed, and keeps a name once given', () => {
    const list = [newConversation('a', 1), { ...newConversation('b', 1), title: 'Mine', named: true }];
    const messages = [user('First question'), answer('Yes.')];
    expect(touch(list, 'a', messages, 5)[0]).toMatchObject({ title: 'First question', messageCount: 2, updatedAt: 5 });
    expect(touch(list, 'b', messages, 5)[1]).toMatchObject({ title: 'Mine', messageCount: 2 });
    expect(byRecent([{ ...list[0]!, updatedAt: 3 }, { ...list[1]!, updatedAt: 9 }]).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('reads only well-formed entries from storage', () => {
    expect(readConversationList('x')).toEqual([]);
    expect(readConversationList([newConversation('a', 1), { id: 'b', title: 3 }, null])).toEqual([newConversation('a', 1)]);
  });

  it('writes a conversation as Markdown: who wrote what, thinking quoted, replayed and stopped replies said so', () => {
    const meta = { ...newConversation('a', 0), title: 'MoE\nspeed' };
    const md = conversationMarkdown(
      meta,
      [user('Why?'), { ...answer('<think>Active parameters.\nOnly 3B.</think>Because **3B** are active.'), source: 'replayed', finishReason: 'abort' }],
      new Date('2026-12-02T10:20:30Z'),
    );
    expect(md).toBe(
      '# MoE speed\n\n_Exported 2026-12-02 10:20 UTC · 2 messages_\n\n## You\n\nWhy?\n\n' +
        '## Qwen3-0.6B-q4f16_1-MLC (replayed, not generated on this device, stopped)\n\n> Active parameters.\n> Only 3B.\n\nBecause **3B** are active.\n',
    );
    expect(markdownFileName('Über: MoE / speed?')).toBe('uber-moe-speed.md');
    expect(markdownFileName('???')).toBe('conversation.md');
  });
});

describe('conversation actions', () => {
  let stopSaving: () => void;
  beforeEach(() => {
    db.clear();
    const first = newConversation('c1', 1);
    setState({ hydrated: true, conversations: [first], currentId: 'c1', messages: [], streaming: null, deletedChat: null, chatError: null });
    stopSaving = startPersistence();
  });
  afterEach(() => stopSaving());

  /** Puts a conversation in storage and in the list. */
  const stored = (id: string, messages: ReturnType<typeof user | typeof answer>[], updatedAt: number) => {
    db.set(`qwen-webgpu:chat:${id}`, messages);
    setState({ conversations: [...getState().conversations, { ...touch([newConversation(id, 0)], id, messages, updatedAt)[0]! }] });
  };

  it('a new chat leaves a blank one alone, and keeps one that has messages', async () => {
    await actions.newChat();
    expect(getState().conversations.map((c) => c.id)).toEqual(['c1']);
    setState({ messages: [user('Hi')], conversations: touch(getState().conversations, 'c1', [user('Hi')], 2) });
    await actions.newChat();
    expect(getState().conversations).toHaveLength(2);
    expect(getState().currentId).not.toBe('c1');
    expect(getState().messages).toEqual([]);
  });

  it('switching loads the other conversation, and drops the blank one left', async () => {
    stored('c2', [user('Old question'), answer('Old answer')], 5);
    await actions.switchConversation('c2');
    expect(getState().currentId).toBe('c2');
    expect(getState().messages.map((m) => m.content)).toEqual(['Old question', 'Old answer']);
    expect(getState().conversations.map((c) => c.id)).toEqual(['c2']);
  });

  it('switching while a reply streams stops it first and keeps it, stopped, in the conversation it belongs to', async () => {
    stored('c2', [user('Other')], 5);
    setState({ messages: [user('Tell me')], streaming: { id: 'live', modelId: 'm', source: 'measured' } });
    await actions.switchConversation('c2');
    expect(getState().streaming).toBeNull();
    expect(getState().currentId).toBe('c2');
    await vi.waitFor(() => expect(db.get('qwen-webgpu:chat:c1')).toEqual([user('Tell me'), expect.objectContaining({ id: 'live', content: 'half a repl', finishReason: 'abort' })]));
    expect(getState().conversations.find((c) => c.id === 'c1')).toMatchObject({ title: 'Tell me', messageCount: 2 });
  });

  it('deleting the current conversation opens the most recent other one; undo brings it back with its messages', async () => {
    const mine = [user('Keep me'), answer('Kept')];
    setState({ messages: mine, conversations: touch(getState().conversations, 'c1', mine, 3) });
    stored('c2', [user('Older')], 2);
    stored('c3', [user('Newer')], 4);
    await actions.deleteConversation('c1');
    expect(getState().currentId).toBe('c3');
    expect(getState().conversations.map((c) => c.id).sort()).toEqual(['c2', 'c3']);
    expect(getState().deletedChat?.meta.title).toBe('Keep me');
    await vi.waitFor(() => expect(db.has('qwen-webgpu:chat:c1')).toBe(false));
    await actions.undoDelete();
    expect(getState().currentId).toBe('c1');
    expect(getState().messages).toEqual(mine);
    expect(getState().deletedChat).toBeNull();
    await vi.waitFor(() => expect(db.get('qwen-webgpu:chat:c1')).toEqual(mine));
  });

  it('deleting the last conversation leaves a new blank one; renaming needs a name', async () => {
    actions.renameConversation('c1', '  ');
    expect(getState().conversations[0]).toMatchObject({ title: 'New chat', named: false });
    actions.renameConversation('c1', 'Stage demo');
    expect(getState().conversations[0]).toMatchObject({ title: 'Stage demo', named: true });
    await actions.deleteConversation('c1');
    expect(getState().conversations).toHaveLength(1);
    expect(getState().conversations[0]).toMatchObject({ title: 'New chat', messageCount: 0 });
    expect(getState().currentId).toBe(getState().conversations[0]!.id);
  });
});
