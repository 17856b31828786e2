import { useState } from 'react';
import { dismissUndo, newChat, undoDelete } from '../../actions/conversation-actions';
import { UNTITLED } from '../../lib/conversations';
import { useStore } from '../../store/store';
import { ConversationList } from './ConversationList';

const LIST_ID = 'conversation-list';

/** Says which conversation was deleted, with the button that brings it back. */
function UndoDelete() {
  const deleted = useStore((s) => s.deletedChat?.meta.title);
  if (deleted === undefined) return null;
  return (
    <div className="undo-delete" role="status" data-testid="undo-delete">
      <span>Deleted "{deleted}".</span>
      <button type="button" onClick={() => void undoDelete()} data-testid="undo">
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={dismissUndo}>
        ×
      </button>
    </div>
  );
}

/** The chat's title bar: the conversation list (shown on demand, so it costs a phone no room), the
 * current conversation's title and a new chat. */
export function ChatToolbar() {
  const [open, setOpen] = useState(false);
  const count = useStore((s) => s.conversations.length);
  const title = useStore((s) => s.conversations.find((c) => c.id === s.currentId)?.title ?? UNTITLED);
  const focusPrompt = () => document.querySelector<HTMLTextAreaElement>('[data-testid="prompt"]')?.focus();
  return (
    <div
      className="chat-head"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          document.querySelector<HTMLButtonElement>(`[aria-controls="${LIST_ID}"]`)?.focus();
        }
      }}
    >
      <div className="chat-toolbar">
        <button type="button" aria-expanded={open} aria-controls={LIST_ID} onClick={() => setOpen(!open)} data-testid="chats-toggle">
          Chats ({count})
        </button>
        <h2 className="chat-title" data-testid="chat-title" title={title}>
          {title}
        </h2>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            void newChat().then(focusPrompt);
          }}
          data-testid="new-chat"
        >
          New chat
        </button>
      </div>
      {open && (
        <ConversationList
          id={LIST_ID}
          onOpen={() => {
            setOpen(false);
            focusPrompt();
          }}
        />
      )}
      <UndoDelete />
    </div>
  );
}
