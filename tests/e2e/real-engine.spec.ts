// The live path with a real model: the tiny Qwen3-MoE that `npm run tiny-moe` writes, run by
// ONNX Runtime Web's WebGPU backend (through transformers.js) on this machine's adapter. No replay
// file anywhere: every token and figure here is made now. One page and one load for the file.
import { expect, test, type Page } from '@playwright/test';
import type { Run } from '../../src/shared/runs';
import type { MemoryStats } from '../../src/shared/protocol';
import { usageFromChunks } from '../../src/shared/runs';
import { greedyOnCpu } from './tiny-cpu';
import { openHookedPage } from './helpers';

const MODEL = 'Qwen3-MoE-Tiny-int8-ONNX';
const SYSTEM = 'You are a tiny test model.';
const PROMPT = 'What is a mixture of experts?';

interface Hooks {
  lastRun: () => Run | null;
  gpuMemory: () => MemoryStats;
}
const lastRun = (page: Page) => page.evaluate(() => (window as unknown as { __qwenTest: Hooks }).__qwenTest.lastRun());
const gpuMemory = (page: Page) => page.evaluate(() => (window as unknown as { __qwenTest: Hooks }).__qwenTest.gpuMemory());

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('prompt').fill(text);
  await page.getByTestId('prompt').press('Enter');
}

test.describe.serial('real engine: the tiny Qwen3-MoE on this WebGPU adapter', () => {
  test.setTimeout(180_000);
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await openHookedPage(browser, `/?model=${MODEL}`);
  });
  test.afterAll(async () => page.close());

  test('real engine: the tiny MoE loads with progress, and its weights are counted on the GPU', async () => {
    await page.getByTestId('load').click();
    await expect(page.getByTestId('load-progress')).toBeVisible();
    await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 150_000 });
    expect((await gpuMemory(page)).liveBytes).toBeGreaterThan(0);
    // The weights measured at load sit within 10 % of the estimate the panel prints beside them.
    const note = await page.getByTestId('onnx-weights').innerText();
    const [estimate, measured] = [...note.matchAll(/([\d.]+) MB/g)].map((m) => Number(m[1]));
    expect(measured).toBeGreaterThan(0);
    expect(Math.abs(estimate! - measured!) / measured!).toBeLessThan(0.1);
  });

  test('real engine: a greedy reply streams, every figure measured and agreeing with the run’s stamps', async () => {
    await page.getByTestId('system-prompt').fill(SYSTEM);
    await page.locator('input[type=range]').first().fill('0');
    await page.getByTestId('max-tokens').fill('32');
    await send(page, PROMPT);
    await expect(page.getByTestId('message-streaming')).toHaveCount(0, { timeout: 120_000 });
    const run = (await lastRun(page))!;
    expect(run.engine).toBe('onnx');
    expect(run.source).toBe('measured');
    // It ended by itself (its token budget or the end token), not as a stopped reply.
    expect(['length', 'stop']).toContain(run.finishReason);
    expect(run.chunks.length).toBeGreaterThan(0);
    const panel = page.getByTestId('speed-panel');
    const sources = await panel.locator('[data-source]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    expect(sources).not.toContain('replayed');
    expect(sources).not.toContain('web-llm');
    for (const id of ['decode-tps', 'ttft', 'tokens']) await expect(panel.getByTestId(id).locator('[data-source]')).toHaveAttribute('data-source', 'measured');
    const app = usageFromChunks(run.chunks, run.usage!.prompt_tokens);
    const shown = async (id: string) => Number((await panel.getByTestId(id).locator('.figure-number').innerText()).replace(/,/g, ''));
    expect(await shown('tokens')).toBeGreaterThan(0);
    expect(await shown('decode-tps')).toBeGreaterThan(0);
    expect(await shown('ttft')).toBeGreaterThan(0);
    // The engine counted every token (the host keeps a chunk per token with text); its stamps and the
    // host's agree on the decode rate and the first token.
    expect(run.usage!.completion_tokens).toBeGreaterThanOrEqual(run.chunks.length);
    expect(Math.abs(run.usage!.extra.decode_tokens_per_s - app.extra.decode_tokens_per_s) / app.extra.decode_tokens_per_s).toBeLessThan(0.15);
    expect(Math.abs(run.usage!.extra.time_to_first_token_s - app.extra.time_to_first_token_s)).toBeLessThan(0.25);
    expect(await shown('decode-tps')).toBeCloseTo(app.extra.decode_tokens_per_s, 0);
  });

  test('real engine: the greedy reply on WebGPU equals ONNX Runtime’s CPU backend for 32 tokens', async () => {
    const reply = await page.locator('.reply').last().innerText();
    const cpu = await greedyOnCpu('model_int8.onnx', [{ role: 'system', content: SYSTEM }, { role: 'user', content: PROMPT }], 32);
    expect(cpu.length).toBeGreaterThan(0);
    // The rendered reply is Markdown: compare the words, whitespace aside.
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(words(reply)).toBe(words(cpu));
  });

  test('real engine: Stop ends a reply within 2 s', async () => {
    await page.getByTestId('max-tokens').fill('400');
    await send(page, 'Tell me a long story');
    await expect(page.locator('[data-testid=message-streaming] .reply')).toHaveText(/\S{3}/, { timeout: 60_000 });
    const asked = Date.now();
    await page.getByTestId('stop').click();
    await expect(page.getByTestId('message-streaming')).toHaveCount(0, { timeout: 10_000 });
    expect(Date.now() - asked).toBeLessThan(2000);
    const run = (await lastRun(page))!;
    expect(run.finishReason).toBe('abort');
    expect(run.chunks.length).toBeLessThan(400);
  });

  test('real engine: Unload frees the GPU buffers', async () => {
    await page.getByTestId('unload').click();
    await expect(page.getByTestId('load')).toBeVisible();
    await expect.poll(async () => (await gpuMemory(page)).liveBytes, { timeout: 10_000 }).toBeLessThan(1024 * 1024);
  });

  test('real engine: to the replay demo and back to the live engine', async () => {
    await page.goto('/?replay=/replays/synthetic-chat.json');
    await expect(page.getByTestId('replay-banner')).toBeVisible();
    await page.getByRole('button', { name: 'Use the live engine' }).click();
    await expect(page.getByTestId('replay-banner')).toHaveCount(0);
    await page.getByTestId('model-select').selectOption('Qwen3-MoE-Tiny');
    await page.getByTestId('quant-select').selectOption(MODEL);
    await expect(page.getByTestId('load')).toHaveText('Load from cache');
  });
});
