import { expect, test } from '@playwright/test';
import { streamRunFile } from '../fixtures/synthetic-runs';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test.use({ viewport: { width: 1280, height: 560 } });

/** How far the end of the conversation is below the bottom of the view (0: the reader sees the end). */
const gap = () => {
  const m = document.querySelector('[data-testid="messages"]')!;
  return m.firstElementChild!.getBoundingClientRect().bottom - m.getBoundingClientRect().bottom;
};

test('the chat follows a growing reply, and stops following when the reader scrolls up', async ({ page }) => {
  // Replies of 400 tokens at 150 tokens/s: long enough to overflow the view and to scroll during.
  await page.route(
    (url) => url.pathname === '/e2e/long-replies.json',
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(streamRunFile('Qwen3-0.6B-q4f32_1-MLC', 400, 150)) }),
  );
  await openReplayAndLoad(page, '/?replay=/e2e/long-replies.json');
  const streaming = page.getByTestId('message-streaming');
  const overflowing = () => {
    const m = document.querySelector('[data-testid="messages"]')!;
    return m.scrollHeight > m.clientHeight + 200;
  };

  await sendPrompt(page, 'first');
  await page.waitForFunction(overflowing);
  await expect(streaming).toBeVisible();
  expect(await page.evaluate(gap)).toBeLessThan(2);
  await waitForReplyDone(page);
  // Finishing swaps nothing out from under the view: after the frames that paint the finished reply,
  // it is still at the end of it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(gap)).toBeLessThan(2);

  await sendPrompt(page, 'second');
  await expect(streaming).toContainText('Token');
  await page.getByTestId('messages').hover();
  await page.mouse.wheel(0, -400);
  await expect.poll(() => page.evaluate(gap)).toBeGreaterThan(100);
  await expect(streaming).toBeVisible(); // still being written
  const away = await page.evaluate(gap);
  const question = page.getByTestId('message-user').last();
  const top = (await question.boundingBox())!.y;
  await waitForReplyDone(page);
  // The reader's place was kept: the reply grew below the view, and what they were reading did not move.
  expect(await page.evaluate(gap)).toBeGreaterThan(away + 100);
  expect(Math.abs((await question.boundingBox())!.y - top)).toBeLessThan(2);

  // Sending again brings the view back to the end.
  await sendPrompt(page, 'third');
  await expect(streaming).toBeVisible();
  expect(await page.evaluate(gap)).toBeLessThan(2);
});

test('a reply that finishes keeps its element, however many messages the chat holds', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/e2e/short-replies.json',
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(streamRunFile('Qwen3-0.6B-q4f32_1-MLC', 60, 300)) }),
  );
  await openReplayAndLoad(page, '/?replay=/e2e/short-replies.json');
  // Every element that shows a reply being written is marked; a rebuilt one would lose the mark.
  await page.evaluate(() => {
    let n = 0;
    new MutationObserver(() => {
      const live = document.querySelector<HTMLElement>('[data-testid="message-streaming"]');
      if (live && !live.dataset.mark) live.dataset.mark = String(++n);
    }).observe(document.body, { subtree: true, childList: true });
  });
  // Four exchanges: the chat passes 8 messages, where older ones start to be grouped.
  for (let i = 1; i <= 4; i++) {
    await sendPrompt(page, `question ${i}`);
    await waitForReplyDone(page);
    await expect(page.getByTestId('message-assistant').last()).toHaveAttribute('data-mark', String(i));
  }
});
