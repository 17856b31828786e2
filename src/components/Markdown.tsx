import { memo, useCallback, useMemo, type MouseEvent } from 'react';
import { splitBlocks } from '../lib/blocks';
import { renderMarkdown } from '../lib/markdown';

const GROUP = 16;

/** Finished blocks in groups of 16: a group re-renders (and lays out) only when one of its blocks changes. */
const BlockGroup = memo(
  function BlockGroup({ blocks }: { blocks: readonly string[] }) {
    return (
      <div className="block-group">
        {blocks.map((block, i) => (
          <Markdown key={i} text={block} />
        ))}
      </div>
    );
  },
  (a, b) => a.blocks.length === b.blocks.length && a.blocks.every((block, i) => block === b.blocks[i]),
);

/** A reply as blocks: while it streams, only the last block's text changes and re-renders. */
export function MarkdownBlocks({ text }: { text: string }) {
  const blocks = splitBlocks(text);
  const groups: string[][] = [];
  for (let i = 0; i < blocks.length; i += GROUP) groups.push(blocks.slice(i, i + GROUP));
  return (
    <div className="markdown-blocks">
      {groups.map((group, i) => (
        <BlockGroup key={i} blocks={group} />
      ))}
    </div>
  );
}

/** Renders sanitised markdown; code blocks get a working copy button. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  const onClick = useCallback((e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest('button[data-copy]');
    const code = button?.closest('.code-block')?.querySelector('code');
    if (!button || !code) return;
    void navigator.clipboard.writeText(code.textContent ?? '').then(
      () => {
        button.textContent = 'Copied';
        setTimeout(() => (button.textContent = 'Copy'), 1500);
      },
      () => (button.textContent = 'Copy failed'),
    );
  }, []);
  // The HTML comes from renderMarkdown, which escapes raw HTML and sanitises with DOMPurify.
  return <div className="markdown" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
});
