import { useEffect, useLayoutEffect } from 'react';
import { useStore } from '../store/store';
import { ReplyBody } from './ReplyBody';
import { noteCommitted } from '../lib/paint-latency';

/** The reply being written; the only chat component that re-renders per batch of tokens. */
export function StreamingMessage({ onCommit }: { onCommit: () => void }) {
  const streaming = useStore((s) => s.streaming);
  useLayoutEffect(onCommit, [streaming?.text, onCommit]);
  useEffect(noteCommitted, [streaming?.text]);
  if (!streaming) return null;
  return (
    <article className="message assistant streaming" data-testid="message-streaming" aria-busy="true">
      <ReplyBody text={streaming.text} streaming />
      {/* The token count lives in the speed panel: a figure changing here each batch would cost a repaint. */}
      <footer className="message-meta">
        {streaming.modelId} · writing…
        {streaming.replayed && <span className="badge replay">replayed</span>}
      </footer>
    </article>
  );
}
