import { memo, useCallback, useMemo, type MouseEvent } from 'react';
import { splitBlocks } from '../lib/blocks';
import { renderMarkdown } from '../lib/markdown';

/** A reply as blocks: while it streams, only the last block's text changes and re-renders. */
export function MarkdownBlocks({ text }: { text: string }) {
  const blocks = splitBlocks(text);
  return (
    <div className="markdown-blocks">
      {blocks.map((block, i) => (
        <Markdown key={i} text={block} />
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
