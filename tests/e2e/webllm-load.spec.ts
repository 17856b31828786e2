import { expect, test } from '@playwright/test';

test('loading a prebuilt Qwen with the real web-llm names the unreachable host and retries', async ({ page }) => {
  const attempts: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('huggingface.co')) attempts.push(r.url());
  });
  await page.goto('/?model=Qwen3-0.6B-q4f32_1-MLC');
  await page.getByTestId('prompt').fill('a draft that must survive');
  await page.getByTestId('load').click();
  const error = page.getByTestId('error-host-unreachable');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('Cannot reach huggingface.co');
  await expect(error.getByText('Details')).toBeVisible();
  const before = attempts.length;
  expect(before).toBeGreaterThan(0);

  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('error-host-unreachable')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => attempts.length).toBeGreaterThan(before);
  // Nothing was lost: the draft is still there.
  await expect(page.getByTestId('prompt')).toHaveValue('a draft that must survive');
});
