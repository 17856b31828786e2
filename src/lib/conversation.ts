import { historyText } from './thinking';
import type { ChatMessage } from '../shared/protocol';

export interface HistoryEntry {
  id?: string;
  role: 'user' | 'assistant';
  content: string;
}

/** The messages for the engine, each with the id of the chat entry it comes from (null: the system prompt). */
export function requestMessages(systemPrompt: string, history: readonly HistoryEntry[]): { messages: ChatMessage[]; ids: Array<string | null> } {
  const messages: ChatMessage[] = [];
  const ids: Array<string | null> = [];
  if (systemPrompt.trim() !== '') {
    messages.push({ role: 'system', content: systemPrompt });
    ids.push(null);
  }
  for (const m of history) {
    const content = m.role === 'assistant' ? historyText(m.content) : m.content;
    // An empty assistant turn (stopped before its first token) would confuse the chat template.
    if (m.role === 'assistant' && content.trim() === '') continue;
    messages.push({ role: m.role, content });
    ids.push(m.id ?? null);
  }
  return { messages, ids };
}

/** The messages sent to the engine: system prompt, then the history with past thinking removed. */
export function buildRequestMessages(systemPrompt: string, history: readonly HistoryEntry[]): ChatMessage[] {
  return requestMessages(systemPrompt, history).messages;
}
