import { expect, test } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test('a crashed worker is reported, restarted on request, and the conversation stays', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'before the crash');
  await expect(page.getByTestId('message-streaming')).toContainText('TypeScript');
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);

  const worker = page.workers().find((w) => w.url().includes('inference'));
  expect(worker, 'the inference worker').toBeDefined();
  // An uncaught exception inside the worker, as a bug or an out-of-memory abort would raise.
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  const alert = page.getByTestId('error-worker-crashed');
  await expect(alert).toBeVisible();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('before the crash');

  await alert.getByRole('button', { name: 'Restart the worker' }).click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await sendPrompt(page, 'after the restart');
  await waitForReplyDone(page);
  await expect(page.getByTestId('message-user')).toHaveCount(2);
  await expect(page.getByTestId('message-assistant')).toHaveCount(2);
});
