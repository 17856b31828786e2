// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCKS_PER_GROUP } from '../../src/lib/blocks';
import { renderMarkdown } from '../../src/lib/markdown';
import { appendPlainText } from '../../src/components/reply/plain-append';
import { ReplyWriter, TAIL_RENDER_MS } from '../../src/components/reply/reply-writer';

/** The markdown renderer's output for the whole answer at once, as the DOM serialises it. */
function rendered(answer: string): string {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(answer);
  return div.innerHTML;
}

/** The answer as the writer shows it, its block and group wrappers taken away. */
const answerMarkup = (root: HTMLElement) =>
  [...root.querySelectorAll('.markdown-blocks > .block-group > .markdown')].map((el) => el.innerHTML).join('');

/** Feeds a writer batches as a reply stream does: each batch with the reply so far. */
function streamTo(writer: ReplyWriter) {
  let whole = '';
  return (delta: string) => {
    whole += delta;
    writer.append(delta, whole);
  };
}

const reply = [
  'Intro with **bold** and `code`.',
  '```ts\nconst a = 1;\n\nconst b = a < 2;\n```',
  '- one\n- two\n- three',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  ...Array.from({ length: 20 }, (_, i) => `Paragraph ${i} with a [link](https://example.com/${i}).`),
  ...Array.from({ length: 6 }, (_, i) => `Plain prose ${i}: "quoted", it's (mostly) plain.\nA second line.`),
  'Last line <script>alert(1)</script>',
].join('\n\n');

/** A writer on a fresh, detached element. */
function writerOnDiv() {
  const root = document.createElement('div');
  return { root, writer: new ReplyWriter(root) };
}

