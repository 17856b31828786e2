import { expect, test } from '@playwright/test';
import { REPLAY, withTestHooks, workerSettled } from './helpers';

const MODEL = 'Qwen3-0.6B-q4f32_1-MLC';
const BASE = `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/`;

test('a cached model shows a badge and can be deleted from the cache', async ({ page }) => {
  await page.goto(`/?model=${MODEL}`);
  await expect(page.getByTestId('cached-badge')).toHaveCount(0);
  // Seed the Cache API the way web-llm fills it: a tensor manifest and its shards.
  await page.evaluate(async (base) => {
    const cache = await caches.open('webllm/model');
    await cache.put(`${base}tensor-cache.json`, new Response(JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin' }] })));
    await cache.put(`${base}params_shard_0.bin`, new Response('weights'));
  }, BASE);
  await page.reload();
  await expect(page.getByTestId('cached-badge')).toBeVisible();
  await expect(page.getByTestId('load')).toHaveText('Load from cache');
  await page.getByTestId('delete-cache').click();
  await expect(page.getByTestId('cached-badge')).toHaveCount(0);
  const shardLeft = await page.evaluate(async (base) => Boolean(await (await caches.open('webllm/model')).match(`${base}params_shard_0.bin`)), BASE);
  expect(shardLeft).toBe(false);
});

test('a download that will not fit in storage is flagged before it starts', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ quota: 100 * 2 ** 20, usage: 20 * 2 ** 20 }) });
  });
  await page.goto(`/?model=${MODEL}`);
  await page.getByTestId('load').click();
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('only 80 MB');
  await warning.getByRole('button', { name: 'Download anyway' }).click();
  // The download then really starts (and fails here, with no network).
  await expect(page.getByTestId('error-host-unreachable')).toBeVisible({ timeout: 30_000 });
});

test('switching models mid-load: the last choice wins', async ({ page }) => {
  await withTestHooks(page);
  await page.goto(REPLAY);
  await page.getByTestId('load').click();
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByTestId('model-select').selectOption('Qwen3-1.7B');
  await expect(page.getByTestId('model-ready')).toContainText('Qwen3-1.7B-q4f32_1-MLC');
  await workerSettled(page); // the first, abandoned load has ended too
  await expect(page.getByTestId('model-ready')).toContainText('Qwen3-1.7B-q4f32_1-MLC');
  await page.getByTestId('prompt').fill('which model?');
  await page.getByTestId('prompt').press('Enter');
  await expect(page.getByTestId('message-assistant')).toContainText('A reply from the larger model', { timeout: 20_000 });
});
