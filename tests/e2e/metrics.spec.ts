import { expect, test } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test('speed figures update live without touching the chat, and say they are replayed', async ({ page }) => {
  await openReplayAndLoad(page);
  await sendPrompt(page, 'first');
  await expect(page.getByTestId('message-streaming')).toContainText('TypeScript');
  await page.getByTestId('stop').click();
  await waitForReplyDone(page);

  // Watch the finished history and the speed panel while the next reply streams.
  await page.evaluate(() => {
    const w = window as unknown as { chatMutations: number; speedMutations: number };
    w.chatMutations = 0;
    w.speedMutations = 0;
    const history = document.querySelectorAll('[data-testid="message-user"], [data-testid="message-assistant"]');
    const chat = new MutationObserver((m) => (w.chatMutations += m.length));
    history.forEach((el) => chat.observe(el, { subtree: true, childList: true, characterData: true, attributes: true }));
    // The token count changes at every refresh (the decode rate of a steady replay may not).
    const speed = new MutationObserver(() => (w.speedMutations += 1));
    speed.observe(document.querySelector('[data-testid="tokens"]')!, { subtree: true, childList: true, characterData: true });
  });
  await sendPrompt(page, 'second');
  await expect(page.getByTestId('decode-tps')).toContainText('replayed');
  await waitForReplyDone(page);
  const counts = await page.evaluate(() => {
    const w = window as unknown as { chatMutations: number; speedMutations: number };
    return { chatMutations: w.chatMutations, speedMutations: w.speedMutations };
  });
  expect(counts.chatMutations).toBe(0);
  expect(counts.speedMutations).toBeGreaterThan(3); // refreshed on a timer while streaming, not once at the end

  // After the reply: the app's figures beside the recorded usage, agreeing on decode speed.
  const table = page.getByTestId('last-reply');
  await expect(table).toBeVisible();
  const decodeRow = table.locator('tr', { hasText: 'Decode tok/s' });
  const [app, engine] = (await decodeRow.locator('td').allTextContents()).map(Number);
  expect(app).toBeGreaterThan(0);
  expect(Math.abs(app! / engine! - 1)).toBeLessThan(0.02);
  await expect(page.getByTestId('ttft')).toContainText('replayed');
  await expect(page.getByTestId('context')).toContainText('estimate');
});

test('the memory counter counts real GPU buffers and goes back down when they are freed', async ({ page }) => {
  // A web-llm model: its memory panel has web-llm's own figure beside the estimate.
  await page.goto('/?model=Qwen3-0.6B-q4f32_1-MLC');
  const measured = page.getByTestId('mem-measured');
  await expect(measured).toContainText('0.000');
  await expect(measured).toContainText('measured');
  await page.getByTestId('mem-self-test').click();
  await expect(measured).toContainText('0.250');
  await page.getByTestId('mem-self-test').click();
  await expect(measured).toContainText('0.000');
  // The three figures and their sources.
  await expect(page.getByTestId('mem-webllm')).toContainText('web-llm');
  await expect(page.getByTestId('mem-estimate')).toContainText('estimate');
  await expect(page.getByTestId('mem-breakdown')).toContainText('KV cache, full window');
});

test('the bandwidth probe measures the real adapter and gives a decode ceiling', async ({ page }) => {
  await page.goto('/?model=Qwen3-0.6B-q4f32_1-MLC');
  await page.getByTestId('run-probe').click();
  const bandwidth = page.getByTestId('bandwidth');
  await expect(bandwidth).toBeVisible({ timeout: 30_000 });
  const gbps = Number((await bandwidth.locator('.figure-number').textContent()) ?? 'NaN');
  expect(gbps).toBeGreaterThan(0);
  await expect(bandwidth).toContainText('measured');
  const ceiling = Number((await page.getByTestId('decode-ceiling').locator('.figure-number').textContent()) ?? 'NaN');
  expect(ceiling).toBeGreaterThan(0);
  await expect(page.getByTestId('decode-ceiling')).toContainText('estimate');
  // The probe's buffers are gone once it has finished.
  await expect(page.getByTestId('mem-measured')).toContainText('0.000');
});

test('the GPU panel reports the adapter limits read in the worker', async ({ page }) => {
  await page.goto('/');
  const limits = await page.evaluate(async () => {
    const a = await navigator.gpu.requestAdapter();
    return { maxBuffer: a!.limits.maxBufferSize, fallback: Boolean((a!.info as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter) };
  });
  await expect(page.getByTestId('gpu-max-buffer')).toHaveText(`${(limits.maxBuffer / 2 ** 30).toFixed(2)} GB`);
  await expect(page.getByTestId('gpu-is-fallback')).toContainText(limits.fallback ? 'yes' : 'no');
});
