/**
 * Keeps conversations, settings and runs in IndexedDB so they survive a reload. The index (the
 * conversation list, settings, runs) is one key; each conversation's messages are a key of their
 * own, so a message added to one conversation rewrites that conversation only. Writes are
 * debounced; a question is written when it is sent, and the reply in flight goes to the journal
 * (journal.ts) once a second and when the page is hidden, so a reload or a closed tab loses nothing.
 */
import { del, get, set } from 'idb-keyval';
import { byRecent, newConversation, touch, type ConversationMeta } from '../lib/conversations';
import type { Run } from '../shared/runs';
import { makeError } from '../shared/errors';
import { parseRehearsal, type Rehearsal } from '../lib/rehearsal';
import { clearJournal, readJournal, withTail, writeJournal } from './journal';
import { readConversations, readMessages, readPrefs, readRuns, readSettings, type Problems } from './saved-state';
import { getState, setState, useStore, type DEFAULT_SETTINGS } from './store';
import type { ChatEntry, PrefsSlice } from './types';

const KEY = 'qwen-webgpu:v1';
/** The presenter's rehearsal: written when one is recorded, read with the rest. */
const REHEARSAL_KEY = 'qwen-webgpu:rehearsal';
const chatKey = (id: string) => `qwen-webgpu:chat:${id}`;
const MAX_RUNS = 200;
/** How far the journal may fall behind a streaming reply. */
const JOURNAL_MS = 1000;

interface Saved {
  settings: typeof DEFAULT_SETTINGS;
  runs: Run[];
  prefs?: Partial<PrefsSlice['prefs']>;
  conversations?: ConversationMeta[];
  currentId?: string;
  /** Date.now() of the write: a journal written later is newer. */
  savedAt?: number;
  /** The one conversation, as saved before there were several. */
  messages?: ChatEntry[];
}

/** Keeps what did not read under a key of its own, so that nothing is destroyed by being refused. */
export function setAside(key: string, value: unknown): Promise<void> {
  return set(`qwen-webgpu:set-aside:${key}:${Date.now()}`, value).catch(() => {});
}

/** Conversations whose write IndexedDB refused (private windows): they last as long as the page. */
const unsaved = new Map<string, ChatEntry[]>();

export async function loadConversation(id: string): Promise<ChatEntry[]> {
  try {
    const saved = await get<unknown>(chatKey(id));
    if (saved !== undefined) return readMessages(saved, []);
  } catch {
    // Read from the page's copy below.
  }
  return unsaved.get(id) ?? [];
}

/** Resolves once written, or kept in the page where IndexedDB refused it. */
export function storeConversation(id: string, messages: ChatEntry[]): Promise<void> {
  unsaved.delete(id);
  return set(chatKey(id), messages).catch(() => {
    unsaved.set(id, messages);
    throw new Error('not saved');
  });
}

export function forgetConversation(id: string): void {
  unsaved.delete(id);
  void del(chatKey(id)).catch(() => {});
}

/** The conversations in the index, or the one conversation an earlier version saved. */
async function readChats(saved: Saved, problems: Problems): Promise<{ conversations: ConversationMeta[]; currentId: string; messages: ChatEntry[]; migrated: boolean } | null> {
  const list = readConversations(saved.conversations, problems);
  if (list.length > 0) {
    const currentId = list.find((c) => c.id === saved.currentId)?.id ?? byRecent(list)[0]!.id;
    return { conversations: list, currentId, messages: await loadConversation(currentId), migrated: false };
  }
  const messages = readMessages(saved.messages, problems);
  if (messages.length === 0) return null;
  const now = Date.now();
  const id = crypto.randomUUID();
  return { conversations: touch([newConversation(id, now)], id, messages, now), currentId: id, messages, migrated: true };
}

let hydration: Promise<void> | null = null;

/** Resolves once what was saved is back in the store (at once where nothing hydrates, as in unit tests). */
export function whenHydrated(): Promise<void> {
  return hydration ?? Promise.resolve();
}

export function hydrate(): Promise<void> {
  hydration = readSaved();
  return hydration;
}

