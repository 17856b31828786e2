/**
 * The journal, in localStorage: what IndexedDB may not hold yet. IndexedDB writes are asynchronous
 * and a page being unloaded does not wait for them; localStorage writes are synchronous, so a
 * journal written at `pagehide` is on disk before the page goes. Two kinds:
 *
 * - full, when the page hides: the current conversation (with the reply in flight, marked
 *   interrupted), the conversation list, settings and preferences (runs stay out: large, and
 *   nothing typed);
 * - tail, once a second while a reply streams: only the question and the reply so far, with the
 *   conversation's entry, so that the write costs the stream next to nothing however long the
 *   conversation is.
 *
 * At start it is read when it is newer than what IndexedDB holds, then IndexedDB catches up.
 */
import { touch, type ConversationMeta } from '../lib/conversations';
import { readConversations, readMessages, readPrefs, readSettings, type Problems } from './saved-state';
import type { ChatEntry, PrefsSlice, SettingsSlice } from './types';

const KEY = 'qwen-webgpu:journal';
/** When the journal was written, kept apart so that checking it never parses the conversation. */
const AT_KEY = 'qwen-webgpu:journal-at';

export type Journal =
  | {
      kind: 'full';
      /** Date.now() when written. */
      at: number;
      conversations: ConversationMeta[];
      currentId: string;
      messages: ChatEntry[];
      /** Absent from a journal that did not hold them: what IndexedDB gave stays. */
      settings?: SettingsSlice['settings'];
      prefs?: PrefsSlice['prefs'];
    }
  | {
      kind: 'tail';
      at: number;
      /** The conversation's entry in the list (it may be new, and not in IndexedDB's list yet). */
      conversation: ConversationMeta;
      /** The last messages: those IndexedDB's copy lacks are added to it. */
      messages: ChatEntry[];
    };

export function writeJournal(journal: Journal): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(journal));
    localStorage.setItem(AT_KEY, String(journal.at));
  } catch {
    // Storage full or refused (private windows): IndexedDB's copy is all there is, as before.
  }
}

/** Drops the journal once IndexedDB holds everything in it (saved at or after it was written). */
export function clearJournal(savedAt: number): void {
  try {
    if (Number(localStorage.getItem(AT_KEY)) <= savedAt) {
      localStorage.removeItem(KEY);
      localStorage.removeItem(AT_KEY);
    }
  } catch {
    // As above.
  }
}

/** The journal, when it is newer than `savedAt` and reads; a damaged one is named in `problems`. */
export function readJournal(savedAt: number, problems: Problems): Journal | null {
  let raw: string | null;
  try {
    if (Number(localStorage.getItem(AT_KEY)) <= savedAt) return null;
    raw = localStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const j = JSON.parse(raw) as Record<string, unknown>;
    if (typeof j.at !== 'number') throw new Error('no time');
    const messages = readMessages(j.messages, problems);
    if (j.kind === 'tail') {
      const [conversation] = readConversations([j.conversation], problems);
      if (!conversation) throw new Error('no conversation');
      return { kind: 'tail', at: j.at, conversation, messages };
    }
    const conversations = readConversations(j.conversations, problems);
    const currentId = conversations.find((c) => c.id === j.currentId)?.id;
    if (currentId === undefined) throw new Error('no current conversation');
    return {
      kind: 'full',
      at: j.at,
      conversations,
      currentId,
      messages,
      ...(j.settings === undefined ? {} : { settings: readSettings(j.settings, problems) }),
      ...(j.prefs === undefined ? {} : { prefs: readPrefs(j.prefs, problems) }),
    };
  } catch {
    problems.push('the copy of the conversation kept while the page closed');
    return null;
  }
}

/** A tail journal laid over IndexedDB's copy: its messages that the copy lacks are appended, and the
 * conversation joins the list if it was new. */
export function withTail(
  tail: Extract<Journal, { kind: 'tail' }>,
  list: ConversationMeta[],
  saved: ChatEntry[],
): { conversations: ConversationMeta[]; currentId: string; messages: ChatEntry[] } {
  const known = new Set(saved.map((m) => m.id));
  const messages = [...saved, ...tail.messages.filter((m) => !known.has(m.id))];
  const id = tail.conversation.id;
  const withEntry = list.some((c) => c.id === id) ? list : [tail.conversation, ...list];
  return { conversations: touch(withEntry, id, messages, tail.at), currentId: id, messages };
}
