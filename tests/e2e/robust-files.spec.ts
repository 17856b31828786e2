import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { comparisonFixture, damagedComparisons } from '../fixtures/damaged-comparisons';

const COMPARE = '/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1,q4f16_1';
const importFile = (page: Page, name: string, data: unknown) =>
  page.getByTestId('compare-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });

/** Writes a value under an idb-keyval key, as a damaged or older saved state would be. */
async function writeSaved(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(v, k as string);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

test('robust: the damaged comparison files are refused with the file type and the first problem, and the app stays usable', async ({ page }) => {
  await page.goto(COMPARE);
  await importFile(page, 'good.json', comparisonFixture());
  await expect(page.getByTestId('compare-row-q4f16_1').getByTestId('top1')).toHaveText('75.0 %');
  for (const { name, data, problem } of damagedComparisons()) {
    await importFile(page, name, data);
    const alert = page.getByTestId('error-comparison-invalid');
    await expect(alert).toContainText('That file is not a comparison this app can read');
    await expect(alert).not.toContainText('run export');
    await alert.getByText('Details', { exact: true }).click();
    await expect(alert.locator('code')).toHaveText(new RegExp(`${name}: Not a readable comparison file: ${problem.source}`));
    // What was shown before is still shown, and works.
    await expect(page.getByTestId('compare-row-q4f16_1').getByTestId('top1')).toHaveText('75.0 %');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(page.getByTestId('crash')).toHaveCount(0);
  await page.getByTestId('view-chat').click();
  await expect(page.getByTestId('prompt')).toBeVisible();
});

test('robust: a damaged saved comparison does not blank Compare after a reload: it is set aside, with a message', async ({ page }) => {
  await page.goto('/');
  const [damaged] = damagedComparisons();
  await writeSaved(page, 'qwen-webgpu:compare-result:v1', damaged!.data);
  await page.goto(COMPARE);
  const alert = page.getByTestId('error-saved-invalid');
  await expect(alert).toContainText('Your last comparison could not be read');
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('crash')).toHaveCount(0);
  // Set aside, not destroyed; and the next visit starts clean.
  const keys = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const req = open.result.transaction('keyval').objectStore('keyval').getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String));
        };
      }),
  );
  expect(keys.some((k) => k.startsWith('qwen-webgpu:set-aside:qwen-webgpu:compare-result:v1:'))).toBe(true);
});

test('robust: damaged saved settings and runs are set aside with a message, and the chat still starts', async ({ page }) => {
  await page.goto('/');
  await writeSaved(page, 'qwen-webgpu:v1', { settings: { temperature: 'hot', max_tokens: -5 }, runs: [{ id: 'x', chunks: 'no' }], prefs: { gpuMemoryGB: 'lots', mirror: 'x'.repeat(300_000) } });
  await page.reload();
  const alert = page.getByTestId('error-saved-invalid');
  await expect(alert).toContainText('Some saved data could not be read');
  await alert.getByText('Details', { exact: true }).click();
  await expect(alert.locator('code')).toContainText('the setting temperature; the setting max_tokens; a saved run');
  await expect(page.getByTestId('prompt')).toBeVisible();
  await expect(page.getByTestId('mirror-state')).toHaveText("Hugging Face and GitHub, web-llm's hosts.");
});

test('robust: a crash inside the comparison is held by its boundary: the rest works, and Reset clears its saved data', async ({ page }) => {
  await page.addInitScript(() => sessionStorage.setItem('qwen-test-hooks', '1'));
  await page.goto(COMPARE);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __qwenTest: { injectComparisonResult: (v: unknown) => void } }).__qwenTest.injectComparisonResult({ setup: null, variants: 7 }));
  const crash = page.getByTestId('crash');
  await expect(crash).toContainText('The comparison stopped working');
  await expect(crash).toContainText('The rest of the app still works');
  await expect(page.getByRole('banner')).toBeVisible();
  await crash.getByRole('button', { name: 'Copy details' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('The comparison stopped working');
  await page.getByTestId('crash-reset').click();
  await expect(page.getByTestId('crash')).toHaveCount(0);
  await expect(page.getByTestId('compare-view')).toBeVisible();
});

test('robust: a note nested 100,000 levels deep is refused, unknown deep fields are dropped, and Export JSON still works', async ({ page }) => {
  await page.goto(COMPARE);
  const deep = (depth: number) => `${'{"v":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const base = JSON.stringify(comparisonFixture()).slice(0, -1);
  await page.getByTestId('compare-import').setInputFiles({ name: 'deep-note.json', mimeType: 'application/json', buffer: Buffer.from(`${base},"note":${deep(100_000)}}`) });
  await expect(page.getByTestId('error-comparison-invalid')).toContainText('not a comparison');
  await page.getByTestId('compare-import').setInputFiles({ name: 'deep-extra.json', mimeType: 'application/json', buffer: Buffer.from(`${base},"extra":${deep(100_000)}}`) });
  await expect(page.getByTestId('compare-row-q4f16_1').getByTestId('top1')).toHaveText('75.0 %');
  const download = page.waitForEvent('download');
  await page.getByTestId('compare-export').click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported.extra).toBeUndefined();
  expect(exported.variants).toHaveLength(3);
});
