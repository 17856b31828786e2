import type { AppState } from '../../store/types';

/** Tokens in the context now (estimated while a reply streams): changes 4 times a second, so the
 * figures that show it read it through LiveText rather than a React render. */
export const contextTokensOf = (s: AppState): number => (s.streamingFigures ? s.streamingFigures.promptTokensEst + s.streamingFigures.tokens : 0);
