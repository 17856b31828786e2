import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { followReply } from '../../actions/chat-actions';
import { noteCommitted } from '../../lib/paint-latency';
import { copyCodeFrom } from '../copy-code';
import { ReplyWriter } from './reply-writer';

const onCopyClick = (e: MouseEvent<HTMLDivElement>) => copyCodeFrom(e.target);

/**
 * The text of a reply written as it streams. React renders this element once; each batch
 * goes to a ReplyWriter in the animation frame that paints it (followReply), without a React
 * render or a store update per batch. Once the reply is finished, `text` holds it and the
 * element stays: a long reply is not rebuilt.
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
    return followReply((added) => {
      w.append(added);
      noteCommitted();
    });
  }, [text]);
  return <div className="live-reply" ref={ref} onClick={onCopyClick} />;
}
