import { expect, test } from '@playwright/test';
import { axeViolations as violations } from './helpers';

for (const scheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    test.describe(`${scheme}, ${width}×${height}`, () => {
      test.use({ colorScheme: scheme, viewport: { width, height } });

      test('axe-core finds no violation in a chat with a reply, badges, panels and the conversation list open', async ({ page }) => {
        await page.goto('/?replay=/replays/synthetic-chat.json');
        await page.getByTestId('load').click();
        await expect(page.getByTestId('model-ready')).toBeVisible();
        await page.getByTestId('prompt').fill('What is the capital of France?');
        await page.getByTestId('prompt').press('Enter');
        await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 30_000 });
        expect(await violations(page)).toEqual([]);
        await page.getByTestId('chats-toggle').click();
        await page.getByRole('button', { name: /^Rename/ }).click();
        expect(await violations(page)).toEqual([]);
      });

      test('axe-core finds no violation in the stage view with a reply and the pre-flight check open', async ({ page }) => {
        await page.goto('/?present&check&replay=/replays/synthetic-chat.json');
        await page.getByTestId('load').click();
        await expect(page.getByTestId('prompt')).toHaveAttribute('placeholder', /Message the model/);
        await page.getByTestId('prompt').fill('What is the capital of France?');
        await page.getByTestId('prompt').press('Enter');
        await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 30_000 });
        await expect(page.getByTestId('preflight')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });

      test('axe-core finds no violation in the comparison view with results', async ({ page }) => {
        await page.goto('/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1,q4f16_1&replay=/replays/synthetic-compare.json');
        await expect(page.getByTestId('compare-table')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    });
  }
}
