import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/lib/blocks';

describe('splitBlocks', () => {
  it('splits paragraphs at blank lines', () => {
    expect(splitBlocks('one\ntwo\n\nthree\n\n\nfour')).toEqual(['one\ntwo\n', 'three\n', 'four']);
  });

  it('keeps a fenced code block whole, blank lines included, even while it is still open', () => {
    const text = 'intro\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nafter';
    expect(splitBlocks(text)).toEqual(['intro\n', '```ts\nconst a = 1;\n\nconst b = 2;\n```\n', 'after']);
    expect(splitBlocks('x\n\n```\nopen\n\nstill open')).toEqual(['x\n', '```\nopen\n\nstill open']);
  });

  it('loses no character that matters when joined back', () => {
    const text = '# Title\n\n- a\n- b\n\n> quote\n\n~~~\ncode\n~~~\n';
    expect(splitBlocks(text).join('\n').replace(/\n+/g, '\n')).toBe(text.replace(/\n+/g, '\n'));
  });

  it('returns nothing for blank text', () => {
    expect(splitBlocks('\n\n  \n')).toEqual([]);
  });
});
