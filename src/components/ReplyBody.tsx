import { splitThinking } from '../lib/thinking';
import { MarkdownBlocks } from './Markdown';

/** An assistant reply: the thinking block collapsed and apart, then the answer. */
export function ReplyBody({ text, streaming }: { text: string; streaming: boolean }) {
  const { thinking, thinkingOpen, answer } = splitThinking(text);
  return (
    <>
      {thinking !== null && (
        <details className="thinking" data-testid="thinking">
          <summary>{thinkingOpen && streaming ? 'Thinking…' : 'Thought process'}</summary>
          <div className="thinking-body">{thinking}</div>
        </details>
      )}
      {answer !== '' && <MarkdownBlocks text={answer} />}
      {streaming && answer === '' && thinking === null && <span className="cursor" aria-label="waiting for the first token" />}
    </>
  );
}
