import { memo } from 'react';
import { useStore } from '../store/store';
import type { ChatEntry } from '../store/types';
import { LiveReply } from './live/LiveReply';
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
  // The streaming row reads only what stays fixed during a reply; its text goes through LiveReply.
  const liveModel = useStore((s) => (entry === 'streaming' ? (s.streaming?.modelId ?? null) : null));
  const liveReplayed = useStore((s) => entry === 'streaming' && s.streaming?.replayed === true);
  if (entry === 'streaming') {
    if (liveModel === null) return null;
    return (
      <article className="message assistant streaming" data-testid="message-streaming" aria-busy="true">
        <LiveReply onWrite={onCommit} />
        {/* The token count lives in the speed panel: a figure changing here each batch would cost a repaint. */}
        <footer className="message-meta">
          {liveModel} · writing…
          {liveReplayed && <span className="badge replay">replayed</span>}
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
        <ReplyBody text={entry.content} />
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
