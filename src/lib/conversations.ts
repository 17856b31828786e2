/** The list of conversations: titles, ordering, and a conversation written out as Markdown. */
import { splitThinking } from './thinking';

/** A conversation as the list shows it; its messages are stored apart, under its id. */
export interface ConversationMeta {
  id: string;
  title: string;
  /** Renamed by the user: the title no longer follows the first message. */
  named: boolean;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
}

/** The part of a message the list and the export read. */
export interface ConversationMessage {
  role: 'user' | 'assistant';
  content: string;
  modelId?: string;
  source?: string;
  finishReason?: string;
}

export const UNTITLED = 'New chat';
const TITLE_CHARS = 48;

export function newConversation(id: string, now: number): ConversationMeta {
  return { id, title: UNTITLED, named: false, createdAt: now, updatedAt: now, messageCount: 0 };
}

/** The first question, on one line and cut at a word, names a conversation until the user renames it. */
export function autoTitle(messages: readonly ConversationMessage[]): string {
  const first = messages.find((m) => m.role === 'user')?.content.replace(/\s+/g, ' ').trim() ?? '';
  if (first === '') return UNTITLED;
  if (first.length <= TITLE_CHARS) return first;
  const cut = first.slice(0, TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A user's name for a conversation: one line, not empty, not a page long. */
export function cleanTitle(title: string): string | null {
  const clean = title.replace(/\s+/g, ' ').trim().slice(0, 120);
  return clean === '' ? null : clean;
}

/** The list after the conversation `id` now holds `messages`. */
export function touch(list: readonly ConversationMeta[], id: string, messages: readonly ConversationMessage[], now: number): ConversationMeta[] {
  return list.map((c) =>
    c.id !== id ? c : { ...c, messageCount: messages.length, updatedAt: now, title: c.named ? c.title : autoTitle(messages) },
  );
}

/** Most recently written first; the list's order, and the one that follows a deletion. */
export function byRecent(list: readonly ConversationMeta[]): ConversationMeta[] {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt);
}

/** An unnamed conversation with nothing in it is not worth keeping once the user moves on. */
export function isBlank(c: ConversationMeta): boolean {
  return c.messageCount === 0 && !c.named;
}

/** Entries that read as list entries; anything else in storage is dropped, not trusted. */
export function readConversationList(saved: unknown): ConversationMeta[] {
  if (!Array.isArray(saved)) return [];
  return saved.filter(
    (c): c is ConversationMeta =>
      typeof c === 'object' &&
      c !== null &&
      typeof c.id === 'string' &&
      typeof c.title === 'string' &&
      typeof c.named === 'boolean' &&
      Number.isFinite(c.createdAt) &&
      Number.isFinite(c.updatedAt) &&
      Number.isInteger(c.messageCount),
  );
}

const SOURCE_NOTE: Record<string, string> = { replayed: 'replayed, not generated on this device' };
const FINISH_NOTE: Record<string, string> = { abort: 'stopped', length: 'cut at max tokens', error: 'interrupted by an error', interrupted: 'interrupted: the page closed while it was written' };

/** A Markdown heading line can't hold a line break; a title is one line already, this keeps it so. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The conversation as a Markdown document: the title, then each message under who wrote it. A
 * reply's thinking, when it has any, sits in a quote above its answer. */
export function conversationMarkdown(meta: ConversationMeta, messages: readonly ConversationMessage[], exportedAt: Date): string {
  const lines = [`# ${oneLine(meta.title)}`, '', `_Exported ${exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${messages.length} messages_`];
  for (const m of messages) {
    if (m.role === 'user') {
      lines.push('', '## You', '', m.content.trim());
      continue;
    }
    const notes = [m.source && SOURCE_NOTE[m.source], m.finishReason && FINISH_NOTE[m.finishReason]].filter(Boolean);
    lines.push('', `## ${m.modelId ?? 'Model'}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`, '');
    const { thinking, answer } = splitThinking(m.content);
    if (thinking) lines.push(thinking.split('\n').map((l) => `> ${l}`.trimEnd()).join('\n'), '');
    lines.push(answer.trim() === '' ? '_(no text)_' : answer.trim());
  }
  return `${lines.join('\n')}\n`;
}

/** A file name from a title: letters, digits and dashes only, never empty. */
export function markdownFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${slug === '' ? 'conversation' : slug}.md`;
}
