import { expect, test, type Page } from '@playwright/test';
import { waitForReplyDone, withTestHooks } from './helpers';

const SCRIPT = ['What is a mixture of experts?', 'Write a haiku about GPUs'];

const level = (page: Page, id: string) => page.getByTestId(`check-${id}`);

/** Badges of every figure in the stage's live figures and its MoE sentence. */
async function stageSources(page: Page): Promise<string[]> {
  return page.locator('[data-testid="stage"] .stage-figures [data-source], [data-testid="stage-claim"] .stage-sentence [data-source]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source') ?? ''));
}

test('present: the pre-flight check reads this machine — a software adapter, no shader-f16, the model not downloaded, no rehearsal', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // The web-llm model a presenter with a GPU would pick (a software adapter's default is the tiny MoE).
  await page.goto('/?present&check&model=Qwen3-0.6B-q4f32_1-MLC');
  const check = page.getByTestId('preflight');
  await expect(check).toBeVisible();
  await expect(level(page, 'webgpu')).toHaveAttribute('data-level', 'fail');
  await expect(level(page, 'webgpu')).toContainText(/Software adapter: .*swiftshader/i);
  await expect(level(page, 'shader-f16')).toHaveAttribute('data-level', 'warn');
  await expect(level(page, 'model')).toHaveAttribute('data-level', 'fail');
  await expect(level(page, 'model')).toContainText('Qwen3-0.6B-q4f32_1-MLC is not downloaded');
  await expect(level(page, 'storage')).toHaveAttribute('data-level', /ok|warn/);
  // The tests block service workers: the app is not cached for offline use.
  await expect(level(page, 'offline')).toHaveAttribute('data-level', 'warn');
  await expect(level(page, 'rehearsal')).toHaveAttribute('data-level', 'fail');
  await expect(level(page, 'script')).toHaveAttribute('data-level', 'warn');
  await expect(check).toHaveAttribute('data-level', 'fail');
  await expect(check.getByRole('heading')).toContainText('not ready');

  // "Download now" starts the real download, which names the host it cannot reach.
  await level(page, 'model').getByRole('button', { name: 'Download now' }).click();
  await expect(page.getByTestId('fallback-offer')).toContainText(/No rehearsal was recorded/);
  await expect(page.getByTestId('error-host-unreachable')).toBeVisible();

  // The check closes, and the URL follows.
  await page.getByTestId('preflight-toggle').click();
  await expect(check).toHaveCount(0);
  await expect(page).not.toHaveURL(/check/);
});

test('present: after a simulated device loss the rehearsal plays in place of the live engine, every figure says replayed; Back to live tries again, and a failed load or a crashed worker offers the rehearsal again', async ({ page }) => {
  await withTestHooks(page);
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Rehearse the script. No model runs here, so the rehearsal is recorded on the replay engine,
  // and the pre-flight check says it is not a live one.
  await page.goto('/?present&check&replay=/replays/synthetic-chat.json');
  await page.getByTestId('stage-script').getByText('Edit the script').click();
  await page.getByTestId('script-text').fill(SCRIPT.join('\n'));
  await page.getByTestId('script-text').blur();
  await level(page, 'rehearsal').getByRole('button', { name: 'Record rehearsal' }).click();
  await expect(page.getByTestId('rehearsing')).toContainText('Rehearsing prompt');
  await expect(page.getByTestId('rehearsing')).toHaveCount(0, { timeout: 60_000 });
  await expect(level(page, 'rehearsal')).toHaveAttribute('data-level', 'warn');
  await expect(level(page, 'rehearsal')).toContainText('recorded from a replay');
  await expect(page.getByTestId('stage-chat').getByTestId('message-user').locator('.user-text')).toHaveText(SCRIPT[1]!);
  const rehearsedReplies = await page.getByTestId('message-assistant').allTextContents();
  expect(rehearsedReplies).toHaveLength(1); // the stage shows the latest exchange

  // The talk, on the live engine: the device is lost; P plays the rehearsal.
  await page.goto('/?present');
  await expect(page.getByTestId('replay-banner')).toHaveCount(0);
  await expect(page.getByTestId('fallback-offer')).toHaveCount(0);
  const lost = await page.evaluate(() => (window as Window & { __qwenTest?: { loseGpuDevice: () => Promise<number> } }).__qwenTest!.loseGpuDevice());
  expect(lost).toBeGreaterThan(0);
  await expect(page.getByTestId('error-device-lost')).toBeVisible();
  await expect(page.getByTestId('fallback-offer')).toContainText('The GPU device was lost');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const playing = page.getByTestId('fallback-playing');
  await expect(playing).toContainText(/replayed from rehearsal, \d+ \w+ \d{4}, recorded from the demo, not a GPU/);
  await expect(page.getByTestId('error-device-lost')).toHaveCount(0);
  await expect(playing).toContainText('Not live:'); // the rehearsal is ready to play
  await expect(page.getByTestId('prompt')).toHaveAttribute('placeholder', /Message the model/);

  await page.keyboard.press('ArrowRight');
  const chat = page.getByTestId('stage-chat');
  await expect(chat.getByTestId('message-user').locator('.user-text')).toHaveText(SCRIPT[0]!);
  await expect(chat.getByTestId('message-streaming')).toBeVisible();
  expect(await stageSources(page)).not.toContain('measured');
  await waitForReplyDone(page);
  await expect(page.getByTestId('figures-replayed')).toContainText('replayed from rehearsal');
  const sources = await stageSources(page);
  expect(sources.filter((s) => s === 'replayed').length).toBeGreaterThanOrEqual(4); // decode, TTFT, tokens, the MoE sentence's speed
  expect(sources).not.toContain('measured');
  await expect(page.getByTestId('stage')).not.toContainText('held now');
  await expect(chat.getByTestId('message-assistant')).toContainText(/replayed/i);

  // Back to live: the live model still cannot load here, and the offer comes back.
  await page.getByTestId('back-to-live').click();
  await expect(playing).toHaveCount(0);
  await expect(page.getByTestId('fallback-offer')).toContainText('The live engine stopped: Cannot reach huggingface.co', { timeout: 30_000 });
  await expect(page.getByTestId('play-rehearsal')).toBeVisible();

  // A crashed worker: the button replaces it with a fresh one that plays the rehearsal.
  const worker = page.workers().find((w) => w.url().includes('inference'));
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await expect(page.getByTestId('fallback-offer')).toContainText('The inference worker crashed');
  await page.getByTestId('play-rehearsal').click();
  await expect(playing).toContainText('Not live:');
  await expect(page.getByTestId('error-worker-crashed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send next →' }).click();
  await expect(chat.getByTestId('message-user').locator('.user-text')).toHaveText(SCRIPT[1]!);
  await waitForReplyDone(page);
  await expect(chat.getByTestId('message-assistant')).toContainText(/replayed/i);
  expect(await stageSources(page)).not.toContain('measured');
});
