import { useEffect, useRef } from 'react';
import { useStore } from '../store/store';
import { ReplyBody } from './ReplyBody';

/** The reply being written; the only chat component that re-renders per batch of tokens. */
export function StreamingMessage() {
  const streaming = useStore((s) => s.streaming);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'end' });
  }, [streaming?.text]);
  if (!streaming) return null;
  return (
    <article ref={ref} className="message assistant streaming" data-testid="message-streaming" aria-busy="true">
      <ReplyBody text={streaming.text} streaming />
      <footer className="message-meta">
        {streaming.modelId} · {streaming.chunks} tokens
        {streaming.replayed && <span className="badge replay">replayed</span>}
      </footer>
    </article>
  );
}
