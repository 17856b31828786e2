/**
 * Draws an assistant reply into the DOM, whether it streams in or arrives whole: the thinking
 * block (collapsed, plain text) and then the answer as markdown blocks, in groups. Fed a stream,
 * each update costs what arrived since the last one: a finished block is rendered once, and the
 * block still being written is re-rendered as markdown at most every TAIL_RENDER_MS; text
 * arriving in between is appended as plain text and formatted at the next render. Plain prose,
 * which looks the same either way, is not formatted until its block ends. Once the reply is
 * done, every block shows exactly the markup renderMarkdown gives it.
 * All markup comes from renderMarkdown, which escapes and sanitises; the rest is text nodes.
 */
import { BLOCKS_PER_GROUP, BlockSplitter } from '../../lib/blocks';
import { plainParagraph, renderMarkdown } from '../../lib/markdown';
import { CLOSE_MARKER, OPEN_MARKER, splitThinking } from '../../lib/thinking';
import { appendPlainText } from './plain-append';

export const TAIL_RENDER_MS = 100;
const PAUSE_MS = 250;

/**
 * A finished block into the element that showed it (if any) while it was written: plain prose as
 * a paragraph of text, the rest as sanitised markup. Either way the element ends with the markup
 * renderMarkdown gives the block; plain prose gets there without parsing anything and, when the
 * element already holds the start of that paragraph, without replacing what it shows.
 */
function writeBlock(el: HTMLElement, block: string): void {
  const text = plainParagraph(block);
  if (text === null) {
    el.innerHTML = renderMarkdown(block);
    return;
  }
  const shown = el.childNodes.length === 1 && el.firstChild instanceof HTMLParagraphElement ? el.firstChild : null;
  const soFar = shown?.textContent ?? '';
  if (shown && text.startsWith(soFar)) {
    if (text.length > soFar.length) shown.append(text.slice(soFar.length));
    el.append('\n');
    return;
  }
  const p = document.createElement('p');
  p.textContent = text;
  el.replaceChildren(p, '\n');
}

const element = (tag: string, className: string): HTMLElement => {
  const el = document.createElement(tag);
  el.className = className;
  return el;
};

interface ThinkingView {
  summary: HTMLElement;
  body: HTMLElement;
  label: string;
  /** The text last set, or null once batches were appended to it. */
  text: string | null;
}

export class ReplyWriter {
  private readonly cursor = element('span', 'cursor');
  private thinking: ThinkingView | null = null;
  private readonly blocks = element('div', 'markdown-blocks');
  private group: HTMLElement | null = null;
  /** `.markdown` elements written, the tail included. */
  private slots = 0;
  private tail: HTMLElement | null = null;
  /** The tail's text; `tailPlain` when part of it is still unformatted. */
  private tailText = '';
  private tailPlain = false;
  /** How much of tailText the DOM shows: markdown drops a block's trailing whitespace (a newline
   * in a code block matters), so plain text goes on from there. */
  private tailShown = 0;
  private tailRenderedAt = Number.NEGATIVE_INFINITY;
  private tailTimer: ReturnType<typeof setTimeout> | null = null;
  private splitter = new BlockSplitter();
  /** Where the answer starts in the reply, and how much of it was written (the answer is always
   * the reply's end: see splitThinking). Offsets, not text: the reply's text is its stream's. */
  private answerStart = 0;
  private answerLength = 0;
  /** The reply's last characters (a marker can straddle two batches). */
  private rawEnd = '';
  /** What a streamed batch extends once the reply's shape is settled: the thinking while it is
   * open, or an answer already begun. Null while it is not (then each batch re-reads the reply). */
  private grows: 'thinking' | 'answer' | null = null;

  constructor(private readonly root: HTMLElement) {
    this.cursor.setAttribute('aria-label', 'waiting for the first token');
    root.append(this.cursor);
  }

  /**
   * Takes the text that extends the reply (a streamed batch) and the reply so far, which it
   * reads only when it must. Costs what arrived: the reply is not scanned again (at 30 batches
   * a second, re-reading a long reply each time made the engine copy it each time), unless the
   * batch holds a thinking marker or the shape is unsettled.
   */
  append(delta: string, whole: string): void {
    if (delta === '') return;
    const around = this.rawEnd + delta;
    this.rawEnd = around.slice(-(CLOSE_MARKER.length - 1));
    if (this.grows === null || around.includes(OPEN_MARKER) || around.includes(CLOSE_MARKER)) {
      this.update(whole);
    } else if (this.grows === 'thinking') {
      this.thinking!.body.append(delta);
      this.thinking!.text = null; // no longer the text last set: the next update sets it anew
    } else {
      this.answerLength += delta.length;
      this.writeAnswer(delta, false);
    }
  }

