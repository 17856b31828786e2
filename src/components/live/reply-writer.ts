/**
 * Writes the reply being streamed straight into the DOM, in the same structure
 * ReplyBody renders for a finished reply. Each update costs what arrived since
 * the last one: new finished blocks are rendered once, and only the block still
 * being written is rendered again. (Re-rendering the whole reply through React
 * on every frame was most of the main thread's script time while streaming.)
 * All HTML comes from renderMarkdown, which escapes and sanitises.
 */
import { BLOCKS_PER_GROUP, BlockSplitter } from '../../lib/blocks';
import { renderMarkdown } from '../../lib/markdown';
import { splitThinking } from '../../lib/thinking';

const element = (tag: string, className: string): HTMLElement => {
  const el = document.createElement(tag);
  el.className = className;
  return el;
};

interface ThinkingView {
  summary: HTMLElement;
  body: HTMLElement;
  open: boolean | null;
  text: string;
}

export class ReplyWriter {
  private readonly cursor = element('span', 'cursor');
  private thinking: ThinkingView | null = null;
  private readonly blocks = element('div', 'markdown-blocks');
  private group: HTMLElement | null = null;
  /** `.markdown` elements written, the tail included. */
  private slots = 0;
  private tail: HTMLElement | null = null;
  private tailText = '';
  private splitter = new BlockSplitter();
  private answer = '';

  constructor(private readonly root: HTMLElement) {
    this.cursor.setAttribute('aria-label', 'waiting for the first token');
    root.append(this.cursor);
  }

  /** Takes the whole reply so far. */
  update(text: string): void {
    const { thinking, thinkingOpen, answer } = splitThinking(text);
    if (thinking !== null) this.writeThinking(thinking, thinkingOpen);
    // The answer only grows, except when a late </think> turns what was shown as answer into thinking.
    if (!answer.startsWith(this.answer)) this.clearAnswer();
    this.answer = answer;
    if (answer !== '') this.writeAnswer(answer);
    this.cursor.hidden = thinking !== null || answer !== '';
  }

  private writeThinking(text: string, open: boolean): void {
    if (!this.thinking) {
      const details = element('details', 'thinking');
      details.dataset.testid = 'thinking';
      const view = { summary: element('summary', ''), body: element('div', 'thinking-body'), open: null, text: '' };
      details.append(view.summary, view.body);
      this.root.prepend(details);
      this.thinking = view;
    }
    const view = this.thinking;
    if (view.open !== open) view.summary.textContent = open ? 'Thinking…' : 'Thought process';
    // Plain text, never markup; the body is collapsed unless the reader opens it.
    if (view.text !== text) view.body.textContent = text;
    view.open = open;
    view.text = text;
  }

  private writeAnswer(answer: string): void {
    if (!this.blocks.isConnected) this.root.insertBefore(this.blocks, this.cursor);
    const added = this.splitter.push(answer);
    const done = this.splitter.blocks;
    for (let i = done.length - added; i < done.length; i++) {
      // The element that showed a block while it was written now shows it finished.
      const el = this.tail ?? this.newSlot();
      el.innerHTML = renderMarkdown(done[i]!);
      this.tail = null;
      this.tailText = '';
    }
    this.writeTail(this.splitter.tail);
  }

  private writeTail(text: string): void {
    if (text === this.tailText) return;
    this.tailText = text;
    if (text === '') {
      this.tail?.remove();
      if (this.tail) this.slots--;
      this.tail = null;
      return;
    }
    this.tail ??= this.newSlot();
    this.tail.innerHTML = renderMarkdown(text, { cache: false });
  }

  private newSlot(): HTMLElement {
    if (!this.group || this.slots % BLOCKS_PER_GROUP === 0) {
      this.group = element('div', 'block-group');
      this.blocks.append(this.group);
    }
    const el = element('div', 'markdown');
    this.group.append(el);
    this.slots++;
    return el;
  }

  private clearAnswer(): void {
    this.blocks.replaceChildren();
    this.blocks.remove();
    this.group = null;
    this.slots = 0;
    this.tail = null;
    this.tailText = '';
    this.splitter = new BlockSplitter();
  }
}
