import { clearChat, dismissChatError } from '../actions/chat-actions';
import { useStore } from '../store/store';
import { Composer } from './Composer';
import { ErrorNotice } from './ErrorNotice';
import { MessageList } from './MessageList';
import { runErrorAction } from '../actions/error-actions';

export function ChatPanel() {
  const chatError = useStore((s) => s.chatError);
  const hasMessages = useStore((s) => s.messages.length > 0);
  return (
    <section className="chat" aria-label="Chat">
      <div className="chat-toolbar">
        <h2>Chat</h2>
        <button type="button" onClick={clearChat} disabled={!hasMessages} data-testid="clear-chat">
          Clear conversation
        </button>
      </div>
      <MessageList />
      {chatError && <ErrorNotice error={chatError} onAction={runErrorAction} onDismiss={dismissChatError} />}
      <Composer />
    </section>
  );
}
