import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Browser, type Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (WCAG 2.2 AA and best practice): id, impact and the first elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // WCAG 2.2 AA included: target sizes of 24 px among them.
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

export const REPLAY = '/?replay=/replays/synthetic-chat.json';

/** Opens the app on the synthetic replay file and loads its first model. */
export async function openReplayAndLoad(page: Page, path = REPLAY): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
}

export async function sendPrompt(page: Page, text: string): Promise<void> {
  await page.getByTestId('prompt').fill(text);
  await page.getByTestId('prompt').press('Enter');
}

/** Waits until no reply is streaming. */
export async function waitForReplyDone(page: Page): Promise<void> {
  await expect(page.getByTestId('message-streaming')).toHaveCount(0, { timeout: 30_000 });
}

/** A page with the test hooks on, opened at `path`: one per serial group of tests that share a loaded model. */
export async function openHookedPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await withTestHooks(page);
  await page.goto(path);
  return page;
}

/** Turns the app's test hooks on for the page's next loads (src/actions/test-hooks.ts). */
export async function withTestHooks(page: Page): Promise<void> {
  await page.addInitScript(() => sessionStorage.setItem('qwen-test-hooks', '1'));
}

/** Layout shifts the page has had so far, summed as CLS counts them (none after input). */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 100);
      }),
  );
}

/** Waits until the worker has finished everything asked of it so far (a page opened with the test hooks). */
export async function workerSettled(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __qwenTest: { workerSettled: () => Promise<void> } }).__qwenTest.workerSettled());
}
