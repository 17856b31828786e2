import { useEffect, useRef } from 'react';
import { useStore } from '../store/store';
import { MessageView } from './MessageView';
import { StreamingMessage } from './StreamingMessage';

export function MessageList() {
  const messages = useStore((s) => s.messages);
  const hydrated = useStore((s) => s.hydrated);
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces matter: newer Chromium returns a promise from scrollIntoView, which React would call as a cleanup.
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);
  return (
    <div className="messages" data-testid="messages" aria-live="polite">
      {hydrated && messages.length === 0 && (
        <p className="empty">Nothing you type here leaves this device: the model runs on your own GPU.</p>
      )}
      {messages.map((m) => (
        <MessageView key={m.id} entry={m} />
      ))}
      <StreamingMessage />
      <div ref={endRef} />
    </div>
  );
}
