import { describe, expect, it } from 'vitest';
import { BlockSplitter } from '../../src/lib/blocks';

/** The blocks of a whole text, fed to the splitter at once, its tail included. */
function splitBlocks(text: string): string[] {
  const splitter = new BlockSplitter();
  splitter.append(text);
  return splitter.tail === '' ? splitter.blocks : [...splitter.blocks, splitter.tail];
}

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

describe('BlockSplitter', () => {
  it('fed only what arrived, in pieces of any size, finishes the same blocks as splitBlocks', () => {
    const sample = 'Intro line\n\n```py\nx = 1\n\n\ny = 2\n```\n\n- a\n- b\n\n> quote\n\n\n~~~\nz\n~~~\nend **bold**';
    for (const step of [1, 2, 3, 5, 7, 9, 50, 64]) {
      const s = new BlockSplitter();
      let finished = 0;
      for (let i = 0; i < sample.length; i += step) finished += s.append(sample.slice(i, i + step));
      expect(finished).toBe(s.blocks.length);
      expect([...s.blocks, s.tail]).toEqual(splitBlocks(sample));
    }
  });

  it('finishes each block once, never rewrites it, and reports how many an append finished', () => {
    const s = new BlockSplitter();
    expect(s.append('one\ntwo')).toBe(0);
    expect(s.tail).toBe('one\ntwo');
    expect(s.append('\n\nthr')).toBe(1);
    const first = s.blocks[0];
    expect(s.append('ee\n\nfour\n\n')).toBe(2);
    expect(s.blocks).toEqual(['one\ntwo\n', 'three\n', 'four\n']);
    expect(s.blocks[0]).toBe(first);
    expect(s.tail).toBe('');
  });

  it('keeps an open fence as the tail, blank lines included', () => {
    const s = new BlockSplitter();
    s.append('x\n\n```\nopen\n\nstill open');
    expect(s.blocks).toEqual(['x\n']);
    expect(s.tail).toBe('```\nopen\n\nstill open');
  });
});