describe('ReplyWriter', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame'] }));
  afterEach(() => vi.useRealTimers());

  it("given a finished reply whole, shows the markdown renderer's markup, in groups of blocks", () => {
    const { root, writer } = writerOnDiv();
    writer.update(reply, true);
    expect(answerMarkup(root)).toBe(rendered(reply));
    expect(root.querySelector('script')).toBeNull();
    const groups = [...root.querySelectorAll('.block-group')].map((g) => g.children.length);
    expect(groups).toEqual([BLOCKS_PER_GROUP, 31 - BLOCKS_PER_GROUP]);
    expect((root.querySelector('.cursor') as HTMLElement).hidden).toBe(true);
  });

  it('streamed in small pieces, ends with exactly the DOM of the reply given whole', () => {
    const whole = writerOnDiv();
    whole.writer.update(reply, true);
    const { root, writer } = writerOnDiv();
    for (let i = 1; i <= reply.length; i += 5) {
      writer.update(reply.slice(0, i));
      vi.advanceTimersByTime(7);
    }
    writer.update(reply, true);
    expect(root.innerHTML).toBe(whole.root.innerHTML);
  });

  it('fed batches as they arrive (append), in pieces of any size, ends with exactly the same DOM', () => {
    const whole = writerOnDiv();
    whole.writer.update(reply, true);
    for (const step of [1, 5, 23, 400]) {
      const { root, writer } = writerOnDiv();
      const send = streamTo(writer);
      for (let i = 0; i < reply.length; i += step) {
        send(reply.slice(i, i + step));
        vi.advanceTimersByTime(7);
      }
      writer.update(reply, true);
      expect(root.innerHTML, `step ${step}`).toBe(whole.root.innerHTML);
    }
  });

  it('follows a thinking block fed in batches, its markers split between batches', () => {
    const text = '<think>\nLet me see, step by step.\n</think>\n\nThe answer is **4**.\n\nPlain end.';
    const { root, writer } = writerOnDiv();
    const send = streamTo(writer);
    for (let i = 0; i < text.length; i += 3) {
      send(text.slice(i, i + 3));
      if (i === 18) {
        expect(root.querySelector('summary')?.textContent).toBe('Thinking…');
        expect(root.querySelector('.thinking-body')?.textContent).toContain('Let me see');
        expect(root.querySelector('.markdown-blocks')).toBeNull();
      }
    }
    expect(root.querySelector('summary')?.textContent).toBe('Thought process');
    writer.update(text, true);
    expect(root.querySelector('.thinking-body')?.textContent).toBe('Let me see, step by step.');
    expect(answerMarkup(root)).toBe(rendered('The answer is **4**.\n\nPlain end.'));
    const whole = writerOnDiv();
    whole.writer.update(text, true);
    expect(root.innerHTML).toBe(whole.root.innerHTML);
  });

  it('moves text to the thinking block when a late </think> arrives in two batches', () => {
    const { root, writer } = writerOnDiv();
    const send = streamTo(writer);
    send('pondering ');
    send('more</thi');
    expect(root.querySelector('.markdown-blocks')?.textContent).toContain('pondering more');
    send('nk>Answer');
    expect(root.querySelector('.thinking-body')?.textContent).toBe('pondering more');
    expect(root.querySelector('.markdown-blocks')?.textContent).toBe('Answer');
  });

  it('shows text that arrives between renders as plain text, then formats it', () => {
    const { root, writer } = writerOnDiv();
    writer.update('Hello **wor');
    vi.advanceTimersByTime(10);
    writer.update('Hello **world** and <b>x</b>');
    const tail = root.querySelector('.markdown')!;
    expect(tail.textContent).toContain('world** and <b>x</b>');
    expect(tail.querySelector('b, strong')).toBeNull();
    vi.advanceTimersByTime(TAIL_RENDER_MS);
    writer.update('Hello **world** and <b>x</b>!');
    expect(tail.querySelector('strong')?.textContent).toBe('world');
    expect(tail.querySelector('b')).toBeNull();
    expect(tail.textContent).toContain('<b>x</b>');
  });

  it('shows a block just begun as plain text too, until a render is due', () => {
    const { root, writer } = writerOnDiv();
    writer.update('First *a*');
    writer.update('First *a*.\n\n**Second');
    expect(root.querySelector('.markdown')!.innerHTML).toBe('<p>First <em>a</em>.</p>\n');
    const second = root.querySelectorAll('.markdown')[1]!;
    expect(second.innerHTML).toBe('**Second');
    vi.advanceTimersByTime(TAIL_RENDER_MS);
    writer.update('First *a*.\n\n**Second**');
    expect(second.querySelector('strong')?.textContent).toBe('Second');
  });

  it('leaves plain prose unformatted while it is written, and formats it when it ends or gains markup', () => {
    const { root, writer } = writerOnDiv();
    writer.update('Plain words');
    vi.advanceTimersByTime(TAIL_RENDER_MS);
    writer.update('Plain words, more words');
    vi.advanceTimersByTime(1000);
    const first = root.querySelector('.markdown')!;
    // Not yet the finished markup (that ends with a newline), and not parsed: one text node per update.
    expect(first.innerHTML).toBe('<p>Plain words, more words</p>');
    const paragraph = first.firstChild!;
    expect(paragraph.childNodes).toHaveLength(2);
    writer.update('Plain words, more words.\n\nThen **bold');
    expect(first.innerHTML).toBe('<p>Plain words, more words.</p>\n');
    // Its end was added to the paragraph on screen, not written anew.
    expect(first.firstChild).toBe(paragraph);
    expect(root.querySelectorAll('.markdown')[1]!.innerHTML).toBe('<p>Then **bold</p>\n');
  });

  it('formats text left plain when the stream pauses', () => {
    const { root, writer } = writerOnDiv();
    writer.update('Hello **wor');
    writer.update('Hello **world**');
    expect(root.querySelector('strong')).toBeNull();
    vi.advanceTimersByTime(300);
    expect(root.querySelector('strong')?.textContent).toBe('world');
  });

  it('keeps the line breaks of a code block written between renders', () => {
    const { root, writer } = writerOnDiv();
    writer.update('```py\nx = 1\n');
    writer.update('```py\nx = 1\ny = 2');
    expect(root.querySelector('code')?.textContent).toBe('x = 1\ny = 2');
  });

  it('waits with a cursor, then keeps the thinking apart and collapsed', () => {
    const { root, writer } = writerOnDiv();
    writer.update('');
    expect((root.querySelector('.cursor') as HTMLElement).hidden).toBe(false);
    writer.update('<think>Let me see');
    expect(root.querySelector('summary')?.textContent).toBe('Thinking…');
    expect(root.querySelector('.thinking-body')?.textContent).toBe('Let me see');
    writer.update('<think>Let me see.</think>\n\nThe answer <em>is</em> 4.', true);
    expect(root.querySelector('summary')?.textContent).toBe('Thought process');
    expect(root.querySelector('details')?.open).toBe(false);
    expect(root.querySelector('.markdown')?.textContent).toBe('The answer <em>is</em> 4.\n');
  });

  it('moves text to the thinking block when a late </think> shows it was thinking', () => {
    const { root, writer } = writerOnDiv();
    writer.update('pondering');
    writer.update('pondering</think>Answer', true);
    expect(root.querySelector('.thinking-body')?.textContent).toBe('pondering');
    expect(root.querySelector('.markdown-blocks')?.textContent).toBe('Answer\n');
  });
});

describe('appendPlainText', () => {
  const html = (markup: string) => {
    const div = document.createElement('div');
    div.innerHTML = markup;
    return div;
  };

  it('appends inside the last paragraph, not inside a trailing bold', () => {
    const div = html('<p>a <strong>b</strong></p>\n');
    appendPlainText(div, ' c');
    expect(div.innerHTML).toBe('<p>a <strong>b</strong> c</p>\n');
  });

  it('appends inside a code block and a list item, as text', () => {
    const code = html(renderMarkdown('```\nx = 1\n'));
    appendPlainText(code, '\ny = <2>');
    expect(code.querySelector('code')?.textContent).toBe('x = 1\ny = <2>');
    const list = html(renderMarkdown('- a\n- b'));
    appendPlainText(list, 'c');
    expect(list.querySelectorAll('li')[1]?.textContent).toBe('bc');
  });
});
