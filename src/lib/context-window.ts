/**
 * What of a conversation is sent when it outgrows the model's context window. The system prompt
 * always goes, and the new message; older turns are left out oldest first, whole messages only,
 * and what is sent starts with a user message (chat templates expect one). Token counts are
 * estimates from characters, calibrated per model by web-llm's real `prompt_tokens` when a
 * measured reply reports them.
 */
import type { ChatMessage } from '../shared/protocol';

/** rolling: leave out the oldest turns; stop: refuse to send, as the model itself would. */
export type OverflowPolicy = 'rolling' | 'stop';

/** Qwen's tokenizer averages about 4 characters a token in English; fewer in Chinese or code. */
export const DEFAULT_CHARS_PER_TOKEN = 4;
/** The chat template's tokens around each message (role markers, separators). */
export const TEMPLATE_TOKENS = 4;

export function tokensOf(messages: readonly ChatMessage[], charsPerToken = DEFAULT_CHARS_PER_TOKEN): number {
  return Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / charsPerToken) + TEMPLATE_TOKENS * messages.length;
}

export type Fit =
  | { ok: true; messages: ChatMessage[]; tokens: number; /** History messages left out (the system prompt and new message never are). */ dropped: number }
  | { ok: false; reason: 'prompt-too-long' | 'conversation-too-long'; tokens: number };

/**
 * `messages`: the system prompt (if any) first, the new message last. `budget`: the tokens the
 * prompt may take, i.e. the context window less the reply's max tokens.
 */
export function fitConversation(messages: readonly ChatMessage[], budget: number, policy: OverflowPolicy, charsPerToken = DEFAULT_CHARS_PER_TOKEN): Fit {
  const all = tokensOf(messages, charsPerToken);
  if (all <= budget) return { ok: true, messages: [...messages], tokens: all, dropped: 0 };
  const system = messages[0]?.role === 'system' ? [messages[0]] : [];
  const last = messages.at(-1)!;
  const history = messages.slice(system.length, -1);
  const fixed = tokensOf([...system, last], charsPerToken);
  if (fixed > budget) return { ok: false, reason: 'prompt-too-long', tokens: fixed };
  if (policy === 'stop') return { ok: false, reason: 'conversation-too-long', tokens: all };
  // Newest first, whole messages, while they fit.
  let start = history.length;
  let used = fixed;
  while (start > 0) {
    const cost = tokensOf([history[start - 1]!], charsPerToken);
    if (used + cost > budget) break;
    used += cost;
    start--;
  }
  // What is sent after the system prompt starts with a user message.
  while (start < history.length && history[start]!.role !== 'user') {
    used -= tokensOf([history[start]!], charsPerToken);
    start++;
  }
  return { ok: true, messages: [...system, ...history.slice(start), last], tokens: used, dropped: start };
}

/**
 * Characters per token from a measured reply: the prompt's characters against web-llm's count of
 * its tokens (template tokens taken out). Null when the figures cannot say (tiny prompts).
 */
export function calibrate(messages: readonly ChatMessage[], promptTokens: number): number | null {
  const chars = messages.reduce((n, m) => n + m.content.length, 0);
  const contentTokens = promptTokens - TEMPLATE_TOKENS * messages.length;
  if (chars < 200 || contentTokens <= 0) return null;
  const ratio = chars / contentTokens;
  // Outside this range the count is not of this text (a cached prefix, a different template).
  return ratio >= 0.5 && ratio <= 10 ? ratio : null;
}
