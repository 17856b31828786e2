/**
 * Keeps conversations, settings and runs in IndexedDB so they survive a reload. The index (the
 * conversation list, settings, runs) is one key; each conversation's messages are a key of their
 * own, so a message added to one conversation rewrites that conversation only. Writes are
 * debounced and skip the fast-changing streaming state.
 */
import { del, get, set } from 'idb-keyval';
import { byRecent, newConversation, readConversationList, touch, type ConversationMeta } from '../lib/conversations';
import { checkUrl, customArchitecture } from '../lib/custom-model';
import type { Run } from '../shared/runs';
import { parseRun } from '../shared/run-file';
import { parseRehearsal, type Rehearsal } from '../lib/rehearsal';
import { DEFAULT_PREFS, DEFAULT_SETTINGS, getState, setState, useStore } from './store';
import type { ChatEntry, PrefsSlice } from './types';

const KEY = 'qwen-webgpu:v1';
/** The presenter's rehearsal: written when one is recorded, read with the rest. */
const REHEARSAL_KEY = 'qwen-webgpu:rehearsal';
const chatKey = (id: string) => `qwen-webgpu:chat:${id}`;
const MAX_RUNS = 200;

interface Saved {
  settings: typeof DEFAULT_SETTINGS;
  runs: Run[];
  prefs?: Partial<PrefsSlice['prefs']>;
  conversations?: ConversationMeta[];
  currentId?: string;
  /** The one conversation, as saved before there were several. */
  messages?: ChatEntry[];
}

/** Runs as saved by any version of the app; one that no longer reads is dropped, not the rest. */
function readRuns(saved: unknown[]): Run[] {
  return saved.flatMap((r, i) => {
    try {
      return [parseRun(r, i)];
    } catch {
      return [];
    }
  });
}

type SavedMessage = ChatEntry & { replayed?: boolean };

function isMessage(m: unknown): m is SavedMessage {
  const e = m as Partial<ChatEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && (e.role === 'user' || e.role === 'assistant') && typeof e.content === 'string';
}

/** Messages as saved by any version; replies saved before sources had one name said `replayed: true`
 * (or nothing, for measured ones). */
function readMessages(saved: unknown): ChatEntry[] {
  if (!Array.isArray(saved)) return [];
  return saved.filter(isMessage).map((m) => {
    if (m.role !== 'assistant' || m.source) return m;
    const { replayed, ...rest } = m;
    return { ...rest, source: replayed ? 'replayed' : 'measured' };
  });
}

/** Preferences as saved; a custom model that no longer reads as one (its config, its URLs) is dropped. */
function readPrefs(saved: Partial<PrefsSlice['prefs']>): PrefsSlice['prefs'] {
  const custom = Array.isArray(saved.customModels) ? saved.customModels : [];
  return {
    ...DEFAULT_PREFS,
    ...saved,
    customModels: custom.filter(
      (c) => typeof c?.id === 'string' && checkUrl(String(c.model), 'URL').ok && checkUrl(String(c.modelLib), 'URL').ok && isRecordLike(c.modelConfig) && customArchitecture(c) !== null,
    ),
  };
}

const isRecordLike = (v: unknown) => typeof v === 'object' && v !== null;

/** Conversations whose write IndexedDB refused (private windows): they last as long as the page. */
const unsaved = new Map<string, ChatEntry[]>();

export async function loadConversation(id: string): Promise<ChatEntry[]> {
  try {
    const saved = await get<unknown>(chatKey(id));
    if (saved !== undefined) return readMessages(saved);
  } catch {
    // Read from the page's copy below.
  }
  return unsaved.get(id) ?? [];
}

export function storeConversation(id: string, messages: ChatEntry[]): void {
  unsaved.delete(id);
  void set(chatKey(id), messages).catch(() => unsaved.set(id, messages));
}

export function forgetConversation(id: string): void {
  unsaved.delete(id);
  void del(chatKey(id)).catch(() => {});
}

/** The conversations in the index, or the one conversation an earlier version saved. */
async function readChats(saved: Saved): Promise<{ conversations: ConversationMeta[]; currentId: string; messages: ChatEntry[]; migrated: boolean } | null> {
  const list = readConversationList(saved.conversations);
  if (list.length > 0) {
    const currentId = list.find((c) => c.id === saved.currentId)?.id ?? byRecent(list)[0]!.id;
    return { conversations: list, currentId, messages: await loadConversation(currentId), migrated: false };
  }
  const messages = readMessages(saved.messages);
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
  try {
    const saved = await get<Saved>(KEY);
    if (saved) {
      const chats = await readChats(saved);
      migrated = chats?.migrated ?? false;
      setState({
        ...(chats ? { conversations: chats.conversations, currentId: chats.currentId, messages: chats.messages } : {}),
        settings: { ...DEFAULT_SETTINGS, ...saved.settings },
        runs: Array.isArray(saved.runs) ? readRuns(saved.runs) : [],
        ...(saved.prefs ? { prefs: readPrefs(saved.prefs) } : {}),
      });
    }
    setState({ rehearsal: parseRehearsal(await get(REHEARSAL_KEY)) });
  } catch {
    // Private windows may refuse IndexedDB: the app still works, it just forgets.
  }
  setState({ hydrated: true });
  // The conversation an earlier version saved moves to a key of its own, once.
  if (migrated) {
    messagesDirty = true;
    save();
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
/** Something to save that has not been written yet. */
let dirty = false;
/** The current conversation's messages are among it. */
let messagesDirty = false;

function save(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  dirty = false;
  const { messages, currentId, conversations, settings, runs, prefs } = getState();
  if (messagesDirty) storeConversation(currentId, messages);
  messagesDirty = false;
  void set(KEY, { settings, runs: runs.slice(-MAX_RUNS), prefs, conversations, currentId } satisfies Saved).catch(() => {});
}

export function startPersistence(): () => void {
  return useStore.subscribe((s, prev) => {
    if (!s.hydrated) return;
    // A switch brings in messages that are saved already (the switch flushed the ones it left).
    if (s.messages !== prev.messages && s.currentId === prev.currentId) messagesDirty = true;
    if (messagesDirty || s.conversations !== prev.conversations || s.settings !== prev.settings || s.runs !== prev.runs || s.prefs !== prev.prefs) {
      dirty = true;
    }
    // While a reply is written, the question waits to be saved with it: writing copies the whole
    // conversation, work that would otherwise compete with the frames showing the reply.
    if (dirty && !s.streaming && timer === null) timer = setTimeout(save, 300);
  });
}

/** Writes a pending change now (on page hide, before a switch), even mid-reply. With nothing
 * pending it writes nothing, so closing a tab never overwrites what another tab saved since. */
export function flushPersistence(): void {
  if (dirty) save();
}

/** Keeps a newly recorded rehearsal (one at a time: recording again replaces it). */
export function saveRehearsal(rehearsal: Rehearsal): Promise<void> {
  return set(REHEARSAL_KEY, rehearsal).catch(() => {});
}
