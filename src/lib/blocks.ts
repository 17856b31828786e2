/**
 * Splits markdown into top-level blocks at blank lines outside code fences,
 * so a streaming reply re-renders only its last block: the finished ones keep
 * their identical text and are rendered once.
 */

/** Blocks per group: a group re-renders (and is laid out) only when one of its blocks changes. */
export const BLOCKS_PER_GROUP = 16;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The splitter for a text that only grows (a reply being written). It is fed the text
 * that arrived and keeps only what follows the last finished block, so each call costs
 * what arrived, not the whole reply so far. A block is finished at the first blank line
 * after it; the last, unfinished one is the tail.
 */
export class BlockSplitter {
  /** Every finished block so far, in order; earlier entries never change. */
  readonly blocks: string[] = [];
  /** The text after the last finished block. */
  private rest = '';
  /** Start, in `rest`, of the first line not scanned yet (only whole lines are scanned). */
  private lineStart = 0;
  private blockStart = 0;
  private fence: string | null = null;

  /** Takes the text that extends what it was given so far. Returns how many blocks it finished. */
  append(delta: string): number {
    if (delta === '') return 0;
    this.rest += delta;
    const before = this.blocks.length;
    const text = this.rest;
    for (let newline = text.indexOf('\n', this.lineStart); newline !== -1; newline = text.indexOf('\n', this.lineStart)) {
      this.scanLine(text, newline);
      this.lineStart = newline + 1;
    }
    if (this.blockStart > 0) {
      this.rest = text.slice(this.blockStart);
      this.lineStart -= this.blockStart;
      this.blockStart = 0;
    }
    return this.blocks.length - before;
  }

  /** The unfinished last block, or '' when there is none yet. */
  get tail(): string {
    return this.rest.trim() === '' ? '' : this.rest;
  }

  private scanLine(text: string, lineEnd: number): void {
    const line = text.slice(this.lineStart, lineEnd);
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      if (this.fence === null) this.fence = marker;
      else if (marker[0] === this.fence[0] && marker.length >= this.fence.length) this.fence = null;
    } else if (this.fence === null && line.trim() === '') {
      const block = text.slice(this.blockStart, this.lineStart);
      if (block.trim() !== '') this.blocks.push(block);
      this.blockStart = lineEnd + 1;
    }
  }
}
