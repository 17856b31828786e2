import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

/** Sends a prompt and stops the reply early: the test needs a reply, not a long one. */
async function exchange(page: Page, prompt: string): Promise<void> {
  await sendPrompt(page, prompt);
  await expect(page.getByTestId('message-streaming')).toBeVisible();
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);
}

const list = (page: Page) => page.getByRole('region', { name: 'Conversations' });
const row = (page: Page, title: string) => list(page).getByTestId('conversation').filter({ hasText: title });

async function openList(page: Page): Promise<void> {
  const toggle = page.getByTestId('chats-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(list(page)).toBeVisible();
}

test('the conversation list survives a reload: titles, a new name, the current conversation and its messages', async ({ page }) => {
  await openReplayAndLoad(page);
  await exchange(page, 'first chat question');
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('message-user')).toHaveCount(0);
  await expect(page.getByTestId('prompt')).toBeFocused();
  await exchange(page, 'second chat question');
  await expect(page.getByTestId('chat-title')).toHaveText('second chat question');

  await openList(page);
  await expect(list(page).getByTestId('conversation')).toHaveCount(2);
  await row(page, 'second chat question').getByRole('button', { name: 'Rename' }).click();
  await page.getByTestId('rename-input').fill('Stage demo');
  await page.getByTestId('rename-input').press('Enter');
  await expect(page.getByTestId('chat-title')).toHaveText('Stage demo');

  await page.reload();
  await expect(page.getByTestId('chat-title')).toHaveText('Stage demo');
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('second chat question');
  await expect(page.getByTestId('chats-toggle')).toHaveText('Chats (2)');
  await openList(page);
  await row(page, 'first chat question').getByRole('button', { name: /first chat question/ }).first().click();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('first chat question');
  await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  await expect(list(page)).toHaveCount(0); // opening a conversation closes the list
});

test('switching while a reply streams stops it and keeps it in its conversation', async ({ page }) => {
  await openReplayAndLoad(page);
  await exchange(page, 'an older conversation');
  await page.getByTestId('new-chat').click();
  await sendPrompt(page, 'write me something long');
  await expect(page.getByTestId('message-streaming')).toBeVisible();
  await openList(page);
  await row(page, 'an older conversation').locator('.conversation-open').click();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('an older conversation');
  await expect(page.getByTestId('message-streaming')).toHaveCount(0);
  await openList(page);
  await row(page, 'write me something long').locator('.conversation-open').click();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('write me something long');
  await expect(page.getByTestId('message-assistant')).toContainText('stopped');
});

test('delete with undo, and a conversation exported as Markdown', async ({ page }) => {
  await openReplayAndLoad(page);
  await exchange(page, 'keep this one');
  await page.getByTestId('new-chat').click();
  await exchange(page, 'delete this one');
  await openList(page);

  const download = page.waitForEvent('download');
  await row(page, 'keep this one').getByRole('button', { name: 'Export "keep this one" as Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('keep-this-one.md');
  const markdown = await readFile((await file.path())!, 'utf8');
  expect(markdown).toMatch(/^# keep this one\n/);
  expect(markdown).toContain('## You\n\nkeep this one\n');
  expect(markdown).toMatch(/## Qwen[^\n]+\(replayed, not generated on this device, stopped\)/);

  await row(page, 'delete this one').getByRole('button', { name: 'Delete "delete this one"' }).click();
  await expect(page.getByTestId('undo-delete')).toContainText('Deleted "delete this one"');
  // The current conversation went: the next most recent opens.
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('keep this one');
  await expect(list(page).getByTestId('conversation')).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('delete this one');
  await expect(page.getByTestId('undo-delete')).toHaveCount(0);
  await openList(page);
  await expect(list(page).getByTestId('conversation')).toHaveCount(2);
  // Undone, it is saved again: it is there after a reload.
  await page.reload();
  await expect(page.getByTestId('chats-toggle')).toHaveText('Chats (2)');
  await expect(page.getByTestId('message-user').locator('.user-text')).toHaveText('delete this one');
});
