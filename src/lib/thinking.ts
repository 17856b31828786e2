/** Splits a Qwen3 / R1 reply into its thinking block and the answer. */
export interface SplitReply {
  thinking: string | null;
  /** True while the model is still inside <think> (no closing tag yet). */
  thinkingOpen: boolean;
  answer: string;
}

export const OPEN_MARKER = '<think>';
export const CLOSE_MARKER = '</think>';

export function splitThinking(text: string): SplitReply {
  const start = text.indexOf(OPEN_MARKER);
  const end = text.indexOf(CLOSE_MARKER);
  // R1-Distill templates put <think> in the prompt, so the reply can start mid-thought with only </think>.
  if (start === -1 && end !== -1) {
    return { thinking: text.slice(0, end).trim(), thinkingOpen: false, answer: text.slice(end + CLOSE_MARKER.length).trimStart() };
  }
  if (start === -1 || text.slice(0, start).trim() !== '') {
    return { thinking: null, thinkingOpen: false, answer: text };
  }
  const body = text.slice(start + OPEN_MARKER.length);
  const close = body.indexOf(CLOSE_MARKER);
  if (close === -1) return { thinking: body.trim(), thinkingOpen: true, answer: '' };
  const thinking = body.slice(0, close).trim();
  return { thinking: thinking === '' ? null : thinking, thinkingOpen: false, answer: body.slice(close + CLOSE_MARKER.length).trimStart() };
}

/** The text to send back to the model as history: Qwen3's template expects past thinking removed. */
export function historyText(text: string): string {
  return splitThinking(text).answer;
}
