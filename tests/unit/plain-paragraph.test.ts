// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseAndSanitize, plainParagraph, renderMarkdown } from '../../src/lib/markdown';

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'model', 'Token', 'décodé', '中文', 'naïve', '🙂', 'GPU', 'x', 'A', 'www.example.com', 'https://qwen.ai', 'a@b.co',
  ' ', ' ', ' ', '  ', '.', ',', ';', ':', '?', '!', "'", '"', '(', ')', '%', '$', '/', '=', '+', '-', '#', '1', '2.', '3)',
  '*', '**', '_', '`', '~', '<b>', '>', '|', '&amp;', '&', '\\', '[', ']', '[x](y)', '\t', '\u00a0', '---', '===',
];

/** Blocks as the splitter hands them over: lines of pieces, no blank line inside, maybe a trailing newline. */
function randomBlock(next: () => number): string {
  const lines = [];
  for (let l = 1 + Math.floor(next() * 3); l > 0; l--) {
    let line = '';
    for (let n = 1 + Math.floor(next() * 12); n > 0; n--) {
      // Mostly words and spaces, so a good share of blocks come out plain.
      const pool = next() < 0.7 ? PIECES.slice(0, 7) : PIECES;
      line += pool[Math.floor(next() * pool.length)];
    }
    lines.push(line);
  }
  const block = lines.join('\n') + (next() < 0.5 ? '\n' : '');
  return block.trim() === '' || block.includes('\n\n') ? 'filler' : block;
}

describe('plainParagraph', () => {
  it('takes only blocks the parser and sanitiser render as one paragraph of exactly their text', () => {
    const next = rng(20261201);
    let plain = 0;
    let other = 0;
    for (let i = 0; i < 4000; i++) {
      const block = randomBlock(next);
      const text = plainParagraph(block);
      if (text === null) {
        other++;
        continue;
      }
      plain++;
      expect(parseAndSanitize(block), JSON.stringify(block)).toBe(`<p>${text}</p>\n`);
    }
    // Both paths are exercised: neither count may be a handful.
    expect(plain).toBeGreaterThan(800);
    expect(other).toBeGreaterThan(800);
  });

  it('leaves every kind of markup to the parser', () => {
    const markup = [
      'Some **bold** text', 'an _emphasis_', 'a `code` span', '~~gone~~', 'a [link](https://a.b)', '<b>raw</b> html',
      'A &amp; B', 'escaped \\*', 'hard  \nbreak', 'see www.example.com', 'at https://qwen.ai', 'mail me@example.com',
      '# Heading', 'Title\n===', 'Title\n---', '- item', '+ item', '1. first', '2) second', '> quote', '    code',
      '```js', '| a | b |', '[ref]: https://a.b', '![img](x.png)', 'tab\there', 'no\u00a0break', 'trailing ',
    ];
    for (const block of markup) expect(plainParagraph(block), block).toBeNull();
  });

  it('is what renderMarkdown returns for plain prose, line breaks included', () => {
    const prose = 'Mixture-of-experts models read about 3B parameters per token: "fast", (mostly) 100% local.\nIt works.\n';
    expect(plainParagraph(prose)).toBe(prose.trimEnd());
    expect(renderMarkdown(prose)).toBe(parseAndSanitize(prose));
  });
});
