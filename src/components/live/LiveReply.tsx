import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { getState, useStore } from '../../store/store';
import { noteCommitted } from '../../lib/paint-latency';
import { copyCodeFrom } from '../copy-code';
import { ReplyWriter } from './reply-writer';

const onCopyClick = (e: MouseEvent<HTMLDivElement>) => copyCodeFrom(e.target);

/**
 * The text of a reply written as it streams. React renders this element once; the text
 * arrives through a store subscription and a ReplyWriter, in the same animation frame as
 * the store update, without a React render per batch. Once the reply is finished, `text`
 * holds it and the element stays: a long reply is not rebuilt.
 */
export function LiveReply({ text }: { text?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const writer = useRef<ReplyWriter | null>(null);
  useLayoutEffect(() => {
    const root = ref.current!;
    const w = new ReplyWriter(root);
    writer.current = w;
    return () => {
      w.dispose();
      writer.current = null;
      root.replaceChildren();
    };
  }, []);
  useLayoutEffect(() => {
    const w = writer.current!;
    if (text !== undefined) {
      w.update(text, true);
      return;
    }
    const write = (value: string) => {
      w.update(value);
      noteCommitted();
    };
    const now = getState().streaming;
    if (now) write(now.text);
    return useStore.subscribe((s, prev) => {
      if (s.streaming && s.streaming.text !== prev.streaming?.text) write(s.streaming.text);
    });
  }, [text]);
  return <div className="live-reply" ref={ref} onClick={onCopyClick} />;
}
