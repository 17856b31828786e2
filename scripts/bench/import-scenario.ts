/** The import scenario: a 20 MB comparison file given to Compare's file input, timed in the page from
 * the input's change event to the frame that paints its rows (the file's transfer into the browser
 * by the test harness is not the app's time, and is left out). */
import type { BrowserContext } from '@playwright/test';
import { largeComparison } from '../../tests/fixtures/synthetic-comparison';

/** 35 prompts of 512 forced steps over four variants: about 20 MB of JSON. */
export const IMPORT_PROMPTS = 35;
let file: Buffer | null = null;

export function importFileMB(): number {
  file ??= Buffer.from(JSON.stringify(largeComparison(IMPORT_PROMPTS)));
  return file.byteLength / 2 ** 20;
}

export async function importScenario(context: BrowserContext, baseURL: string): Promise<{ importMs: number; rowsShown: number }> {
  importFileMB();
  const page = await context.newPage();
  try {
    await page.goto(`${baseURL}/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1,q4f16_1,q0f16`);
    await page.getByTestId('compare-view').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __changeAt?: number; __shownAt?: number };
      document.querySelector('[data-testid="compare-import"]')!.addEventListener('change', () => (w.__changeAt = performance.now()), { capture: true });
      const seen = new MutationObserver(() => {
        if (w.__shownAt === undefined && document.querySelector('[data-testid="compare-row-q0f16"]')) {
          seen.disconnect();
          requestAnimationFrame(() => setTimeout(() => (w.__shownAt = performance.now())));
        }
      });
      seen.observe(document.body, { subtree: true, childList: true });
    });
    await page.getByTestId('compare-import').setInputFiles({ name: 'large-comparison.json', mimeType: 'application/json', buffer: file! });
    await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, null, { timeout: 60_000 });
    return await page.evaluate(() => {
      const w = window as unknown as { __changeAt: number; __shownAt: number };
      return { importMs: w.__shownAt - w.__changeAt, rowsShown: document.querySelectorAll('[data-testid^="compare-row-"]').length };
    });
  } finally {
    await page.close();
  }
}