  /** Takes the whole reply so far; `done` once it is complete (everything is then formatted). */
  update(text: string, done = false): void {
    this.rawEnd = text.slice(-(CLOSE_MARKER.length - 1));
    const { thinking, thinkingOpen, answer } = splitThinking(text);
    if (thinking !== null) this.writeThinking(thinking, thinkingOpen && !done);
    // The answer only grows, except when a late </think> turns what was shown as answer into thinking.
    const start = text.length - answer.length;
    if (this.answerLength > 0 && start !== this.answerStart) this.clearAnswer();
    const delta = answer.slice(this.answerLength);
    this.answerStart = start;
    this.answerLength = answer.length;
    if (answer !== '') this.writeAnswer(delta, done);
    this.grows = done ? null : thinkingOpen ? 'thinking' : answer !== '' ? 'answer' : null;
    const hidden = done || thinking !== null || answer !== '';
    // Written only when it changes: an attribute write per frame is work for nothing.
    if (this.cursor.hidden !== hidden) this.cursor.hidden = hidden;
  }

  /** Stops the pending formatting timer (the element is going away). */
  dispose(): void {
    this.releaseTail();
  }

  /** Forgets the block being written (its element, if any, stays as it is) and its formatting timer. */
  private releaseTail(): void {
    if (this.tailTimer !== null) clearTimeout(this.tailTimer);
    this.tailTimer = null;
    this.tail = null;
    this.tailText = '';
    this.tailPlain = false;
  }

  private writeThinking(text: string, open: boolean): void {
    if (!this.thinking) {
      const details = element('details', 'thinking');
      details.dataset.testid = 'thinking';
      const view = { summary: element('summary', ''), body: element('div', 'thinking-body'), label: '', text: '' };
      details.append(view.summary, view.body);
      this.root.prepend(details);
      this.thinking = view;
    }
    const view = this.thinking;
    const label = open ? 'Thinking…' : 'Thought process';
    if (view.label !== label) view.summary.textContent = label;
    // Plain text, never markup; the body is collapsed unless the reader opens it.
    if (view.text !== text) view.body.textContent = text;
    view.label = label;
    view.text = text;
  }

  /** `delta`: what the answer gained since the last call. */
  private writeAnswer(delta: string, done: boolean): void {
    if (!this.blocks.isConnected) this.root.insertBefore(this.blocks, this.cursor);
    const added = this.splitter.append(delta);
    const finished = this.splitter.blocks;
    for (let i = finished.length - added; i < finished.length; i++) {
      // The element that showed a block while it was written now shows it finished.
      writeBlock(this.tail ?? this.newSlot(), finished[i]!);
      this.releaseTail();
    }
    this.writeTail(this.splitter.tail, done);
  }

  private writeTail(text: string, done: boolean): void {
    if (text === this.tailText && !(done && this.tailPlain)) return;
    if (text === '') {
      if (this.tail) {
        this.tail.remove();
        this.slots--;
      }
      this.releaseTail();
      return;
    }
    // Plain prose looks the same formatted or not: it waits for the block's end (or for markup).
    // (Trailing spaces only matter once a line break follows them, and that is checked then.)
    const plain = !done && plainParagraph(text.trimEnd()) !== null;
    const throttled = plain || (!done && performance.now() - this.tailRenderedAt < TAIL_RENDER_MS);
    // A block just begun, or one that grew, shows as plain text until the next render is due.
    if (throttled && (this.tail === null || text.startsWith(this.tailText))) {
      if (this.tail === null) {
        this.tail = this.newSlot();
        // Plain prose goes in the paragraph it will end as, so that its end adds to it (writeBlock).
        if (plain) this.tail.append(document.createElement('p'));
        this.tailShown = 0;
      }
      appendPlainText(this.tail, text.slice(this.tailShown));
      this.tailText = text;
      this.tailShown = text.length;
      this.tailPlain = true;
      // Formatting happens with the next update at least TAIL_RENDER_MS after the last; this
      // timer only covers a pause in the stream (firing at other times, it would cost a frame).
      if (!plain) this.tailTimer ??= setTimeout(() => requestAnimationFrame(() => this.formatTail()), PAUSE_MS);
      return;
    }
    this.tail ??= this.newSlot();
    this.tailText = text;
    this.formatTail();
  }

  private formatTail(): void {
    if (this.tailTimer !== null) clearTimeout(this.tailTimer);
    this.tailTimer = null;
    if (!this.tail) return;
    this.tail.innerHTML = renderMarkdown(this.tailText, { cache: false });
    this.tailShown = this.tailText.trimEnd().length;
    this.tailPlain = false;
    this.tailRenderedAt = performance.now();
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
    this.answerLength = 0;
    this.releaseTail();
    this.blocks.replaceChildren();
    this.blocks.remove();
    this.group = null;
    this.slots = 0;
    this.splitter = new BlockSplitter();
  }
}

const SAMPLE = '<think>warm</think>Some **bold**, `code`, a [link](https://example.com).\n\n- one\n- two\n\n```ts\nconst a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |';

/** Runs the markdown parser, the sanitiser and the writer once on a detached element, so that the
 * first reply's first frames do not pay for compiling them (about 20 ms of script on a slow machine). */
export function warmUpReplyWriter(): void {
  const writer = new ReplyWriter(document.createElement('div'));
  for (let i = 0; i < SAMPLE.length; i += 24) writer.append(SAMPLE.slice(i, i + 24), SAMPLE.slice(0, i + 24));
  writer.update(SAMPLE, true);
  writer.dispose();
}
