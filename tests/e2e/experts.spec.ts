// The experts at work, on the real tiny Qwen3-MoE (no replay): its builds output each layer's
// router choices, which light the map as the reply streams. And an MoE build without those outputs
// (the same weights, the outputs left out) says plainly that it cannot show them.
import { mkdtemp, mkdir, rm, writeFile, cp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mirrorServer } from '../../scripts/mirror/server';
import { buildDecoder } from '../../scripts/tiny-moe/decoder-graph';
import { encodeModel } from '../../scripts/tiny-moe/onnx';
import { generateWeights } from '../../scripts/tiny-moe/weights';
import { TINY_MOE } from '../../src/lib/tiny-moe';
import type { Run } from '../../src/shared/runs';
import { axeViolations, openHookedPage, sendPrompt } from './helpers';

const MODEL = 'Qwen3-MoE-Tiny-int8-ONNX';
const lastRun = (page: Page) => page.evaluate(() => (window as unknown as { __qwenTest: { lastRun: () => Run | null } }).__qwenTest.lastRun());

/** Pixels of the map drawn in the theme's accent at more than half strength (lit cells). */
const litPixels = (page: Page) =>
  page.getByTestId('expert-canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const [r, g, b] = getComputedStyle(c).getPropertyValue('--accent').trim().match(/\w\w/g)!.map((h) => parseInt(h, 16));
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 90) n++;
    return n;
  });

test.describe.serial('experts: the tiny MoE’s router at work, live', () => {
  test.setTimeout(180_000);
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await openHookedPage(browser, `/?model=${MODEL}`);
  });
  test.afterAll(async () => page.close());

  test('experts: the map lights while a reply streams; counts add up to tokens × layers × k; the measured share equals the config’s', async () => {
    const panel = page.getByTestId('experts-panel');
    await expect(panel.getByTestId('expert-map-idle')).toContainText('its 2 of 8 experts per token light up here');
    await page.getByTestId('load').click();
    await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 150_000 });
    await expect(panel.getByTestId('expert-canvas')).toBeVisible();
    expect(await litPixels(page)).toBe(0);
    await page.locator('input[type=range]').first().fill('0');
    await page.getByTestId('max-tokens').fill('48');
    await sendPrompt(page, 'Which experts does this token use?');
    // While the reply streams: the latest token's line, and lit cells.
    await expect(page.getByTestId('message-streaming')).toHaveCount(1);
    await expect(panel.getByTestId('expert-live')).toContainText(/Token \d+: it used 2 of 8 experts in each layer — 25\.0 % of the expert weights/, { timeout: 60_000 });
    expect(await page.getByTestId('message-streaming').count()).toBe(1);
    expect(await litPixels(page)).toBeGreaterThan(0);
    await expect(page.getByTestId('message-streaming')).toHaveCount(0, { timeout: 120_000 });

    const run = (await lastRun(page))!;
    const tokens = run.usage!.completion_tokens;
    expect(tokens).toBeGreaterThan(0);
    await panel.getByText(/^Tokens per expert/).click();
    const counts = (await panel.getByTestId('expert-counts').locator('tbody td').allInnerTexts()).map(Number);
    expect(counts).toHaveLength(TINY_MOE.layers * TINY_MOE.experts);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(tokens * TINY_MOE.layers * TINY_MOE.expertsPerToken);
    // Each layer's row: every token chose k experts there.
    for (let l = 0; l < TINY_MOE.layers; l++) expect(counts.slice(l * 8, l * 8 + 8).reduce((a, b) => a + b, 0)).toBe(tokens * 2);

    const share = await panel.getByTestId('expert-share').innerText();
    expect(share).toContain(`Over this reply’s ${tokens} tokens`);
    const [expertShare, weightShare] = [...share.matchAll(/([\d.]+) %/g)].map((m) => m[1]);
    const config = await panel.getByText(/^By its config/).innerText();
    const [configExpert, configWeight] = [...config.matchAll(/([\d.]+) %/g)].map((m) => m[1]);
    expect(expertShare).toBe('25.0');
    expect([expertShare, weightShare]).toEqual([configExpert, configWeight]);
    await expect(panel.getByTestId('expert-bytes')).toContainText(/Weights read per token: [\d.]+ (kB|MB)/);
    await expect(panel.getByTestId('expert-balance')).toContainText('even routing would give each expert 25.0 % of the tokens');
    // The projections calibrate from this reply with the bytes its tokens read, as counted.
    await expect(page.getByTestId('bandwidth-source')).toContainText('from the weights its tokens read as its router chose them (measured)');
    // The MoE view puts the measured speed beside what the bandwidth probe projects for this model, with their ratio.
    await page.getByTestId('run-probe').click();
    await expect(page.getByTestId('moe-measured')).toContainText(`${MODEL} (mixture of experts`, { timeout: 60_000 });
    await expect(page.getByTestId('moe-measured-ratio')).toContainText(/measured ÷ projected = [\d.]+/);
  });

  test('experts: axe-core finds no violation on the map, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  test('experts: the stage shows the map large', async () => {
    await page.goto(`/?present&model=${MODEL}`);
    await page.getByTestId('load').click();
    await expect(page.getByTestId('stage').getByTestId('expert-map')).toBeVisible({ timeout: 150_000 });
    const box = await page.getByTestId('stage').getByTestId('expert-canvas').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    // The stage's floor: no text under 20 px, the map's captions included.
    const sizes = await page.getByTestId('stage').getByTestId('expert-map').locator('p').evaluateAll((ps) => ps.map((p) => parseFloat(getComputedStyle(p).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
  });
});

