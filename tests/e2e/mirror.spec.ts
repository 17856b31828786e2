import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mirrorServer } from '../../scripts/mirror/server';
import { TEST_LIBRARY, TEST_MODEL, makeTestMirror } from '../fixtures/test-mirror';

/** How the test mirror misbehaves for the next requests. */
type Mode = 'ok' | 'slow-library' | 'drop-library-once' | 'no-cors' | 'empty';

let dir: string;
let server: Server;
let base: string;
let mode: Mode = 'ok';
const requests: string[] = [];
/** The slow library's response was closed before it finished (the client went away). */
let libraryAbandoned = false;

function handler(serve: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const library = req.url === `/${TEST_LIBRARY}`;
    if (mode === 'empty') {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
    } else if (mode === 'no-cors') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    } else if (library && mode === 'slow-library') {
      // The made-up library trickles out: a load is still downloading it when the test cancels.
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/wasm', 'Content-Length': String(64 * 2 ** 20) });
      const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 50);
      res.on('close', () => {
        clearInterval(timer);
        if (!res.writableFinished) libraryAbandoned = true;
      });
    } else if (library && mode === 'drop-library-once') {
      mode = 'ok';
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/wasm', 'Content-Length': String(256 * 1024) });
      res.write(Buffer.alloc(32 * 1024), () => res.destroy());
    } else {
      serve(req, res);
    }
  };
}

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-mirror-'));
  await makeTestMirror(dir);
  server = createServer(handler(mirrorServer(dir)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true });
});
test.beforeEach(() => {
  mode = 'ok';
  requests.length = 0;
  libraryAbandoned = false;
});

async function useMirror(page: Page): Promise<void> {
  await page.goto(`/?model=${TEST_MODEL}`);
  await page.getByTestId('mirror-input').fill(base);
  await page.getByTestId('mirror-use').click();
}

test('mirror: the real web-llm engine fetches the config and model library from the mirror only, and a file that is not a model library is named', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!/^http:\/\/127\.0\.0\.1[:/]/.test(r.url())) outside.push(r.url());
  });
  await useMirror(page);
  await expect(page.getByTestId('mirror-check')).toContainText(`holds ${TEST_MODEL}`);
  await expect(page.getByTestId('files-from')).toContainText('your mirror, 127.0.0.1');
  await page.getByTestId('load').click();
  const error = page.getByTestId('error-bad-model-library');
  await expect(error).toContainText('The model library is not valid', { timeout: 30_000 });
  await expect(error).toContainText(`${base}/${TEST_LIBRARY}`);
  expect(requests).toEqual(expect.arrayContaining([`/${TEST_MODEL}/resolve/main/mlc-chat-config.json`, `/${TEST_LIBRARY}`]));
  expect(outside).toEqual([]);
  // The setting survives a reload.
  await page.reload();
  await expect(page.getByTestId('mirror-state')).toContainText(`Your mirror at ${base}.`);
});

test('mirror: Cancel stops the model library download mid-file', async ({ page }) => {
  await useMirror(page);
  await expect(page.getByTestId('mirror-check')).toContainText('holds');
  mode = 'slow-library';
  await page.getByTestId('load').click();
  await expect.poll(() => requests.includes(`/${TEST_LIBRARY}`), { timeout: 20_000 }).toBe(true);
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByTestId('cancel-load').click();
  await expect.poll(() => libraryAbandoned, { timeout: 10_000 }).toBe(true);
  await expect(page.getByTestId('load')).toBeEnabled();
});

test('mirror: a connection dropped mid-file gives "download failed", and Retry does not fetch the finished files again', async ({ page }) => {
  await useMirror(page);
  await expect(page.getByTestId('mirror-check')).toContainText('holds');
  requests.length = 0;
  mode = 'drop-library-once';
  await page.getByTestId('load').click();
  const failed = page.getByTestId('error-download-failed');
  await expect(failed).toContainText(`A model file from 127.0.0.1`, { timeout: 30_000 });
  const configFetches = requests.filter((r) => r.endsWith('mlc-chat-config.json')).length;
  await failed.getByRole('button', { name: 'Retry' }).click();
  // The library comes again (and is, here, no model library); the config comes from web-llm's cache.
  await expect(page.getByTestId('error-bad-model-library')).toBeVisible({ timeout: 30_000 });
  expect(requests.filter((r) => r === `/${TEST_LIBRARY}`)).toHaveLength(2);
  expect(requests.filter((r) => r.endsWith('mlc-chat-config.json'))).toHaveLength(configFetches);
});

test('mirror: one without CORS is refused when set, and one that answers 404 is named when a model loads', async ({ page }) => {
  mode = 'no-cors';
  await useMirror(page);
  await expect(page.getByTestId('mirror-check')).toContainText('Cannot reach the mirror at 127.0.0.1');
  await expect(page.getByTestId('mirror-check')).toContainText('Access-Control-Allow-Origin');
  await expect(page.getByTestId('mirror-state')).toContainText("Hugging Face and GitHub, web-llm's hosts.");

  mode = 'ok';
  await page.getByTestId('mirror-use').click();
  await expect(page.getByTestId('mirror-check')).toContainText('holds');
  mode = 'empty';
  await page.getByTestId('load').click();
  await expect(page.locator('[data-testid^="error-"]').first()).toContainText('127.0.0.1', { timeout: 30_000 });
  await expect(page.getByTestId('error-unknown')).toHaveCount(0);
  // A URL that is not one is refused before anything is fetched.
  await page.getByTestId('mirror-input').fill('models.example.org');
  await page.getByTestId('mirror-use').click();
  await expect(page.getByTestId('mirror-check')).toContainText('is not a URL');
});
