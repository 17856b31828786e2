import { useCallback, useEffect, useRef } from 'react';

/**
 * Keeps a scroll container pinned to its bottom while content grows, unless the
 * reader has scrolled away. Only the reader's own scrolling (wheel, touch, keys,
 * scrollbar drag) can unpin it: layout shifts of lazily rendered messages cannot.
 * `follow` scrolls the container itself (never the page) synchronously, so call it
 * from a layout effect: the scroll then shares the frame's layout with the new text.
 */
export function useStickToBottom<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const intentAt = useRef(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const intent = () => (intentAt.current = performance.now());
    const onScroll = () => {
      if (performance.now() - intentAt.current > 800) return;
      pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    };
    const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    events.forEach((e) => el.addEventListener(e, intent, { passive: true }));
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      events.forEach((e) => el.removeEventListener(e, intent));
      el.removeEventListener('scroll', onScroll);
    };
  }, []);

  const follow = useCallback(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, []);

  return { ref, follow };
}
