/**
 * Finished replies get syntax colours, in idle time and from a lazily loaded chunk (highlight.js is
 * kept off the main bundle and off the streaming path: a block is coloured once, after the reply ends).
 */
const PENDING = 'pre > code:not([data-highlighted])';

export function highlightCodeIn(root: HTMLElement): void {
  if (!root.querySelector(PENDING)) return;
  const run = () =>
    void import('../../lib/highlight').then(({ highlightBlock }) => {
      for (const code of root.querySelectorAll<HTMLElement>(PENDING)) {
        code.dataset.highlighted = '';
        const language = code.closest('.code-block')?.querySelector('.code-head span')?.textContent?.trim().toLowerCase() ?? '';
        highlightBlock(code, language);
      }
    });
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}
