import { expect, test, type Page } from '@playwright/test';
import { sendPrompt, waitForReplyDone } from './helpers';

/** Every piece of visible text in the stage view with its rendered size: HTML by its computed
 * font size, the chart's SVG text by the height it is drawn at. */
async function textSizes(page: Page): Promise<Array<{ text: string; px: number }>> {
  return page.evaluate(() => {
    const out: Array<{ text: string; px: number }> = [];
    const roots = document.querySelectorAll('.app-header, .stage');
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement;
        if (!text || !el) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        const svg = el.closest('svg');
        // An SVG text's font size is in the chart's units: scale it by the drawn size of the chart.
        const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
        out.push({ text: text.slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) * scale });
      }
    }
    return out;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`present: the stage view at 1920×1080 (${scheme}) has no text under 20 px and its main figures at 48 px or more`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1920, height: 1080 });
    // The bandwidth probe gives the projection (replayed runs never calibrate it).
    await page.goto('/?replay=/replays/synthetic-chat.json');
    await page.getByTestId('run-probe').click();
    await expect(page.getByTestId('bandwidth')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('view-stage').click();
    await expect(page).toHaveURL(/[?&]present/);
    await page.getByTestId('load').click();
    await expect(page.getByTestId('prompt')).toHaveAttribute('placeholder', /Message the model/);
    await sendPrompt(page, 'What is the capital of France?');
    await waitForReplyDone(page);

    const stage = page.getByTestId('stage');
    await expect(stage.getByTestId('decode-tps')).toContainText(/replayed/i);
    await expect(page.getByTestId('stage-claim')).toContainText(/Qwen3-30B-A3B would decode at about [\d.]+–[\d.]+ tok\/s and needs \d+ GB/);
    await expect(page.getByTestId('moe-chart')).toBeVisible();
    await expect(page.getByTestId('stage-chat').getByTestId('message-assistant')).toHaveCount(1);

    // The pre-flight check is part of the stage, and its text obeys the same floor.
    await page.getByTestId('preflight-toggle').click();
    await expect(page.getByTestId('preflight')).toBeVisible();
    await expect(page).toHaveURL(/[?&]present&check/);
    const small = (await textSizes(page)).filter((t) => t.px < 19.5);
    expect(small).toEqual([]);
    for (const id of ['decode-tps', 'ttft', 'tokens']) {
      const px = await stage.getByTestId(id).locator('.figure-number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px, id).toBeGreaterThanOrEqual(48);
    }
    // Back to the chat, and the URL says so.
    await page.getByTestId('stage-close').click();
    await expect(page.getByTestId('messages')).toBeVisible();
    await expect(page).not.toHaveURL(/present/);
  });
}

test('present: ?present opens the stage view directly', async ({ page }) => {
  await page.goto('/?present&replay=/replays/synthetic-chat.json');
  await expect(page.getByTestId('stage')).toBeVisible();
  await expect(page.getByTestId('view-stage')).toHaveAttribute('aria-pressed', 'true');
});

test('present: the script runs from the keyboard in replay mode — → and Space send the next prompt, ← goes back, Esc stops, R starts a fresh chat', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?present&replay=/replays/synthetic-chat.json');
  await page.getByTestId('stage-script').getByText('Edit the script').click();
  await page.getByTestId('script-text').fill('First question\nSecond question\n\nThird question');
  await page.getByTestId('script-text').blur();
  await expect(page.getByTestId('script-position')).toHaveText('Script 1 of 3 · next: First question');
  await page.getByTestId('load').click();
  await expect(page.getByTestId('prompt')).toHaveAttribute('placeholder', /Message the model/);

  const chat = page.getByTestId('stage-chat');
  await page.locator('body').click({ position: { x: 5, y: 5 } }); // focus the page, not a field
  await page.keyboard.press('ArrowRight');
  await expect(chat.getByTestId('message-user').locator('.user-text')).toHaveText('First question');
  await waitForReplyDone(page);
  await expect(page.getByTestId('script-position')).toHaveText('Script 2 of 3 · next: Second question');

  await page.keyboard.press(' ');
  await expect(chat.getByTestId('message-user').locator('.user-text')).toHaveText('Second question');
  await expect(chat.getByTestId('message-streaming')).toBeVisible();
  await page.keyboard.press('Escape');
  await waitForReplyDone(page);
  await expect(chat.getByTestId('message-assistant')).toContainText('stopped');

  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('script-position')).toHaveText('Script 2 of 3 · next: Second question');
  await page.keyboard.press('r');
  await expect(chat.getByTestId('message-user')).toHaveCount(0);
  // The script is kept with the preferences.
  await page.reload();
  await expect(page.getByTestId('script-position')).toHaveText('Script 1 of 3 · next: First question');
});
