/**
 * The list of conversations: start one, switch, rename, delete (and undo), export. The store holds
 * the current conversation's messages; the others wait in storage (see persistence.ts).
 */
import { byRecent, cleanTitle, conversationMarkdown, isBlank, markdownFileName, newConversation, type ConversationMeta } from '../lib/conversations';
import { saveFile } from '../lib/save-file';
import { flushPersistence, forgetConversation, loadConversation, storeConversation } from '../store/persistence';
import { getState, setState } from '../store/store';
import type { AppState, ChatEntry } from '../store/types';
import { settleReply } from './chat-actions';

/** Counts switches, so that of two quick clicks the last one wins whichever conversation loads first. */
let switches = 0;

/** What the store holds once `meta` is current with `messages`; the conversation left behind is
 * dropped from the list if it is blank (nothing in it, never named). */
function current(meta: ConversationMeta, messages: ChatEntry[], list: ConversationMeta[]): Partial<AppState> {
  const { currentId } = getState();
  const kept = list.filter((c) => c.id === meta.id || c.id !== currentId || !isBlank(c));
  return {
    conversations: kept.some((c) => c.id === meta.id) ? kept : [meta, ...kept],
    currentId: meta.id,
    messages,
    contextStart: null,
    chatError: null,
  };
}

/** Leaves the current conversation: a reply in flight is stopped and kept, and what is not saved yet is written. */
async function leave(): Promise<number> {
  const ticket = ++switches;
  await settleReply();
  flushPersistence();
  return ticket;
}

export async function switchConversation(id: string): Promise<void> {
  if (id === getState().currentId) return;
  const ticket = await leave();
  const messages = await loadConversation(id);
  const meta = getState().conversations.find((c) => c.id === id);
  if (ticket !== switches || !meta) return;
  setState(current(meta, messages, getState().conversations));
}

/** A new, empty conversation; the current one is kept unless it is blank already. */
export async function newChat(): Promise<void> {
  const s = getState();
  const here = s.conversations.find((c) => c.id === s.currentId);
  if (here && isBlank(here) && !s.streaming) return;
  await leave();
  setState(current(newConversation(crypto.randomUUID(), Date.now()), [], getState().conversations));
}

export function renameConversation(id: string, title: string): void {
  const name = cleanTitle(title);
  if (name === null) return;
  setState({ conversations: getState().conversations.map((c) => (c.id === id ? { ...c, title: name, named: true } : c)) });
}

/** Deletes a conversation and holds it for undo. Deleting the current one opens the next most
 * recent, or a new one when it was the last. */
export async function deleteConversation(id: string): Promise<void> {
  const meta = getState().conversations.find((c) => c.id === id);
  if (!meta) return;
  const isCurrent = id === getState().currentId;
  if (isCurrent) await leave();
  const messages = isCurrent ? getState().messages : await loadConversation(id);
  forgetConversation(id);
  const rest = getState().conversations.filter((c) => c.id !== id);
  const deletedChat = { meta, messages };
  if (!isCurrent) {
    setState({ conversations: rest, deletedChat });
    return;
  }
  const next = byRecent(rest)[0];
  const nextMessages = next ? await loadConversation(next.id) : [];
  setState({ ...current(next ?? newConversation(crypto.randomUUID(), Date.now()), nextMessages, rest), deletedChat });
}

/** Brings the deleted conversation back, and opens it. */
export async function undoDelete(): Promise<void> {
  const deleted = getState().deletedChat;
  if (!deleted) return;
  await leave();
  void storeConversation(deleted.meta.id, deleted.messages).catch(() => {});
  setState({ ...current(deleted.meta, deleted.messages, getState().conversations), deletedChat: null });
}

export function dismissUndo(): void {
  setState({ deletedChat: null });
}

export async function exportConversation(id: string): Promise<void> {
  const s = getState();
  const meta = s.conversations.find((c) => c.id === id);
  if (!meta) return;
  const messages = id === s.currentId ? s.messages : await loadConversation(id);
  saveFile(markdownFileName(meta.title), conversationMarkdown(meta, messages, new Date()), 'text/markdown');
}
