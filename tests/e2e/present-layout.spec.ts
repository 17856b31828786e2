import { expect, test, type Page } from '@playwright/test';

/** Whether the element's box and the viewport overlap by at least `px` pixels of height. */
async function onScreen(page: Page, testId: string, px = 80): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const view = page.viewportSize()!;
  if (!box) return false;
  const top = Math.max(0, box.y);
  const bottom = Math.min(view.height, box.y + box.height);
  return bottom - top >= px && box.x < view.width && box.x + box.width > 0;
}

async function openStage(page: Page, query: string): Promise<void> {
  await page.goto(`/?present${query}&replay=/replays/synthetic-chat.json`);
  await page.getByTestId('load').click();
  await expect(page.getByTestId('prompt')).toHaveAttribute('placeholder', /Message the model/);
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  for (const extra of ['', '&check'] as const) {
    test(`present: at ${width}×${height}${extra ? ' with the pre-flight open' : ''}, the question and the streaming reply are on screen, and the page never scrolls`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.addInitScript(() => localStorage.clear());
      await openStage(page, extra);
      if (extra) await expect(page.getByTestId('preflight')).toBeVisible();
      await page.getByTestId('script-text').evaluate((el) => ((el as HTMLElement).closest('details')!.open = true));
      await page.getByTestId('script-text').fill('What is the capital of France?\nAnd of Italy?');
      await page.getByTestId('script-text').blur();
      await page.getByTestId('stage-script').getByText('Edit the script, keys').click();
      await page.locator('body').click({ position: { x: 5, y: height - 5 } });
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('message-streaming')).toBeVisible();
      // While it streams, and as it grows: the reply's box is in the viewport, the page itself does not scroll.
      for (const chars of [20, 200]) {
        await expect.poll(async () => ((await page.getByTestId('message-streaming').locator('.reply').textContent()) ?? '').length, { timeout: 20_000 }).toBeGreaterThan(chars);
        expect(await onScreen(page, 'message-streaming')).toBe(true);
        expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight + 1)).toBe(true);
      }
      // The big figure and the composer's Stop stay on screen too.
      expect(await onScreen(page, 'decode-tps', 40)).toBe(true);
      await expect(page.getByTestId('stop')).toBeInViewport();
    });
  }
}

test('present: the audience sees no app header (H shows it), the stage says it is replaying, and P says why it does nothing while the live model works', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.addInitScript(() => localStorage.clear());
  await openStage(page, '');
  await expect(page.getByTestId('view-chat')).toBeHidden();
  await expect(page.getByTestId('replay-banner')).toBeHidden();
  await expect(page.getByTestId('stage-replay-mode')).toContainText('replay mode, synthetic demo: not measured on this GPU');
  await page.locator('body').click({ position: { x: 5, y: 1075 } });
  await page.keyboard.press('h');
  await expect(page.getByTestId('view-chat')).toBeVisible();
  await expect(page.getByTestId('audience-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('audience-toggle').click();
  await expect(page.getByTestId('view-chat')).toBeHidden();
  await page.locator('body').click({ position: { x: 5, y: 1075 } });
  await page.keyboard.press('p');
  await expect(page.getByTestId('stage-notice')).toHaveText(/P plays a rehearsal, and none is recorded on this machine/);
});
