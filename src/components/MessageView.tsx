import { memo, useEffect, useLayoutEffect } from 'react';
import { useStore } from '../store/store';
import type { ChatEntry } from '../store/types';
import { noteCommitted } from '../lib/paint-latency';
import { ReplyBody } from './ReplyBody';

const FINISH_NOTE: Partial<Record<NonNullable<ChatEntry['finishReason']>, string>> = {
  abort: 'stopped',
  length: 'cut at max tokens',
  error: 'interrupted by an error',
};

type Props = { entry: ChatEntry; onCommit?: never } | { entry: 'streaming'; onCommit: () => void };

/**
 * One message. The reply being written is rendered by this same component under the id it
 * keeps in the history, so when it finishes React keeps its element: nothing is rebuilt and
 * the browser keeps its size, and the reader's scroll position, across the switch.
 * Finished messages are memoised, so streaming never re-renders the history.
 */
export const MessageView = memo(function MessageView({ entry, onCommit }: Props) {
  // Only the streaming row subscribes to a value that changes per batch of tokens.
  const live = useStore((s) => (entry === 'streaming' ? s.streaming : null));
  const text = live?.text;
  useLayoutEffect(() => {
    if (text !== undefined) onCommit?.();
  }, [text, onCommit]);
  useEffect(() => {
    if (text !== undefined) noteCommitted();
  }, [text]);
  if (entry === 'streaming') {
    if (!live) return null;
    return (
      <article className="message assistant streaming" data-testid="message-streaming" aria-busy="true">
        <ReplyBody text={live.text} streaming />
        {/* The token count lives in the speed panel: a figure changing here each batch would cost a repaint. */}
        <footer className="message-meta">
          {live.modelId} · writing…
          {live.replayed && <span className="badge replay">replayed</span>}
        </footer>
      </article>
    );
  }
  const note = entry.finishReason ? FINISH_NOTE[entry.finishReason] : undefined;
  return (
    <article className={`message ${entry.role}`} data-testid={`message-${entry.role}`}>
      {entry.role === 'user' ? (
        <div className="user-text">{entry.content}</div>
      ) : (
        <ReplyBody text={entry.content} streaming={false} />
      )}
      {entry.role === 'assistant' && (
        <footer className="message-meta">
          {entry.modelId}
          {entry.replayed && <span className="badge replay">replayed</span>}
          {note && <span className="badge">{note}</span>}
        </footer>
      )}
    </article>
  );
});
