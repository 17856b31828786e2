import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { getState, useStore } from '../../store/store';
import { noteCommitted } from '../../lib/paint-latency';
import { copyCodeFrom } from '../copy-code';
import { ReplyWriter } from './reply-writer';

const onCopyClick = (e: MouseEvent<HTMLDivElement>) => copyCodeFrom(e.target);

/**
 * The text of the reply being written. React renders this element once; the
 * text arrives through a store subscription and a ReplyWriter, in the same
 * animation frame as the store update, without a React render per batch.
 */
export function LiveReply({ onWrite }: { onWrite: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current!;
    const writer = new ReplyWriter(root);
    const write = (text: string) => {
      writer.update(text);
      onWrite();
      noteCommitted();
    };
    const now = getState().streaming;
    if (now) write(now.text);
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.streaming && s.streaming.text !== prev.streaming?.text) write(s.streaming.text);
    });
    return () => {
      unsubscribe();
      root.replaceChildren();
    };
  }, [onWrite]);
  return <div className="live-reply" ref={ref} onClick={onCopyClick} />;
}
