import { useLayoutEffect } from 'react';
import { useStore } from '../store/store';
import { MessageView } from './MessageView';
import { useStickToBottom } from './useStickToBottom';

export function MessageList() {
  const messages = useStore((s) => s.messages);
  const hydrated = useStore((s) => s.hydrated);
  const streamingId = useStore((s) => s.streaming?.id);
  const { ref, follow, stay, keepPinned } = useStickToBottom<HTMLDivElement>();
  // Sending (a reply starts) or loading the history brings the view to the bottom.
  useLayoutEffect(() => {
    if (hydrated && streamingId !== undefined) follow();
  }, [hydrated, streamingId, follow]);
  useLayoutEffect(() => {
    if (hydrated) follow();
  }, [hydrated, follow]);
  // A finished reply joining the history keeps the view where the reader left it.
  useLayoutEffect(stay, [messages.length, stay]);
  return (
    <div className="messages" data-testid="messages" ref={ref}>
      {hydrated && messages.length === 0 && (
        <p className="empty">Nothing you type here leaves this device: the model runs on your own GPU.</p>
      )}
      {/* One list, so the reply being written and the entry it becomes share a key and an element. */}
      {[
        ...messages.map((m) => <MessageView key={m.id} entry={m} />),
        ...(streamingId !== undefined ? [<MessageView key={streamingId} entry="streaming" onCommit={keepPinned} />] : []),
      ]}
      {/* The only scroll anchor: while it is in view, the browser keeps it there as the reply grows. */}
      <div className="scroll-anchor" aria-hidden="true" />
    </div>
  );
}
