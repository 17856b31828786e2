import { useState } from 'react';
import { editQuestion, regenerate } from '../actions/chat-actions';
import type { ChatEntry } from '../store/types';

/** Copies a reply's whole text (its Markdown, as the model wrote it), and says so for a moment. */
function CopyReply({ text }: { text: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setDone('copied'),
      () => setDone('failed'),
    );
    setTimeout(() => setDone(null), 1500);
  };
  return (
    <button type="button" className="link-button" onClick={copy} data-testid="reply-copy" aria-live="polite">
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}

/**
 * Under every reply: copy it whole, ask its question again. The buttons read nothing from the store
 * (finished messages must not re-render while another reply streams); the actions check the state
 * when clicked, and ask before dropping later exchanges.
 */
export function ReplyActions({ entry }: { entry: ChatEntry }) {
  return (
    <span className="row-buttons message-actions">
      <CopyReply text={entry.content} />
      <button type="button" className="link-button" onClick={() => void regenerate(entry.id)} data-testid="reply-regenerate-any">
        Regenerate
      </button>
    </span>
  );
}

/** Under a question: take it back into the composer to edit and send again. */
export function QuestionActions({ entry }: { entry: ChatEntry }) {
  return (
    <span className="row-buttons message-actions">
      <button type="button" className="link-button" onClick={() => editQuestion(entry.id)} data-testid="question-edit">
        Edit
      </button>
    </span>
  );
}
