import { memo, useState } from 'react';
import { useStore } from '../store/store';
import type { ChatEntry } from '../store/types';
import { LiveReply } from './live/LiveReply';
import { ReplyBody } from './ReplyBody';

const FINISH_NOTE: Partial<Record<NonNullable<ChatEntry['finishReason']>, string>> = {
  abort: 'stopped',
  length: 'cut at max tokens',
  error: 'interrupted by an error',
};

/** The footer of the reply being written: the only part of a message that reads the store, so
 * that the history runs no code when the live figures refresh (streamed batches skip the store). */
function LiveMeta() {
  const model = useStore((s) => s.streaming?.modelId ?? '');
  const replayed = useStore((s) => s.streaming?.replayed === true);
  return (
    <>
      {`${model} · writing…`}
      {replayed && <span className="badge replay">replayed</span>}
    </>
  );
}

/**
 * One message. The reply being written is rendered by this same component under the id it
 * keeps in the history, so when it finishes React keeps its element and the text inside:
 * nothing is rebuilt, and the browser keeps its size and the reader's scroll position.
 * Finished messages are memoised and read nothing from the store, so streaming never
 * re-renders the history or runs code for it.
 */
export const MessageView = memo(function MessageView({ entry }: { entry: ChatEntry | 'streaming' }) {
  const live = entry === 'streaming';
  const [startedLive] = useState(live);
  const role = live ? 'assistant' : entry.role;
  const note = !live && entry.finishReason ? FINISH_NOTE[entry.finishReason] : undefined;
  let body;
  if (live) body = <LiveReply />;
  else if (entry.role === 'user') body = <div className="user-text">{entry.content}</div>;
  else if (startedLive) body = <LiveReply text={entry.content} />;
  else body = <ReplyBody text={entry.content} />;
  return (
    <article
      className={`message ${role}${live ? ' streaming' : ''}`}
      data-testid={live ? 'message-streaming' : `message-${role}`}
      aria-busy={live || undefined}
    >
      {body}
      {role === 'assistant' && (
        <footer className="message-meta">
          {live ? (
            <LiveMeta />
          ) : (
            <>
              {entry.modelId}
              {entry.replayed && <span className="badge replay">replayed</span>}
              {note && <span className="badge">{note}</span>}
            </>
          )}
        </footer>
      )}
    </article>
  );
});
