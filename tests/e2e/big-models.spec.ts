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

test('the first state says something: an example GPU, labelled, a legend, ticks and labels readable at 390', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const section = page.getByTestId('big-models');
  const toggle = section.locator('.panel-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(section.getByTestId('bandwidth-source')).toContainText('example GPU, the RTX 5090');
  await expect(section.getByTestId('bandwidth-source').locator('[data-source="published"]')).toBeVisible();
  await expect(section.getByTestId('moe-answer')).toContainText('On an RTX 5090 it would decode at about');
  await expect(section.getByTestId('moe-legend')).toContainText('mixture of experts');
  const chart = section.getByTestId('moe-chart');
  // Every label drawn is at least 11 px on screen, and none overlaps another.
  const boxes = await chart.locator('.point text').evaluateAll((ts) => ts.map((t) => ({ r: t.getBoundingClientRect(), size: parseFloat(getComputedStyle(t).fontSize) })));
  expect(boxes.length).toBeGreaterThan(4);
  for (const b of boxes) expect(b.size).toBeGreaterThanOrEqual(11);
  const svgScale = await chart.evaluate((svg) => (svg as SVGSVGElement).getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
  expect(svgScale).toBeCloseTo(1, 2);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!.r, boxes[j]!.r];
      expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `labels ${i} and ${j}`).toBe(true);
    }
  // Round y ticks.
  expect((await chart.locator('text').allTextContents()).filter((t) => /^(1|3|10|30|100|300|1000)$/.test(t)).length).toBeGreaterThan(3);
  // The break-even starts from the press case: months, not decades.
  await expect(page.getByTestId('cost-result')).toContainText('after 7.5 months');
});

test('this machine: the probe, then a replayed reply (labelled, the probe set aside), and the memory you enter', async ({ page }) => {
  await openReplayAndLoad(page);
  const section = page.getByTestId('big-models');
  await page.getByTestId('run-probe').click();
  await expect(page.getByTestId('bandwidth')).toBeVisible({ timeout: 30_000 });
  await expect(section.getByTestId('bandwidth-source')).toContainText('probe on this GPU');
  await expect(section.getByTestId('moe-answer')).toContainText('On this GPU it would decode at about');
  await sendPrompt(page, 'hello');
  await waitForReplyDone(page);
  // The speed on screen is the replay's: the projection stands on it, and says it is not this GPU.
  await expect(section.getByTestId('bandwidth-source')).toContainText('replayed reply');
  await expect(section.getByTestId('bandwidth-source')).toContainText('set aside');
  await expect(section.getByTestId('bandwidth-source').locator('[data-source="replayed"]')).toBeVisible();
  await page.getByTestId('gpu-memory-input').fill('8');
  await expect(section.getByTestId('moe-answer')).toContainText('it does not fit in your 8 GB');
  await expect(page.getByTestId('memory-bar-scale')).toContainText("your GPU's 8 GB");
});

test('a GPU picked in the chat is the one the stage projects for', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('hw-select').selectOption('rtx4090');
  await page.goto('/?present');
  await expect(page.getByTestId('stage-hw-select')).toHaveValue('rtx4090');
  await expect(page.getByTestId('stage-claim-sentence')).toContainText('On the RTX 4090 (datasheet)');
  await expect(page.getByTestId('stage-claim-sentence')).toContainText("it fits in the RTX 4090's 24 GB");
  await page.getByTestId('stage-hw-select').selectOption('mine');
  await page.getByTestId('stage-hw-select-memory').fill('8');
  await expect(page.getByTestId('stage-claim-sentence')).toContainText('it does not fit in 8 GB');
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
