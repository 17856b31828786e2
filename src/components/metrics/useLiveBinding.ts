import { useLayoutEffect, useRef } from 'react';
import { getState, useStore } from '../../store/store';
import type { AppState } from '../../store/types';

const UNSET = Symbol('unset');

/**
 * Binds an element to a value that changes while a reply streams (the live figures, refreshed
 * 4 times a second): `apply` writes it into the element from a store subscription whenever
 * `read` returns something new, with no React render. Re-rendering the small components that
 * show such values cost about a millisecond of script per refresh on a slow machine.
 * `read` and `apply` must keep their identity (module level, or memoised).
 */
export function useLiveBinding<T, E extends Element>(read: (s: AppState) => T, apply: (el: E, value: T) => void) {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    let shown: T | typeof UNSET = UNSET;
    const write = (s: AppState) => {
      const value = read(s);
      if (value === shown) return;
      shown = value;
      apply(el, value);
    };
    write(getState());
    return useStore.subscribe(write);
  }, [read, apply]);
  return ref;
}
