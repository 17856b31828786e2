import type { KeyboardEvent } from 'react';
import { send, setDraft, stop } from '../actions/chat-actions';
import { useStore } from '../store/store';

/** Enter sends, Shift+Enter adds a line, Esc stops. */
export function Composer() {
  const draft = useStore((s) => s.draft);
  const streaming = useStore((s) => s.streaming !== null);
  const ready = useStore((s) => s.loadState === 'ready');
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    } else if (e.key === 'Escape') {
      stop();
    }
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        aria-label="Message"
        data-testid="prompt"
        value={draft}
        rows={3}
        placeholder={ready ? 'Message the model (Enter to send, Shift+Enter for a new line, Esc to stop)' : 'Load a model to start chatting'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {streaming ? (
        <button type="button" className="stop" data-testid="stop" onClick={stop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary" data-testid="send">
          Send
        </button>
      )}
    </form>
  );
}
