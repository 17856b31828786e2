import type { ChatMessage } from '../shared/protocol';

/**
 * Rough token count of a conversation, for figures labelled as estimates and
 * the replay engine's context check: Qwen's tokenizer averages about 4
 * characters a token in English, plus a few template tokens per message.
 */
export const estimateTokens = (messages: readonly ChatMessage[]) =>
  Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4) + 4 * messages.length;
