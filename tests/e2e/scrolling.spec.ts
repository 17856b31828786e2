import { expect, test } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test.use({ viewport: { width: 1280, height: 560 } });

const gap = () => {
  const m = document.querySelector('[data-testid="messages"]')!;
  return m.scrollHeight - m.scrollTop - m.clientHeight;
};

test('the chat follows a growing reply, and stops following when the reader scrolls up', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'first');
  const streaming = page.getByTestId('message-streaming');
  await expect(streaming).toContainText('Kahan'); // far enough for the reply to overflow the view
  expect(await page.evaluate(() => {
    const m = document.querySelector('[data-testid="messages"]')!;
    return m.scrollHeight > m.clientHeight;
  })).toBe(true);
  expect(await page.evaluate(gap)).toBeLessThan(4);

  await waitForReplyDone(page);
  // Finishing swaps nothing out from under the view: it is still at the end of the reply.
  await page.waitForTimeout(300);
  expect(await page.evaluate(gap)).toBeLessThan(4);
  await sendPrompt(page, 'second');
  await expect(streaming).toBeVisible();
  await page.getByTestId('messages').hover();
  await page.mouse.wheel(0, -400);
  await expect.poll(() => page.evaluate(gap)).toBeGreaterThan(100);
  const away = await page.evaluate(gap);
  await waitForReplyDone(page);
  // The reader's position was kept: the reply grew below without pulling the view down.
  expect(await page.evaluate(gap)).toBeGreaterThanOrEqual(away);
});
