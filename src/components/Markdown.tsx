import { memo, useMemo, type MouseEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { BLOCKS_PER_GROUP, splitBlocks } from '../lib/blocks';
import { renderMarkdown } from '../lib/markdown';
import { copyCodeFrom } from './copy-code';

/** Finished blocks in groups: a group re-renders (and lays out) only when one of its blocks changes. */
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
  (a, b) => shallow(a.blocks, b.blocks),
);

/** A reply as blocks: while it streams, only the last block's text changes and re-renders. */
export function MarkdownBlocks({ text }: { text: string }) {
  const blocks = splitBlocks(text);
  const groups: string[][] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_GROUP) groups.push(blocks.slice(i, i + BLOCKS_PER_GROUP));
  return (
    <div className="markdown-blocks">
      {groups.map((group, i) => (
        <BlockGroup key={i} blocks={group} />
      ))}
    </div>
  );
}

const onCopyClick = (e: MouseEvent<HTMLDivElement>) => copyCodeFrom(e.target);

/** Renders sanitised markdown; code blocks get a working copy button. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  // The HTML comes from renderMarkdown, which escapes raw HTML and sanitises with DOMPurify.
  return <div className="markdown" onClick={onCopyClick} dangerouslySetInnerHTML={{ __html: html }} />;
});
