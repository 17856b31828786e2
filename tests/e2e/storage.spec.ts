import { expect, test } from '@playwright/test';

const MODEL = 'Qwen3-0.6B-q4f32_1-MLC';
const BASE = `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/`;

test('storage: used and available space, the persistence answer after a download starts, and delete all models', async ({ page }) => {
  await page.goto(`/?model=${MODEL}`);
  const panel = page.getByRole('region', { name: 'Storage, offline use and model files' });
  await expect(panel.getByTestId('storage-used')).toContainText(/[\d.]+ GB used of [\d.]+ GB this browser allows the site/);
  await expect(panel.getByTestId('delete-all-models')).toBeDisabled();

  // A download starts (and fails here: the host is out of reach), and the browser has been asked to keep the models.
  await page.getByTestId('load').click();
  await expect(page.getByTestId('error-host-unreachable')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('storage-persisted')).toContainText(/^(Persistent|Not persistent)/);

  // A model in web-llm's cache (its tensor list and shard), then "Delete all models", confirmed.
  await page.evaluate(async (base) => {
    const model = await caches.open('webllm/model');
    await model.put(new URL('tensor-cache.json', base).href, new Response(JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin' }] })));
    await model.put(new URL('params_shard_0.bin', base).href, new Response('x'));
  }, BASE);
  await page.reload();
  await expect(panel.getByTestId('offline-ready')).toContainText(`with 1 downloaded model: ${MODEL}`);
  page.once('dialog', (d) => void d.accept());
  await panel.getByTestId('delete-all-models').click();
  await expect(panel.getByTestId('offline-ready')).toContainText('with no model downloaded yet');
  await expect(panel.getByTestId('delete-all-models')).toBeDisabled();
  expect(await page.evaluate(async (base) => (await caches.open('webllm/model')).match(new URL('params_shard_0.bin', base).href), BASE)).toBeUndefined();
});
