import { historyText } from './thinking';
import type { ChatMessage } from '../shared/protocol';

export interface HistoryEntry {
  role: 'user' | 'assistant';
  content: string;
}

/** The messages sent to the engine: system prompt, then the history with past thinking removed. */
export function buildRequestMessages(systemPrompt: string, history: readonly HistoryEntry[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  if (systemPrompt.trim() !== '') out.push({ role: 'system', content: systemPrompt });
  for (const m of history) {
    const content = m.role === 'assistant' ? historyText(m.content) : m.content;
    // An empty assistant turn (stopped before its first token) would confuse the chat template.
    if (m.role === 'assistant' && content.trim() === '') continue;
    out.push({ role: m.role, content });
  }
  return out;
}
