import { expect, test } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test('a GPU from the table: what fits, how fast, and why MoE changes it', async ({ page }) => {
  await page.goto('/');
  const section = page.getByTestId('big-models');
  await section.getByTestId('hw-select').selectOption('rtx4090');
  const answer = section.getByTestId('moe-answer');
  await expect(answer).toContainText("Qwen3-30B-A3B at 4-bit needs ~");
  await expect(answer).toContainText("it fits in the RTX 4090's 24 GB");
  await expect(answer).toContainText('about as fast as dense Qwen3-');
  await expect(section.getByTestId('bandwidth-source')).toContainText('RTX 4090 datasheet');
  const chart = section.getByTestId('moe-chart');
  await expect(chart.locator('[data-kind="dense"]')).toHaveCount(6);
  expect(await chart.locator('[data-kind="moe"]').count()).toBeGreaterThanOrEqual(5);
  await expect(chart.getByTestId('moe-limit')).toContainText('24 GB');
  // A model that cannot fit a 24 GB card says so.
  await section.getByTestId('focus-select').selectOption('Qwen3-235B-A22B');
  await expect(answer).toContainText('it does not fit');
  await section.getByTestId('format-select').selectOption('BF16');
  await expect(answer).toContainText('at 16-bit');
});

test('your own GPU: memory you enter, bandwidth you measure, and never a replayed figure', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'hello');
  await waitForReplyDone(page);
  const section = page.getByTestId('big-models');
  // A replayed reply is not this machine: it must not calibrate the projection.
  await expect(section.getByTestId('bandwidth-source')).toContainText('No bandwidth yet');
  await page.getByTestId('gpu-memory-input').fill('8');
  await expect(section.getByTestId('moe-answer')).toContainText('it does not fit in your 8 GB');
  await page.getByTestId('run-probe').click();
  await expect(page.getByTestId('bandwidth')).toBeVisible({ timeout: 30_000 });
  await expect(section.getByTestId('bandwidth-source')).toContainText('probe');
  await expect(section.getByTestId('moe-answer')).toContainText('On your GPU it would decode at about');
});

test('the break-even calculator', async ({ page }) => {
  await page.goto('/');
  const cost = page.getByTestId('cost');
  await cost.getByTestId('cost-tokens').fill('100');
  await cost.getByTestId('cost-price').fill('2');
  await cost.getByTestId('cost-hardware').fill('2000');
  await cost.getByTestId('cost-watts').fill('450');
  await cost.getByTestId('cost-hours').fill('8');
  await cost.getByTestId('cost-kwh').fill('0.3');
  // $200 of API a month, $32.87 of electricity (450 W × 8 h × 30.44 days × $0.30): 2000 / 167.13 = 12.0 months.
  await expect(cost.getByTestId('cost-result')).toContainText('The API would cost $200.00 a month; the GPU\'s electricity $32.87 a month');
  await expect(cost.getByTestId('cost-result')).toContainText('after 12.0 months');
  // An RTX 5090 projects a speed for the model in focus: its monthly capacity follows.
  await page.getByTestId('hw-select').selectOption('rtx5090');
  await expect(cost.getByTestId('cost-capacity')).toContainText(/At about \d+ tok\/s \(the low end of the projection for Qwen3-30B-A3B\), it decodes about \d+ M tokens a month in 8 h a day/);
});
