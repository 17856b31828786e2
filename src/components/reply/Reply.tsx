import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { followReply } from '../../actions/chat-actions';
import { noteCommitted } from '../../lib/paint-latency';
import { copyCodeFrom } from '../copy-code';
import { highlightCodeIn } from './highlight-code';
import { ReplyWriter } from './reply-writer';

const onCopyClick = (e: MouseEvent<HTMLDivElement>) => copyCodeFrom(e.target);

/**
 * Every assistant reply, streaming or finished, in the history's groups or not: a ReplyWriter
 * draws it. React renders the element once. Without `text`, it follows the reply in flight:
 * each batch goes to the writer in the animation frame that paints it, with no React render or
 * store update per batch. Once the reply is finished `text` holds it; the writer then formats
 * what is left and keeps the rest, so a reply that ends in view is not rebuilt.
 */
export function Reply({ text }: { text?: string }) {
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
      highlightCodeIn(ref.current!);
      return;
    }
    return followReply((added, whole) => {
      w.append(added, whole);
      noteCommitted();
    });
  }, [text]);
  return <div className="reply" ref={ref} onClick={onCopyClick} />;
}
