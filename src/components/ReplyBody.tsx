import { splitThinking } from '../lib/thinking';
import { MarkdownBlocks } from './Markdown';

/** A finished assistant reply: the thinking block collapsed and apart, then the answer. (LiveReply writes one in flight.) */
export function ReplyBody({ text }: { text: string }) {
  const { thinking, answer } = splitThinking(text);
  return (
    <>
      {thinking !== null && (
        <details className="thinking" data-testid="thinking">
          <summary>Thought process</summary>
          <div className="thinking-body">{thinking}</div>
        </details>
      )}
      {answer !== '' && <MarkdownBlocks text={answer} />}
    </>
  );
}
