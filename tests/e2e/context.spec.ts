import { expect, test } from '@playwright/test';
import { streamRunFile } from '../fixtures/synthetic-runs';
import { sendPrompt, waitForReplyDone } from './helpers';

const MODEL = 'Qwen3-0.6B-q4f32_1-MLC';

test('a long chat goes on past the context window, leaving out its oldest turns, and shows where the model’s view begins', async ({ page }) => {
  test.setTimeout(120_000);
  // A 4,096-token model whose replies are 100 tokens, fast.
  const file = streamRunFile(MODEL, 100, 2000);
  file.runs[0]!.contextWindow = 4096;
  await page.route((url) => url.pathname === '/ctx/long.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }));
  await page.goto('/?replay=/ctx/long.json');
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  // About 600 tokens a prompt: from the 5th exchange on, the whole chat no longer fits 4,096 − 1,024.
  const long = (i: number) => `Question ${i}: ${'tell me more about memory bandwidth and experts. '.repeat(50)}`;
  for (let i = 1; i <= 20; i++) {
    await sendPrompt(page, long(i));
    await waitForReplyDone(page);
    await expect(page.getByTestId('error-context-exceeded')).toHaveCount(0);
    if (i === 4) await expect(page.getByTestId('context-divider')).toHaveCount(0);
  }
  await expect(page.getByTestId('message-assistant')).toHaveCount(20);
  const divider = page.getByTestId('context-divider');
  await expect(divider).toHaveCount(1);
  await expect(divider).toContainText(/The \d+ messages above are not sent to the model/);
  // What was sent: the speed panel's context figure stays inside the window.
  const used = Number((await page.getByTestId('context').locator('.figure-number').textContent())?.replace(/\D/g, ''));
  expect(used).toBeLessThanOrEqual(4096);

  // Stop at the limit: the message is refused, and stays in the box.
  await page.getByTestId('overflow-policy').selectOption('stop');
  await sendPrompt(page, long(21));
  await expect(page.getByTestId('error-context-exceeded')).toContainText('leave out the oldest turns');
  await expect(page.getByTestId('prompt')).toHaveValue(long(21));
  await expect(page.getByTestId('message-assistant')).toHaveCount(20);
});
