import { memo, useLayoutEffect, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import { useStore } from '../store/store';
import type { ChatEntry } from '../store/types';
import { MessageView } from './MessageView';

/** Finished messages are laid out and painted in groups of this many (see .history-group). */
const GROUP = 8;
/** The latest exchange is never grouped: a reply that has just finished keeps its element. */
const KEEP = 2;

/** Where the model's view begins: the messages above it were left out of the last request. */
function ContextDivider({ before }: { before: number }) {
  return (
    <div className="context-divider" role="note" data-testid="context-divider">
      {before === 1 ? 'The message above is' : `The ${before} messages above are`} not sent to the model: the conversation is longer than its
      context window.
    </div>
  );
}

/** A message, with the divider above it when the model's view begins there. */
function rowsOf(entries: readonly ChatEntry[], offset: number, startId: string | undefined) {
  return entries.flatMap((m, i) => {
    const view = <MessageView key={m.id} entry={m} />;
    return m.id === startId ? [<ContextDivider key="context-divider" before={offset + i} />, view] : [view];
  });
}

/** A full group of older messages; re-rendered only if one of them changes, or the divider moves
 * in or out of it (`startId` is given only to the group that holds it). */
const HistoryGroup = memo(
  function HistoryGroup({ entries, offset, startId }: { entries: readonly ChatEntry[]; offset: number; startId: string | undefined }) {
    return <div className="history-group">{rowsOf(entries, offset, startId)}</div>;
  },
  (a, b) => shallow(a.entries, b.entries) && a.offset === b.offset && a.startId === b.startId,
);

/**
 * The conversation. The scroller is a reversed flex column (see .messages in styles.css):
 * its scroll offset counts from the bottom, so while the reader is at the bottom a growing
 * reply keeps the view there without any scrolling at all, and once they scroll up the
 * browser's scroll anchoring keeps what they read in place. No script runs per frame, and
 * no scroll happens per frame (each one would cost the page a hover update).
 */
export function MessageList() {
  const messages = useStore((s) => s.messages);
  const hydrated = useStore((s) => s.hydrated);
  const streamingId = useStore((s) => s.streaming?.id);
  const startId = useStore((s) => s.contextStart?.messageId);
  const ref = useRef<HTMLDivElement>(null);
  // Sending (a reply starts) brings the view back to the bottom: the end of a reversed
  // scroller is offset 0, to which any larger value is clamped.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && streamingId !== undefined) el.scrollTop = el.scrollHeight;
  }, [streamingId]);
  // Older messages in full groups: the browser then tracks a few groups, not every message, as
  // the reply below grows. The newest stay single, in one keyed list with the reply being written,
  // so that it keeps its element (and its text) when it finishes.
  const grouped = Math.floor(Math.max(0, messages.length - KEEP) / GROUP) * GROUP;
  const rows = [];
  for (let i = 0; i < grouped; i += GROUP) {
    const entries = messages.slice(i, i + GROUP);
    const holds = entries.some((m) => m.id === startId);
    rows.push(<HistoryGroup key={`group-${i}`} entries={entries} offset={i} startId={holds ? startId : undefined} />);
  }
  rows.push(...rowsOf(messages.slice(grouped), grouped, startId));
  if (streamingId !== undefined) rows.push(<MessageView key={streamingId} entry="streaming" />);
  return (
    <div className="messages" data-testid="messages" ref={ref}>
      <div className="messages-content">
        {hydrated && messages.length === 0 && (
          <p className="empty">Nothing you type here leaves this device: the model runs on your own GPU.</p>
        )}
        {rows}
      </div>
    </div>
  );
}
