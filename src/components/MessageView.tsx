import { memo } from 'react';
import { continueInterrupted, interruptedExchange, regenerate } from '../actions/chat-actions';
import { QuestionActions, ReplyActions } from './MessageActions';
import { useStore } from '../store/store';
import type { ChatEntry } from '../store/types';
import { Reply } from './reply/Reply';
import { SourceBadge } from './SourceBadge';

const FINISH_NOTE: Partial<Record<NonNullable<ChatEntry['finishReason']>, string>> = {
  abort: 'stopped',
  length: 'cut at max tokens',
  error: 'interrupted by an error',
  interrupted: 'interrupted: the page closed while it was written',
};

/** Under a reply the page closed on, while it is the last message: go on from it, or ask again. */
function InterruptedActions({ id }: { id: string }) {
  const last = useStore((s) => interruptedExchange(s.messages)?.reply.id === id && !s.streaming);
  if (!last) return null;
  return (
    <span className="row-buttons interrupted-actions">
      <button type="button" onClick={() => void continueInterrupted()} data-testid="reply-continue">
        Continue
      </button>
      <button type="button" onClick={() => void regenerate()} data-testid="reply-regenerate">
        Regenerate
      </button>
    </span>
  );
}

/** The footer of the reply being written: the only part of a message that reads the store, so
 * that the history runs no code when the live figures refresh (streamed batches skip the store). */
function StreamingMeta() {
  const model = useStore((s) => s.streaming?.modelId ?? '');
  const source = useStore((s) => s.streaming?.source ?? 'measured');
  return (
    <>
      {`${model} · writing…`}
      {source === 'replayed' && <SourceBadge source="replayed" />}
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
  const streaming = entry === 'streaming';
  const role = streaming ? 'assistant' : entry.role;
  const note = !streaming && entry.finishReason ? FINISH_NOTE[entry.finishReason] : undefined;
  return (
    <article
      className={`message ${role}${streaming ? ' streaming' : ''}`}
      data-testid={streaming ? 'message-streaming' : `message-${role}`}
      aria-busy={streaming || undefined}
    >
      {streaming ? <Reply /> : entry.role === 'user' ? <div className="user-text">{entry.content}</div> : <Reply text={entry.content} />}
      {role === 'assistant' && (
        <footer className="message-meta">
          {streaming ? (
            <StreamingMeta />
          ) : (
            <>
              {entry.modelId}
              {entry.speed && (
                <span className="reply-speed" data-testid="reply-speed">
                  {' · '}
                  {entry.speed.decodeTps.toFixed(entry.speed.decodeTps < 10 ? 1 : 0)} tok/s · {entry.speed.tokens} tokens
                </span>
              )}
              {entry.source === 'replayed' && <SourceBadge source="replayed" />}
              {note && <span className="badge">{note}</span>}
              {entry.finishReason === 'interrupted' ? <InterruptedActions id={entry.id} /> : <ReplyActions entry={entry} />}
            </>
          )}
        </footer>
      )}
      {!streaming && entry.role === 'user' && (
        <footer className="message-meta">
          <QuestionActions entry={entry} />
        </footer>
      )}
    </article>
  );
});
