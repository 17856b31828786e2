import { useStore } from '../../store/store';

/** Tokens in the context now (estimated while a reply streams): changes 4 times a second, so
 * only the small figures that show it should subscribe. */
export function useContextTokens(): number {
  return useStore((s) => (s.live ? s.live.promptTokensEst + s.live.tokens : 0));
}
