import { useState } from 'react';
import { deleteConversation, exportConversation, renameConversation, switchConversation } from '../../actions/conversation-actions';
import { byRecent, type ConversationMeta } from '../../lib/conversations';
import { useStore } from '../../store/store';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function RenameForm({ meta, onDone }: { meta: ConversationMeta; onDone: () => void }) {
  return (
    <form
      className="conversation-rename"
      onSubmit={(e) => {
        e.preventDefault();
        renameConversation(meta.id, new FormData(e.currentTarget).get('title')?.toString() ?? '');
        onDone();
      }}
    >
      <input
        name="title"
        aria-label={`New name for "${meta.title}"`}
        data-testid="rename-input"
        defaultValue={meta.title}
        maxLength={120}
        required
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Escape cancels the rename only; the list stays open.
          e.stopPropagation();
          onDone();
        }}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function ConversationRow({ meta, isCurrent, onOpen }: { meta: ConversationMeta; isCurrent: boolean; onOpen: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const quoted = `"${meta.title}"`;
  return (
    <li className={`conversation${isCurrent ? ' current' : ''}`} data-testid="conversation">
      {renaming ? (
        <RenameForm meta={meta} onDone={() => setRenaming(false)} />
      ) : (
        <button
          type="button"
          className="conversation-open"
          aria-current={isCurrent ? 'true' : undefined}
          onClick={() => {
            void switchConversation(meta.id);
            onOpen();
          }}
        >
          <span className="conversation-title">{meta.title}</span>
          <span className="conversation-meta">
            {meta.messageCount} {meta.messageCount === 1 ? 'message' : 'messages'} · {when(meta.updatedAt)}
          </span>
        </button>
      )}
      {!renaming && (
        <span className="conversation-actions">
          <button type="button" aria-label={`Rename ${quoted}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button type="button" aria-label={`Export ${quoted} as Markdown`} disabled={meta.messageCount === 0} onClick={() => void exportConversation(meta.id)}>
            Export
          </button>
          <button type="button" aria-label={`Delete ${quoted}`} onClick={() => void deleteConversation(meta.id)}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

/** Every conversation, most recent first: open one, rename, export as Markdown, delete. */
export function ConversationList({ id, onOpen }: { id: string; onOpen: () => void }) {
  const conversations = useStore((s) => s.conversations);
  const currentId = useStore((s) => s.currentId);
  return (
    <section id={id} className="conversation-list" aria-label="Conversations">
      <ul>
        {byRecent(conversations).map((c) => (
          <ConversationRow key={c.id} meta={c} isCurrent={c.id === currentId} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}
