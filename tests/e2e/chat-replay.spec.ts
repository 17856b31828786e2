import { expect, test } from '@playwright/test';
import { REPLAY, openReplayAndLoad, sendPrompt, waitForReplyDone, withTestHooks, workerSettled } from './helpers';

test('pick a model, watch it load, chat, stop mid-stream, send again', async ({ page }) => {
  await page.goto(REPLAY);
  await expect(page.getByTestId('replay-banner')).toContainText('synthetic');
  // Pick the other recorded model, then come back: the picker drives the selection.
  await page.getByTestId('model-select').selectOption('Qwen3-1.7B');
  await expect(page.getByTestId('quant-select')).toHaveValue('Qwen3-1.7B-q4f32_1-MLC');
  await page.getByTestId('model-select').selectOption('Qwen3-0.6B');
  await page.getByTestId('load').click();
  // Progress is visible and moves.
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await expect(page.getByTestId('load-progress')).toContainText('replayed');
  await expect.poll(async () => Number((await page.getByTestId('load-percent').textContent())?.replace('%', ''))).toBeGreaterThan(0);
  await expect(page.getByTestId('model-ready')).toBeVisible();

  await sendPrompt(page, 'Write a sum function');
  const streaming = page.getByTestId('message-streaming');
  await expect(streaming).toBeVisible();
  // Tokens arrive one batch after another.
  await expect(streaming).toContainText('TypeScript');
  const early = (await streaming.innerText()).length;
  await expect.poll(async () => (await streaming.innerText()).length).toBeGreaterThan(early);

  // Stop mid-stream (Esc in the prompt box), keep the partial reply.
  await page.getByTestId('prompt').press('Escape');
  await waitForReplyDone(page);
  const stopped = page.getByTestId('message-assistant').last();
  await expect(stopped).toContainText('stopped');
  await expect(stopped).not.toContainText('synthetic fixture played back');

  // Send again: the model is still loaded (stop does not unload), the next recorded run plays.
  await sendPrompt(page, 'What is the capital of France?');
  await waitForReplyDone(page);
  const reply = page.getByTestId('message-assistant').last();
  await expect(reply).toContainText('The capital of France is Paris.');
  await expect(reply).toContainText('replayed');
  await expect(page.getByTestId('message-user')).toHaveCount(2);
  await expect(page.getByTestId('run-list').locator('li')).toHaveCount(2);
});

test('a thinking block is shown collapsed and apart from the answer', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'first');
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);
  await sendPrompt(page, 'second');
  await waitForReplyDone(page);
  const reply = page.getByTestId('message-assistant').last();
  const thinking = reply.getByTestId('thinking');
  await expect(thinking).toBeVisible();
  await expect(thinking).not.toHaveAttribute('open', '');
  await expect(reply.locator('.thinking-body')).toBeHidden();
  await expect(reply.locator('.markdown')).toHaveText('The capital of France is Paris.');
  await thinking.locator('summary').click();
  await expect(reply.locator('.thinking-body')).toContainText('The user asks for the capital of France. That is Paris.');
});

test('HTML and script inside model output render as text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openReplayAndLoad(page);
  for (const prompt of ['one', 'two']) {
    await sendPrompt(page, prompt);
    await page.getByTestId('stop').click();
    await waitForReplyDone(page);
  }
  await sendPrompt(page, 'three');
  await waitForReplyDone(page);
  const reply = page.getByTestId('message-assistant').last();
  await expect(reply).toContainText("<script>window.__pwned = 'script'</script>");
  await expect(reply).toContainText('<img src="x" onerror=');
  await expect(reply.locator('script, img, [onerror], [onclick]')).toHaveCount(0);
  await reply.getByText('a javascript link').click().catch(() => {});
  await reply.getByText('bold?').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const normal = reply.getByRole('link', { name: 'a normal link' });
  await expect(normal).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(normal).toHaveAttribute('target', '_blank');
  expect(dialogs).toEqual([]);
});

test('the conversation survives a reload, and deleting it empties the chat', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'remember me');
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);
  await page.reload();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('remember me');
  await page.getByTestId('chats-toggle').click();
  await page.getByRole('button', { name: 'Delete "remember me"' }).click();
  await expect(page.getByTestId('message-user')).toHaveCount(0);
});

test('an empty prompt and a too-long prompt get clear messages and lose nothing', async ({ page }) => {
  await openReplayAndLoad(page);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error-empty-prompt')).toBeVisible();
  const long = 'word '.repeat(5000);
  await page.getByTestId('prompt').fill(long);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error-context-exceeded')).toBeVisible();
  // Refused before it is sent: the prompt stays in the composer as typed, and no message joins the history.
  await expect(page.getByTestId('prompt')).toHaveValue(long);
  await expect(page.getByTestId('message-user')).toHaveCount(0);
});

test('cancelling a load really stops it', async ({ page }) => {
  await withTestHooks(page);
  await page.goto(REPLAY);
  await page.getByTestId('load').click();
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('load')).toBeVisible();
  await workerSettled(page); // the cancelled load has ended in the worker
  await expect(page.getByTestId('model-ready')).toHaveCount(0);
  await sendPrompt(page, 'hello');
  await expect(page.getByTestId('error-not-loaded')).toBeVisible();
});
