import { expect, test } from '@playwright/test';
import { layoutShift } from './helpers';

for (const [width, height] of [
  [360, 740],
  [390, 844],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`a phone, ${width}×${height}, ${scheme}`, () => {
      test.use({ viewport: { width, height }, isMobile: true, hasTouch: true, colorScheme: scheme });

      test('the first screen holds the model choice and its Load; once a model is ready, the chat and its composer', async ({ page }) => {
        await page.goto('/?replay=/replays/synthetic-chat.json');
        // Once the file is read and its banner says so: the banner held its place, Load is still in view.
        await expect(page.getByTestId('replay-banner')).toBeVisible();
        await expect(page.getByTestId('load')).toBeInViewport();
        expect(await layoutShift(page)).toBeLessThanOrEqual(0.1);
        await expect(page.getByTestId('model-select')).toBeInViewport();
        await page.getByTestId('load').tap();
        await expect(page.getByTestId('model-ready')).toBeAttached();
        // The chat comes to the top of the screen: its toolbar, the messages and the whole composer.
        await expect(page.getByTestId('prompt')).toBeInViewport({ ratio: 1 });
        await expect(page.getByTestId('chats-toggle')).toBeInViewport();
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
      });
    });
  }
}
