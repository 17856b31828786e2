import { useLayoutEffect } from 'react';
import { useStore } from '../store/store';
import { MessageView } from './MessageView';
import { StreamingMessage } from './StreamingMessage';
import { useStickToBottom } from './useStickToBottom';

export function MessageList() {
  const messages = useStore((s) => s.messages);
  const hydrated = useStore((s) => s.hydrated);
  const { ref, follow } = useStickToBottom<HTMLDivElement>();
  useLayoutEffect(follow, [messages.length, hydrated, follow]);
  return (
    <div className="messages" data-testid="messages" ref={ref}>
      {hydrated && messages.length === 0 && (
        <p className="empty">Nothing you type here leaves this device: the model runs on your own GPU.</p>
      )}
      {messages.map((m) => (
        <MessageView key={m.id} entry={m} />
      ))}
      <StreamingMessage onGrow={follow} />
    </div>
  );
}
