import { expect, test, type Page } from '@playwright/test';

/** A browser without WebGPU (Firefox on Linux, Chrome on Linux without the flag): no navigator.gpu
 * on the page or in its workers. */
async function withoutWebGPU(page: Page) {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { gpu?: unknown }).gpu;
  });
  await page.route(/\/assets\/inference\.worker-[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `delete WorkerNavigator.prototype.gpu;\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
}

test('without WebGPU: a clear message with what to do, and replay, the MoE view and the break-even still work', async ({ page }) => {
  await withoutWebGPU(page);
  await page.goto('/');
  expect(await page.evaluate(() => 'gpu' in navigator)).toBe(false);
  const notice = page.getByTestId('error-no-webgpu');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Chrome');
  // The MoE view and the break-even calculator need no GPU.
  await page.getByTestId('hw-select').selectOption({ index: 1 });
  await expect(page.getByTestId('big-models')).toContainText('tok/s');
  await expect(page.getByText('The API would cost')).toBeVisible();
  // Replay mode needs no GPU either: the message offers it.
  await notice.getByRole('button', { name: 'Try the recorded demo' }).click();
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await expect(page.getByTestId('error-no-webgpu')).toHaveCount(0);
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  await page.getByTestId('prompt').fill('What is the capital of France?');
  await page.getByTestId('prompt').press('Enter');
  await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 30_000 });
});
