import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mirrorServer } from '../../scripts/mirror/server';
import { CHAT_CONFIG, TEST_LIBRARY, makeTestMirror } from '../fixtures/test-mirror';
import { QWEN3_30B_A3B } from '../fixtures/model-configs';

const MOE_ID = 'Qwen3-30B-A3B-q4f32_1-MLC';
const ONNX_ID = 'Tiny-MoE-ONNX';

/** An mlc-chat-config.json for an MLC build of Qwen3-30B-A3B (the shape its config.json gives); synthetic. */
const MOE_CONFIG = {
  ...CHAT_CONFIG,
  model_type: 'qwen3_moe',
  quantization: 'q4f32_1',
  context_window_size: 4096,
  model_config: QWEN3_30B_A3B,
};

let dir: string;
let server: Server;
let base: string;

async function folder(name: string, config: string): Promise<void> {
  await mkdir(join(dir, name, 'resolve/main'), { recursive: true });
  await writeFile(join(dir, name, 'resolve/main/mlc-chat-config.json'), config);
}

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-custom-'));
  await makeTestMirror(dir);
  await folder(MOE_ID, JSON.stringify(MOE_CONFIG));
  await folder('broken', '<html>not json</html>');
  await folder('llama', JSON.stringify({ ...CHAT_CONFIG, model_type: 'llama' }));
  // An ONNX build in the hub's layout: the tiny MoE's files (npm run tiny-moe), as another host serves them.
  await cp('public/models/Qwen3-MoE-Tiny', join(dir, 'someone', ONNX_ID, 'resolve/main'), { recursive: true });
  const serve = mirrorServer(dir);
  server = createServer((req, res) => {
    // Files under /nocors/ come without the CORS header, as from a host that does not allow this page.
    if (req.url?.startsWith('/nocors/')) res.setHeader = () => res;
    serve(Object.assign(req, { url: req.url?.replace(/^\/nocors/, '') }), res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true });
});

async function add(page: Page, model: string, lib = `${base}/${TEST_LIBRARY}`): Promise<void> {
  await page.getByTestId('custom-model').fill(model);
  await page.getByTestId('custom-modelLib').fill(lib);
  await page.getByTestId('custom-add').click();
}

test('custom model: a Qwen MoE build added by URL joins the picker with a memory estimate from its own config, survives a reload, loads through web-llm, and is removed', async ({ page }) => {
  await page.goto('/');
  await add(page, `${base}/${MOE_ID}`);
  await expect(page.getByTestId('custom-result')).toContainText(`Added ${MOE_ID}`);
  await expect(page.getByTestId('model-select')).toHaveValue(MOE_ID);
  await expect(page.getByTestId('custom-badge')).toBeVisible();
  // Every expert held: 30.5 B parameters at 5 bits are ~17.8 GiB of weights alone.
  const estimate = Number((await page.getByTestId('mem-estimate').innerText()).match(/[\d.]+/)![0]);
  expect(estimate).toBeGreaterThan(17.8);
  expect(estimate).toBeLessThan(21);
  await expect(page.getByTestId('arch-source')).toContainText("the model's own mlc-chat-config.json, read when you added it");

  await page.reload();
  await expect(page.getByTestId('custom-entry')).toHaveCount(1);
  await page.getByTestId('model-select').selectOption(MOE_ID);
  await page.getByTestId('load').click();
  // ~18 GB of weights: more than this test browser's storage, and the app says so first.
  await page.getByRole('button', { name: 'Download anyway' }).click();
  // The real engine fetched the build's config and library from where the user said (a made-up library here).
  await expect(page.getByTestId('error-bad-model-library')).toContainText(`${base}/${TEST_LIBRARY}`, { timeout: 30_000 });

  await page.getByRole('button', { name: `Remove ${MOE_ID}` }).click();
  await expect(page.getByTestId('custom-entry')).toHaveCount(0);
  await expect(page.getByTestId('model-select').locator(`option[value="${MOE_ID}"]`)).toHaveCount(0);
});

test('custom model, real engine: an ONNX folder added by URL (no library) gets the best dtype it serves, its own estimate, and loads and replies from that host', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await add(page, `${base}/someone/${ONNX_ID}`, '');
  // No shader-f16 here: 4-bit with float32 activations, the first the folder serves.
  await expect(page.getByTestId('custom-result')).toContainText(`Added ${ONNX_ID} (ONNX, q4 weights)`);
  await expect(page.getByTestId('model-select')).toHaveValue(ONNX_ID);
  await expect(page.getByTestId('arch-source')).toContainText('config.json');
  await page.getByTestId('load').click();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  // Its weights measured on the GPU sit beside the estimate from its own config.json.
  await expect(page.getByTestId('onnx-weights')).toContainText('MB');
  await page.getByTestId('max-tokens').fill('4');
  await page.getByTestId('prompt').fill('Hello');
  await page.getByTestId('prompt').press('Enter');
  await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  await expect(page.getByTestId('message-streaming')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('speed-panel').getByTestId('tokens').locator('[data-source]')).toHaveAttribute('data-source', 'measured');
  await page.reload();
  await expect(page.getByTestId('custom-entry')).toHaveCount(1);
  await page.getByRole('button', { name: `Remove ${ONNX_ID}` }).click();
  await expect(page.getByTestId('custom-entry')).toHaveCount(0);
});

test('custom model: a missing, malformed or unknown config and a library without CORS each get a clear message, and nothing is saved', async ({ page }) => {
  await page.goto('/');
  const cases: Array<[string, string | undefined, string]> = [
    [`${base}/nowhere`, undefined, 'answered HTTP 404'],
    [`${base}/broken`, undefined, 'is not JSON'],
    [`${base}/llama`, undefined, 'The architecture "llama" is not one the app can run'],
    [`${base}/${MOE_ID}`, `${base}/nocors/${TEST_LIBRARY}`, 'does not allow this page'],
    ['not a url', undefined, 'is not a URL'],
  ];
  for (const [model, lib, message] of cases) {
    await add(page, model, lib);
    await expect(page.getByTestId('custom-result')).toContainText(message);
    await expect(page.getByTestId('custom-entry'), model).toHaveCount(0);
  }
  await expect(page.getByTestId('custom-entry')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('custom-entry')).toHaveCount(0);
});
