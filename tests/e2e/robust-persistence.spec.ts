import { expect, test, type Page } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

const assistant = (page: Page) => page.getByTestId('message-assistant');

/** Waits until the reply in flight shows at least `chars` characters, and returns what it shows. */
async function replyShowing(page: Page, chars: number): Promise<string> {
  // The reply's own text: the footer ("<model> · writing…", a badge) has text before the first token.
  const reply = page.getByTestId('message-streaming').locator('.reply');
  await expect.poll(async () => ((await reply.textContent()) ?? '').trim().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(chars);
  return (await reply.textContent()) ?? '';
}

test('robust: a reload 2.5 s into a reply keeps the question and the partial reply, marked interrupted, with Continue and Regenerate', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'explain memory bandwidth');
  // The synthetic reply streams at 25 tok/s after a 150 ms first token: 2.5 s in is ~60 tokens.
  await page.waitForFunction(() => (document.querySelector('[data-testid="message-streaming"] .reply')?.textContent ?? '').trim().length > 0);
  const sentAt = Date.now();
  await expect.poll(() => Date.now() - sentAt, { timeout: 5_000, intervals: [100] }).toBeGreaterThanOrEqual(2_400);
  const shown = await replyShowing(page, 1);
  await page.reload();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('explain memory bandwidth');
  const kept = assistant(page);
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText(shown.trim().slice(0, 120));
  expect(((await kept.locator('.reply').textContent()) ?? '').length).toBeGreaterThanOrEqual(shown.trim().length);
  await expect(kept.locator('.message-meta')).toContainText('interrupted: the page closed while it was written');

  // Regenerate asks the same question again once a model is loaded; the partial reply gives way.
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  await page.getByTestId('reply-regenerate').click();
  await expect(page.getByTestId('message-streaming')).toBeVisible();
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText(['explain memory bandwidth']);
  await expect(assistant(page)).toHaveCount(1);
  await expect(page.getByTestId('reply-continue')).toHaveCount(0);
});

test('robust: Continue after an interrupted reply keeps it and asks the model to go on', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'a long answer please');
  await replyShowing(page, 40);
  await page.reload();
  await expect(page.getByTestId('reply-continue')).toBeVisible();
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  await page.getByTestId('reply-continue').click();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText(['a long answer please', 'Please continue your previous answer from where it stopped.']);
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);
  await expect(assistant(page)).toHaveCount(2);
  await expect(assistant(page).first().locator('.message-meta')).toContainText('interrupted');
});

test('robust: a reload right after a reply ends, and 100 ms after a rename, keeps them', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'keep this exchange');
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);
  await page.reload();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('keep this exchange');
  await expect(assistant(page)).toHaveCount(1);

  await page.getByTestId('chats-toggle').click();
  await page.getByRole('button', { name: 'Rename' }).first().click();
  await page.getByTestId('rename-input').fill('Renamed just now');
  await page.getByTestId('rename-input').press('Enter');
  await expect(page.getByTestId('chat-title')).toHaveText('Renamed just now');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await page.reload();
  await expect(page.getByTestId('chat-title')).toHaveText('Renamed just now');
});

test('robust: closing the page mid-reply keeps the partial reply (the journal is written as the page goes)', async ({ page, context }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'closing the tab');
  const shown = await replyShowing(page, 30);
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('message-user').locator('.user-text')).toHaveText('closing the tab');
  await expect(again.getByTestId('message-assistant')).toContainText(shown.trim().slice(0, 30));
});
