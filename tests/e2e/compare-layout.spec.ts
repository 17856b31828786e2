import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const OPEN = '/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1,q4f16_1&replay=/replays/synthetic-compare.json';

test('compare at 1440: the quality columns are on screen beside the variant names, with no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(OPEN);
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  const fits = await page.locator('.compare-tables').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);
  for (const id of ['top1', 'kl', 'ppl', 'identical']) await expect(page.getByTestId('compare-row-q4f16_1').getByTestId(id)).toBeInViewport();
  await expect(table.getByRole('columnheader', { name: 'top-1 agree' })).toBeVisible();
  // Speed and memory in full are folded until asked for.
  await expect(page.getByTestId('compare-speed-table')).toBeHidden();
  await page.getByText('Speed and memory in detail').click();
  await expect(page.getByTestId('compare-speed-table')).toBeVisible();
});

test('compare at 390: a card per variant, each figure labelled, and the page no wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(OPEN);
  const card = page.getByTestId('compare-row-q4f16_1');
  await expect(card).toBeVisible();
  expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe('block');
  expect(await card.getByTestId('top1').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"top-1 agree"');
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390)).toBe(true);
});

test('compare: an imported comparison says imported on every figure and in its sentence, never measured', async ({ page }) => {
  await page.goto('/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1,q4f16_1');
  const real = JSON.parse(readFileSync(new URL('../../public/replays/synthetic-compare.json', import.meta.url), 'utf8'));
  const shared = { ...real, synthetic: false, environment: { ...real.environment, adapter: { vendor: 'nvidia', architecture: 'ada', description: 'RTX 4090', isFallback: false, shaderF16: true } } };
  await page.getByTestId('compare-import').setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shared)) });
  await expect(page.getByTestId('compare-provenance')).toContainText('Imported: measured 2026-12-02 with web-llm');
  await expect(page.getByTestId('compare-provenance')).toContainText('nvidia ada RTX 4090, read from a file, not measured here');
  const view = page.getByTestId('compare-view');
  await expect(view.locator('[data-source="imported"]').first()).toBeVisible();
  await expect(view.locator('[data-source="measured"]')).toHaveCount(0);
  // The setup shows the file's own prompts and settings, not the ones typed here before.
  await expect(page.getByTestId('compare-max-tokens')).toHaveValue('8');
  await expect(page.getByTestId('compare-repetitions')).toHaveValue('2');
  await expect(page.getByTestId('compare-seed')).toHaveValue('1');
  await expect(page.locator('#compare-own')).toHaveValue(/^Write a TypeScript function.*\nWhat is the capital of France\? Answer in one sentence\.$/);
  // Kept across a reload as imported, not promoted to measured.
  await page.reload();
  await expect(page.getByTestId('compare-provenance')).toContainText('Imported: measured');
  await expect(view.locator('[data-source="measured"]')).toHaveCount(0);
});