test.describe('experts: an MoE build without router outputs', () => {
  let dir: string;
  let server: Server;
  let base: string;

  test.beforeAll(async () => {
    // The tiny model's int8 build with the router outputs left out: the same MoE, silent about its routing.
    dir = await mkdtemp(join(tmpdir(), 'e2e-experts-'));
    const folder = join(dir, 'someone', 'Silent-MoE-ONNX', 'resolve/main');
    await mkdir(join(folder, 'onnx'), { recursive: true });
    for (const f of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) await cp(join('public/models', TINY_MOE.name, f), join(folder, f));
    const model = buildDecoder(generateWeights(), 'int8');
    model.outputs = model.outputs.filter((o) => !o.name.startsWith('router_'));
    await writeFile(join(folder, 'onnx', 'model_int8.onnx'), encodeModel(model));
    server = createServer(mirrorServer(dir));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true });
  });

  test('experts: a loaded MoE whose build does not output its router’s choices says so', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await page.getByTestId('custom-model').fill(`${base}/someone/Silent-MoE-ONNX`);
    await page.getByTestId('custom-add').click();
    await expect(page.getByTestId('custom-result')).toContainText('Added');
    await page.getByTestId('load').click();
    await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 150_000 });
    await expect(page.getByTestId('expert-map-none')).toContainText('This build does not report its router’s choices');
    await expect(page.getByTestId('expert-canvas')).toHaveCount(0);
  });
});

test('experts: the offload view lays out the big MoEs for an 8 GB GPU, follows the settings, and the stage says it for this machine', async ({ page }) => {
  await page.goto('/');
  const view = page.getByTestId('offload');
  await view.scrollIntoViewIfNeeded();
  await expect(view.getByTestId('offload-gpu')).toHaveValue('8');
  const row = (model: string) => view.getByTestId('offload-table').locator(`tr[data-model="${model}"]`);
  await expect(row('Qwen3.6-35B-A3B')).toContainText(/\d+ of 40 layers/);
  await expect(row('Qwen3-Coder-480B-A35B')).toContainText('does not fit');
  await expect(view.getByTestId('offload-answer')).toContainText(/Qwen3\.6-35B-A3B on this 8 GB card with dual-channel DDR5: ≈ \d+ tok\/s expected \(ceiling \d+\), the experts of \d+ of its 40 layers in RAM/);
  // textContent, not innerText: the section sits in a content-visibility: auto panel, whose text reads
  // as empty until the browser has rendered it after the scroll.
  const inRam = async () => Number((await row('Qwen3-30B-A3B').locator('td').first().textContent())!.split(' ')[0]);
  const at8 = await inRam();
  expect(at8).toBeGreaterThan(0);
  await view.getByTestId('offload-gpu').selectOption('16');
  await expect.poll(inRam).toBeLessThan(at8);
  // Typed bandwidths and a measured RAM figure take the place of the defaults, and say so.
  await view.getByTestId('offload-gpu-gbps').fill('960');
  await view.getByTestId('offload-measure-ram').click();
  await expect(view.getByTestId('offload-ram')).toHaveValue('measured');
  await expect(view.getByTestId('offload-basis')).toContainText(/GPU: 16 GB, 960 GB\/s \(typed\)\. RAM: \d+ GB\/s, measured in this browser \(a lower bound\)/);
  await view.getByText('How the expected speed is worked out').click();
  await expect(view.getByTestId('offload-points').locator('tbody tr')).toHaveCount(8);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/?present');
  await expect(page.getByTestId('stage-offload')).toContainText(/Qwen3\.6-35B-A3B on a 16 GB card with RAM measured at ≥ \d+ GB\/s: ≈ \d+ tok\/s/);
});
