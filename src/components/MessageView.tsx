import { memo } from 'react';
import type { ChatEntry } from '../store/types';
import { ReplyBody } from './ReplyBody';

const FINISH_NOTE: Partial<Record<NonNullable<ChatEntry['finishReason']>, string>> = {
  abort: 'stopped',
  length: 'cut at max tokens',
  error: 'interrupted by an error',
};

/** One finished message; memoised so streaming never re-renders the history. */
export const MessageView = memo(function MessageView({ entry }: { entry: ChatEntry }) {
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
