import { useCallback, useEffect, useRef } from 'react';

/**
 * Keeps a scroll container pinned to its bottom while content grows, unless the
 * reader has scrolled up. Scrolls the container itself (never the page) at most
 * once per frame, so a fast stream costs one layout per frame, not one per batch.
 */
export function useStickToBottom<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const frame = useRef<number | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  /** Call after content changed. */
  const follow = useCallback(() => {
    if (!pinned.current || frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const el = ref.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
  }, []);

  return { ref, follow };
}
