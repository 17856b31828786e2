import type { AppState } from '../../store/types';
import { useLiveBinding } from './useLiveBinding';

const setText = (el: HTMLElement, text: string) => {
  el.textContent = text;
};

/** Text that changes while a reply streams, kept up to date without React renders (see useLiveBinding). */
export function LiveText({ read, className }: { read: (s: AppState) => string; className?: string }) {
  const ref = useLiveBinding(read, setText);
  return <span className={className} ref={ref} />;
}
