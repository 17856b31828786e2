/**
 * Keeps the conversation, settings and runs in IndexedDB so they survive a
 * reload. Writes are debounced and skip the fast-changing streaming state.
 */
import { get, set } from 'idb-keyval';
import { parseRun, type Run } from '../shared/runs';
import { DEFAULT_PREFS, DEFAULT_SETTINGS, getState, setState, useStore } from './store';
import type { ChatEntry, PrefsSlice } from './types';

const KEY = 'qwen-webgpu:v1';
const MAX_RUNS = 200;

interface Saved {
  messages: ChatEntry[];
  settings: typeof DEFAULT_SETTINGS;
  runs: Run[];
  prefs?: Partial<PrefsSlice['prefs']>;
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

/** Replies saved before sources had one name said `replayed: true` (or nothing, for measured ones). */
function readMessage(m: ChatEntry & { replayed?: boolean }): ChatEntry {
  if (m.role !== 'assistant' || m.source) return m;
  const { replayed, ...rest } = m;
  return { ...rest, source: replayed ? 'replayed' : 'measured' };
}

export async function hydrate(): Promise<void> {
  try {
    const saved = await get<Saved>(KEY);
    if (saved) {
      setState({
        messages: Array.isArray(saved.messages) ? saved.messages.map(readMessage) : [],
        settings: { ...DEFAULT_SETTINGS, ...saved.settings },
        runs: Array.isArray(saved.runs) ? readRuns(saved.runs) : [],
        ...(saved.prefs ? { prefs: { ...DEFAULT_PREFS, ...saved.prefs } } : {}),
      });
    }
  } catch {
    // Private windows may refuse IndexedDB: the app still works, it just forgets.
  }
  setState({ hydrated: true });
}

let timer: ReturnType<typeof setTimeout> | null = null;
/** Something to save that has not been written yet. */
let dirty = false;

function save(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  dirty = false;
  const { messages, settings, runs, prefs } = getState();
  void set(KEY, { messages, settings, runs: runs.slice(-MAX_RUNS), prefs } satisfies Saved).catch(() => {});
}

export function startPersistence(): () => void {
  return useStore.subscribe((s, prev) => {
    if (!s.hydrated) return;
    if (s.messages !== prev.messages || s.settings !== prev.settings || s.runs !== prev.runs || s.prefs !== prev.prefs) dirty = true;
    // While a reply is written, the question waits to be saved with it: writing copies the whole
    // conversation, work that would otherwise compete with the frames showing the reply.
    if (dirty && !s.streaming && timer === null) timer = setTimeout(save, 300);
  });
}

/** Writes a pending change now (on page hide), even mid-reply. With nothing pending it writes
 * nothing, so closing a tab never overwrites what another tab saved since. */
export function flushPersistence(): void {
  if (dirty) save();
}
