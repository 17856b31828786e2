import { expect, test } from '@playwright/test';
import { REPLAY } from './helpers';

for (const [width, height] of [
  [360, 740],
  [390, 844],
] as const) {
  test.describe(`a phone, ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });

    test('the page is no wider than the screen, the message box spans the chat, and send and stop work by tap', async ({ page }) => {
      await page.goto(REPLAY);
      await page.getByTestId('load').tap();
      await expect(page.getByTestId('model-ready')).toBeVisible();
      // Mobile emulation widens the layout viewport when content overflows: compare the page itself.
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
      const box = (await page.getByTestId('prompt').boundingBox())!;
      expect(box.width / width).toBeGreaterThanOrEqual(0.8);
      // The chat comes before the panels.
      const chatTop = (await page.getByRole('region', { name: 'Chat', exact: true }).boundingBox())!.y;
      const modelTop = (await page.getByRole('region', { name: 'Model', exact: true }).boundingBox())!.y;
      expect(chatTop).toBeLessThan(modelTop);

      await page.getByTestId('prompt').fill('Write a sum function');
      await page.getByTestId('send').tap();
      await expect(page.getByTestId('message-streaming')).toBeVisible();
      await page.getByTestId('stop').tap();
      await expect(page.getByTestId('message-streaming')).toHaveCount(0);
      await expect(page.getByTestId('message-assistant')).toContainText('stopped');
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
    });
  });
}

test.describe('side panels on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('fold behind their headings: model and speed open, the rest a tap away, remembered after a reload', async ({ page }) => {
    await page.goto(REPLAY);
    const settings = page.getByRole('button', { name: 'Settings', exact: true });
    await expect(settings).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('System prompt')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Model', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('load')).toBeVisible();
    await settings.tap();
    await expect(page.getByLabel('System prompt')).toBeVisible();
    await page.getByRole('button', { name: 'Speed', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Speed', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await page.reload();
    await expect(page.getByLabel('System prompt')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Speed', exact: true })).toHaveAttribute('aria-expanded', 'false');
  });
});

test('from a tablet up every panel is open and its heading is plain', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(REPLAY);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('System prompt')).toBeVisible();
  await expect(page.getByTestId('memory-panel')).toContainText('web-llm says');
});
