import { expect, test } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test("after New chat the speed panel shows no other conversation's figures; going back to it shows them again", async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'What is the capital of France?');
  await waitForReplyDone(page);
  const panel = page.getByTestId('speed-panel');
  await expect(panel.getByTestId('context')).toBeVisible();
  await expect(panel.getByTestId('last-reply')).toBeVisible();
  await page.getByTestId('new-chat').click();
  await expect(panel).toContainText("Send a message to see the model's speed.");
  await expect(panel.getByTestId('context')).toHaveCount(0);
  await expect(panel.getByTestId('last-reply')).toHaveCount(0);
  await page.getByTestId('chats-toggle').click();
  await page.getByRole('button', { name: /What is the capital of France/ }).first().click();
  await expect(panel.getByTestId('last-reply')).toBeVisible();
});