async function readSaved(): Promise<void> {
  let migrated = false;
  const problems: Problems = [];
  let savedAt = 0;
  try {
    const raw = await get<unknown>(KEY);
    const saved = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : undefined) as Saved | undefined;
    if (raw !== undefined && !saved) problems.push('the saved settings and conversation list');
    if (saved) {
      savedAt = typeof saved.savedAt === 'number' ? saved.savedAt : 0;
      const chats = await readChats(saved, problems);
      migrated = chats?.migrated ?? false;
      setState({
        ...(chats ? { conversations: chats.conversations, currentId: chats.currentId, messages: chats.messages } : {}),
        settings: readSettings(saved.settings, problems),
        runs: readRuns(saved.runs, problems),
        ...(saved.prefs ? { prefs: readPrefs(saved.prefs, problems) } : {}),
      });
    }
    const rehearsal = await get<unknown>(REHEARSAL_KEY);
    setState({ rehearsal: parseRehearsal(rehearsal) });
    if (rehearsal !== undefined && getState().rehearsal === null) problems.push('the recorded rehearsal');
  } catch {
    // Private windows may refuse IndexedDB: the app still works, it just forgets.
  }
  // What the page wrote as it closed, when IndexedDB did not get it in time.
  const journal = readJournal(savedAt, problems);
  if (journal?.kind === 'full') {
    const { conversations, currentId, messages, settings, prefs } = journal;
    setState({ conversations, currentId, messages, ...(settings ? { settings } : {}), ...(prefs ? { prefs } : {}) });
  } else if (journal) {
    const s = getState();
    const saved = s.currentId === journal.conversation.id ? s.messages : await loadConversation(journal.conversation.id);
    setState(withTail(journal, s.conversations, saved));
  }
  if (journal) migrated = true;
  setState({ hydrated: true, ...(problems.length > 0 ? { alert: makeError('saved-invalid', { detail: `Set aside: ${problems.join('; ')}.` }) } : {}) });
  // The conversation an earlier version saved moves to a key of its own, once; a journal goes to IndexedDB.
  if (migrated) {
    messagesDirty = true;
    save();
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let journalTimer: ReturnType<typeof setInterval> | null = null;
/** Something to save that has not been written yet. */
let dirty = false;
/** IndexedDB writes begun and not finished: a page that goes now may lose them. */
let writing = 0;
/** The current conversation's messages are among it. */
let messagesDirty = false;
/** The reply in flight as a history entry (marked interrupted), given by the chat's actions. */
let partialReply: () => ChatEntry | null = () => null;

export function providePartialReply(read: () => ChatEntry | null): void {
  partialReply = read;
}

function save(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  dirty = false;
  const { messages, currentId, conversations, settings, runs, prefs, streaming } = getState();
  const savedAt = Date.now();
  lastSavedAt = savedAt;
  const writes: Promise<unknown>[] = [];
  if (messagesDirty) writes.push(storeConversation(currentId, messages));
  messagesDirty = false;
  writes.push(set(KEY, { settings, runs: runs.slice(-MAX_RUNS), prefs, conversations, currentId, savedAt } satisfies Saved));
  writing++;
  // Once IndexedDB holds it all, the journal is stale (unless a reply is still being written).
  void Promise.all(writes)
    .then(
      () => {
        if (!streaming && !getState().streaming) clearJournal(savedAt);
      },
      () => {},
    )
    .finally(() => writing--);
}

/** When the last save to IndexedDB was stamped: a journal written after it must read as newer. */
let lastSavedAt = 0;

/** Writes the full journal now: the current conversation with the reply in flight, synchronously.
 * Stamped after the last save even within its millisecond: a save that finishes before the page
 * goes would otherwise read as newer, and its copy lacks the reply in flight. */
function journalNow(): void {
  const { conversations, currentId, messages, settings, prefs } = getState();
  const partial = partialReply();
  writeJournal({ kind: 'full', at: Math.max(Date.now(), lastSavedAt + 1), conversations, currentId, messages: partial ? [...messages, partial] : messages, settings, prefs });
}

/** While a reply streams: only the question and the reply so far (the rest is in IndexedDB). */
function journalTail(): void {
  const { conversations, currentId, messages } = getState();
  const conversation = conversations.find((c) => c.id === currentId);
  const question = messages.at(-1);
  const partial = partialReply();
  if (!conversation || !question) return;
  writeJournal({ kind: 'tail', at: Date.now(), conversation, messages: partial ? [question, partial] : [question] });
}

export function startPersistence(): () => void {
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (!s.hydrated) return;
    // Whether IndexedDB held everything before this change (a send then needs only the tail journal).
    const savedBefore = !dirty;
    // A switch brings in messages that are saved already (the switch flushed the ones it left).
    if (s.messages !== prev.messages && s.currentId === prev.currentId) messagesDirty = true;
    if (messagesDirty || s.conversations !== prev.conversations || s.settings !== prev.settings || s.runs !== prev.runs || s.prefs !== prev.prefs) {
      dirty = true;
    }
    if (s.streaming && !prev.streaming) {
      // The question is saved as it is sent, in the tail journal: a few kilobytes, where writing the
      // conversation to IndexedDB would copy all of it while the reply's first frames are drawn. When
      // IndexedDB lacks more than the question (an edit before the send), it is brought up to date now.
      const onlyQuestion = savedBefore && s.currentId === prev.currentId && s.messages.length === prev.messages.length + 1 && s.messages.at(-2) === prev.messages.at(-1);
      if (!onlyQuestion) save();
      journalTail();
      journalTimer = setInterval(journalTail, JOURNAL_MS);
    } else if (!s.streaming && prev.streaming && journalTimer !== null) {
      clearInterval(journalTimer);
      journalTimer = null;
    }
    if (dirty && !s.streaming && timer === null) timer = setTimeout(save, 300);
  });
  return () => {
    unsubscribe();
    if (journalTimer !== null) clearInterval(journalTimer);
    journalTimer = null;
  };
}

/** Writes a pending change now (on page hide, before a switch), even mid-reply. With nothing
 * pending it writes nothing, so closing a tab never overwrites what another tab saved since. */
export function flushPersistence(): void {
  if (dirty) save();
}

/** The page is going (pagehide) or may be killed unseen (hidden): the journal is written at once,
 * since IndexedDB's writes may not finish before the page is gone. */
export function persistBeforeUnload(): void {
  if (!getState().hydrated) return;
  // A save still in flight counts as unsaved: a reload right after a rename lost the new name.
  if (getState().streaming) {
    // Mid-reply, saved first and journalled after: the journal, which alone holds the reply in
    // flight, must read as newer even if the save finishes before the page goes.
    flushPersistence();
    journalNow();
    return;
  }
  if (dirty || writing > 0) journalNow();
  flushPersistence();
}

export function forgetRehearsal(): Promise<void> {
  return del(REHEARSAL_KEY).catch(() => {});
}

/** Keeps a newly recorded rehearsal (one at a time: recording again replaces it). */
export function saveRehearsal(rehearsal: Rehearsal): Promise<void> {
  return set(REHEARSAL_KEY, rehearsal).catch(() => {});
}
