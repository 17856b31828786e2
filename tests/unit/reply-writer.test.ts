// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCKS_PER_GROUP, splitBlocks } from '../../src/lib/blocks';
import { renderMarkdown } from '../../src/lib/markdown';
import { appendPlainText } from '../../src/components/live/plain-append';
import { ReplyWriter, TAIL_RENDER_MS } from '../../src/components/live/reply-writer';

/** What ReplyBody renders for a finished answer: blocks in groups. */
function finishedMarkup(answer: string): string {
  const blocks = splitBlocks(answer);
  let html = '';
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_GROUP) {
    const group = blocks.slice(i, i + BLOCKS_PER_GROUP).map((b) => `<div class="markdown">${renderMarkdown(b)}</div>`);
    html += `<div class="block-group">${group.join('')}</div>`;
  }
  return html;
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

  it('streamed in small pieces, ends with exactly the markup of the finished reply', () => {
    const { root, writer } = writerOnDiv();
    for (let i = 1; i <= reply.length; i += 5) {
      writer.update(reply.slice(0, i));
      vi.advanceTimersByTime(7);
    }
    writer.update(reply, true);
    expect(root.querySelector('.markdown-blocks')!.innerHTML).toBe(finishedMarkup(reply));
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelectorAll('.block-group')).toHaveLength(2);
    expect((root.querySelector('.cursor') as HTMLElement).hidden).toBe(true);
  });

  it('fed batches as they arrive (append), in pieces of any size, ends with exactly the same markup', () => {
    for (const step of [1, 5, 23, 400]) {
      const { root, writer } = writerOnDiv();
      for (let i = 0; i < reply.length; i += step) {
        writer.append(reply.slice(i, i + step));
        vi.advanceTimersByTime(7);
      }
      writer.update(reply, true);
      expect(root.querySelector('.markdown-blocks')!.innerHTML, `step ${step}`).toBe(finishedMarkup(reply));
    }
  });

  it('follows a thinking block fed in batches, its markers split between batches', () => {
    const text = '<think>\nLet me see, step by step.\n</think>\n\nThe answer is **4**.\n\nPlain end.';
    const { root, writer } = writerOnDiv();
    for (let i = 0; i < text.length; i += 3) {
      writer.append(text.slice(i, i + 3));
      if (i === 18) {
        expect(root.querySelector('summary')?.textContent).toBe('Thinking…');
        expect(root.querySelector('.thinking-body')?.textContent).toContain('Let me see');
        expect(root.querySelector('.markdown-blocks')).toBeNull();
      }
    }
    expect(root.querySelector('summary')?.textContent).toBe('Thought process');
    writer.update(text, true);
    expect(root.querySelector('.thinking-body')?.textContent).toBe('Let me see, step by step.');
    expect(root.querySelector('.markdown-blocks')!.innerHTML).toBe(finishedMarkup('The answer is **4**.\n\nPlain end.'));
  });

  it('moves text to the thinking block when a late </think> arrives in two batches', () => {
    const { root, writer } = writerOnDiv();
    writer.append('pondering ');
    writer.append('more</thi');
    expect(root.querySelector('.markdown-blocks')?.textContent).toContain('pondering more');
    writer.append('nk>Answer');
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
