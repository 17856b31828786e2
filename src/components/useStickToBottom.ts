import { useCallback, useEffect, useRef } from 'react';

/**
 * Bottom-pinned chat scrolling, mostly done by the browser: CSS scroll anchoring on
 * an element after the last message keeps the newest text in view as a reply grows,
 * with no script per frame. Browsers suspend anchoring at scroll offset 0, so
 * `keepPinned` makes the first scroll once a reply overflows the view. Only the
 * reader's own scrolling (wheel, touch, keys, scrollbar) unpins it.
 */
export function useStickToBottom<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const intentAt = useRef(0);
  /** Scroll anchoring is working (offset above 0): no script needed until the next message. */
  const anchored = useRef(false);

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

  /** Content changed: stay at the bottom only if the reader is there. */
  const stay = useCallback(() => {
    if (!pinned.current) return;
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    anchored.current = el.scrollTop > 0;
  }, []);

  /** The reader sent a message (or the history loaded): go to the bottom and stay there. */
  const follow = useCallback(() => {
    pinned.current = true;
    stay();
  }, [stay]);

  /** After each streamed commit, until anchoring has taken over (reading the layout costs a frame's work). */
  const keepPinned = useCallback(() => {
    const el = ref.current;
    if (!el || anchored.current || !pinned.current || el.scrollHeight <= el.clientHeight) return;
    el.scrollTop = el.scrollHeight;
    anchored.current = true;
  }, []);

  return { ref, follow, stay, keepPinned };
}
