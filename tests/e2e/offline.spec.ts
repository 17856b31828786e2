import { expect, test } from '@playwright/test';
import { REPLAY, sendPrompt, waitForReplyDone } from './helpers';

test.use({ serviceWorkers: 'allow' });

test('offline: after one online visit the app starts offline, says so, replays a chat, and an uncached model says it needs the network', async ({ page, context }) => {
  await page.goto(REPLAY);
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  // The service worker registers once the page is idle and precaches the app, its worker and web-llm's chunk.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByTestId('offline-ready')).toContainText('Works offline: the app is saved on this device');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-status')).toContainText('Offline. The app works from this device');
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  await sendPrompt(page, 'Does this work on a plane?');
  await waitForReplyDone(page);
  await expect(page.getByTestId('message-assistant')).toHaveCount(1);

  // The live engine, offline, with nothing downloaded: said plainly, not "cannot reach huggingface.co".
  await page.goto('/?model=Qwen3-0.6B-q4f32_1-MLC');
  await expect(page.getByTestId('offline-status')).toBeVisible();
  await page.getByTestId('load').click();
  await expect(page.getByTestId('error-offline-not-cached')).toContainText('You are offline, and this model is not downloaded');
  await expect(page.getByTestId('error-host-unreachable')).toHaveCount(0);
  // It names the ways that work offline: a mirror on the user's network, a cached model, the demo (a button).
  await expect(page.getByTestId('error-offline-not-cached')).toContainText('mirror');
  await page.getByTestId('error-offline-not-cached').getByRole('button', { name: 'Try the recorded demo' }).click();
  await expect(page.getByTestId('replay-banner')).toBeVisible();
});

test('offline, real engine: the tiny ONNX model, loaded once online, loads and replies offline (ORT’s wasm and the model from the browser’s caches)', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/?model=Qwen3-MoE-Tiny-int4-ONNX');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByTestId('offline-ready')).toContainText('Works offline');
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-status')).toContainText('Offline. The app works from this device');
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('max-tokens').fill('8');
  await sendPrompt(page, 'Does this work on a plane?');
  // A fresh session's first token waits for its shaders to compile (13–19 s on a software adapter):
  // the finished reply is waited for as long as the load is.
  await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 120_000 });
  await waitForReplyDone(page);
  await expect(page.getByTestId('speed-panel').getByTestId('tokens').locator('[data-source]')).toHaveAttribute('data-source', 'measured');
  await expect(page.getByTestId('replay-banner')).toHaveCount(0);
});
