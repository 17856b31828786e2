/**
 * The journal: the current conversation (with the reply in flight, marked interrupted), the
 * conversation list, the settings and the preferences, written to localStorage (runs stay out: they
 * are large, and nothing typed). IndexedDB writes are asynchronous and a page being
 * unloaded does not wait for them; localStorage writes are synchronous, so a journal written at
 * `pagehide` is on disk before the page goes. It is written while a reply streams (once a second),
 * when the page is hidden, and read at start when it is newer than what IndexedDB holds.
 */
import type { ConversationMeta } from '../lib/conversations';
import { readConversations, readMessages, readPrefs, readSettings, type Problems } from './saved-state';
import type { ChatEntry, PrefsSlice, SettingsSlice } from './types';

const KEY = 'qwen-webgpu:journal';
/** When the journal was written, kept apart so that checking it never parses the conversation. */
const AT_KEY = 'qwen-webgpu:journal-at';

export interface Journal {
  /** Date.now() when written. */
  at: number;
  conversations: ConversationMeta[];
  currentId: string;
  messages: ChatEntry[];
  /** Absent from a journal that did not hold them: what IndexedDB gave stays. */
  settings?: SettingsSlice['settings'];
  prefs?: PrefsSlice['prefs'];
}

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
    const at = Number(localStorage.getItem(AT_KEY));
    if (at <= savedAt) {
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
    const j = JSON.parse(raw) as Partial<Journal>;
    const conversations = readConversations(j.conversations, problems);
    const currentId = typeof j.currentId === 'string' && conversations.some((c) => c.id === j.currentId) ? j.currentId : null;
    if (typeof j.at !== 'number' || currentId === null) throw new Error('no current conversation');
    return {
      at: j.at,
      conversations,
      currentId,
      messages: readMessages(j.messages, problems),
      ...(j.settings === undefined ? {} : { settings: readSettings(j.settings, problems) }),
      ...(j.prefs === undefined ? {} : { prefs: readPrefs(j.prefs, problems) }),
    };
  } catch {
    problems.push('the copy of the conversation kept while the page closed');
    return null;
  }
}
