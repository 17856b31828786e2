import { expect, test } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('under each reply its speed, Copy and Regenerate; under a question Edit; code coloured once the reply ends', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'What is the capital of France?');
  await waitForReplyDone(page);
  const reply = page.getByTestId('message-assistant');
  await expect(reply.getByTestId('reply-speed')).toHaveText(/^ · \d+(\.\d)? tok\/s · \d+ tokens$/);
  // Code blocks get syntax colours from the lazily loaded highlighter.
  await expect(reply.locator('pre code.hljs .hljs-keyword').first()).toBeVisible();

  await reply.getByTestId('reply-copy').click();
  await expect(reply.getByTestId('reply-copy')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBeGreaterThan(50);
  expect(copied).toContain('```');

  const first = await reply.locator('.reply').textContent();
  await reply.getByTestId('reply-regenerate-any').click();
  await waitForReplyDone(page);
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  expect((await page.getByTestId('message-assistant').locator('.reply').textContent())?.length).toBeGreaterThan(0);
  expect(first).not.toBeNull();

  await page.getByTestId('message-user').getByTestId('question-edit').click();
  await expect(page.getByTestId('prompt')).toHaveValue('What is the capital of France?');
  await expect(page.getByTestId('prompt')).toBeFocused();
  await expect(page.getByTestId('message-user')).toHaveCount(0);
  await page.getByTestId('prompt').fill('What is the capital of Italy?');
  await page.getByTestId('prompt').press('Enter');
  await waitForReplyDone(page);
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText(/capital of Italy/);
});

test('the theme: system by default, then light or dark whatever the system says, kept across a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await bg();
  await page.getByTestId('theme-switch').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await bg()).not.toBe(dark);
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('theme-switch')).toHaveAttribute('data-theme-choice', 'light');
  await page.getByTestId('theme-switch').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-switch').click();
  // Back to the system's choice, which follows the system.
  await expect(page.getByTestId('theme-switch')).toHaveAttribute('data-theme-choice', 'system');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('on a phone the live decode rate stays on screen under the composer while a reply streams', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openReplayAndLoad(page);
  await sendPrompt(page, 'What is the capital of France?');
  const line = page.getByTestId('live-speed-line');
  await expect(page.getByTestId('message-streaming')).toBeVisible();
  await expect(line).toContainText('(live)');
  await expect(line).toContainText(/\d tok\/s/);
  await expect(line).toBeInViewport();
  await expect(line.locator('[data-source="replayed"]')).toBeVisible();
  await waitForReplyDone(page);
  await expect(line).toContainText('(last reply)');
});
