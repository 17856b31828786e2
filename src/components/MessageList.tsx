import { useLayoutEffect, useRef } from 'react';
import { useStore } from '../store/store';
import { MessageView } from './MessageView';

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
  return (
    <div className="messages" data-testid="messages" ref={ref}>
      <div className="messages-content">
        {hydrated && messages.length === 0 && (
          <p className="empty">Nothing you type here leaves this device: the model runs on your own GPU.</p>
        )}
        {/* One list, so the reply being written and the entry it becomes share a key and an element. */}
        {[
          ...messages.map((m) => <MessageView key={m.id} entry={m} />),
          ...(streamingId !== undefined ? [<MessageView key={streamingId} entry="streaming" />] : []),
        ]}
      </div>
    </div>
  );
}
