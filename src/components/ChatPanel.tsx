import { dismissChatError } from '../actions/chat-actions';
import { runErrorAction } from '../actions/error-actions';
import { useStore } from '../store/store';
import { Composer } from './Composer';
import { LiveSpeedLine } from './LiveSpeedLine';
import { ChatToolbar } from './conversations/ChatToolbar';
import { ErrorNotice } from './ErrorNotice';
import { MessageList } from './MessageList';

export function ChatPanel() {
  const chatError = useStore((s) => s.chatError);
  return (
    <section className="chat" aria-label="Chat">
      <ChatToolbar />
      <MessageList />
      {/* The notice lies over the end of the messages, above the composer: Send never moves under a finger or off the screen. */}
      <div className="chat-bottom">
        {chatError && (
          <div className="chat-notice">
            <ErrorNotice error={chatError} onAction={runErrorAction} onDismiss={dismissChatError} />
          </div>
        )}
        <Composer />
        <LiveSpeedLine />
      </div>
    </section>
  );
}
