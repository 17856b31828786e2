import { expect, type Page } from '@playwright/test';

export const REPLAY = '/?replay=/replays/synthetic-chat.json';

/** Opens the app on the synthetic replay file and loads its first model. */
export async function openReplayAndLoad(page: Page, path = REPLAY): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
}

export async function sendPrompt(page: Page, text: string): Promise<void> {
  await page.getByTestId('prompt').fill(text);
  await page.getByTestId('prompt').press('Enter');
}

/** Waits until no reply is streaming. */
export async function waitForReplyDone(page: Page): Promise<void> {
  await expect(page.getByTestId('message-streaming')).toHaveCount(0, { timeout: 30_000 });
}
