import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now: id, impact and the first elements. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // WCAG 2.2 AA included: target sizes of 24 px among them.
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

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
