import { memo, useLayoutEffect, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import { useStore } from '../store/store';
import type { ChatEntry } from '../store/types';
import { MessageView } from './MessageView';

/** Finished messages are laid out and painted in groups of this many (see .history-group). */
const GROUP = 8;
/** The latest exchange is never grouped: a reply that has just finished keeps its element. */
const KEEP = 2;

/** A full group of older messages; re-rendered only if one of them changes. */
const HistoryGroup = memo(
  function HistoryGroup({ entries }: { entries: readonly ChatEntry[] }) {
    return (
      <div className="history-group">
        {entries.map((m) => (
          <MessageView key={m.id} entry={m} />
        ))}
      </div>
    );
  },
  (a, b) => shallow(a.entries, b.entries),
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
  for (let i = 0; i < grouped; i += GROUP) rows.push(<HistoryGroup key={`group-${i}`} entries={messages.slice(i, i + GROUP)} />);
  for (const m of messages.slice(grouped)) rows.push(<MessageView key={m.id} entry={m} />);
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
