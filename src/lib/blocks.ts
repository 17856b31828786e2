/**
 * Splits markdown into top-level blocks at blank lines outside code fences,
 * so a streaming reply re-renders only its last block: the finished ones keep
 * their identical text and are skipped by memoisation.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let start = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (fence === null && line.trim() === '') {
      const block = text.slice(start, lineStart);
      if (block.trim() !== '') blocks.push(block);
      start = lineEnd + 1;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  const rest = text.slice(start);
  if (rest.trim() !== '') blocks.push(rest);
  return blocks;
}
