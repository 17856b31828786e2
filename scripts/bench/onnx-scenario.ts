/**
 * The real-engine scenario: the same greedy generation of the tiny Qwen3-MoE, in a bare worker that
 * calls transformers.js directly and through the whole app (worker, host, bridge, stream port, UI),
 * interleaved pair by pair so both meet the same machine. The app's decode rate is the one it shows
 * (its engine's stamps); the bare worker stamps the same way, with the same function.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { Run } from '../../src/shared/runs';
import type { BareApi, BareReply } from './onnx-bare/protocol';

export const ONNX_MODEL = 'Qwen3-MoE-Tiny-fp32-ONNX';
export const ONNX_TOKENS = 64;
const PROMPT = 'Explain what a mixture-of-experts model is.';
const BARE_OUT = 'node_modules/.tmp/bench-bare';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

export interface OnnxPair {
  appDecode: number;
  bareDecode: number;
  /** app ÷ bare, in %. */
  ratioPct: number;
  appBusyPct: number;
  appTokens: number;
  bareTokens: number;
  appTtftS: number;
  bareTtftS: number;
}

/** Builds the bare page and worker (scripts/bench/onnx-bare) into node_modules/.tmp. */
export function buildBare(): boolean {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'scripts/bench/onnx-bare/vite.config.ts'], { stdio: 'inherit' });
  return r.status === 0;
}

async function openBare(browser: Browser, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // Served from the app's origin (the model files are the app's), by the benchmark itself.
  await page.route(
    (url) => url.pathname.startsWith('/bench-bare/'),
    (route) => {
      const path = normalize(new URL(route.request().url()).pathname.slice('/bench-bare/'.length) || 'index.html');
      if (path.startsWith('..')) return route.fulfill({ status: 404 });
      return route.fulfill({ contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(join(BARE_OUT, path)) });
    },
  );
  await page.goto(`${baseURL}/bench-bare/index.html`);
  await page.waitForFunction(() => '__bare' in window);
  const loaded = await askBare(page, { kind: 'load', repo: 'Qwen3-MoE-Tiny', dtype: 'fp32' });
  if (loaded.kind !== 'loaded') throw new Error(`bare worker: ${loaded.kind === 'failed' ? loaded.message : 'no load'}`);
  return page;
}

const askBare = (page: Page, req: Parameters<BareApi['ask']>[0]) => page.evaluate((r) => (window as unknown as { __bare: BareApi }).__bare.ask(r), req);

async function openApp(browser: Browser, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.addInitScript(() => sessionStorage.setItem('qwen-test-hooks', '1'));
  await page.goto(`${baseURL}/?model=${ONNX_MODEL}`);
  await page.getByTestId('load').click();
  await page.getByTestId('model-ready').waitFor({ timeout: 180_000 });
  await page.getByTestId('system-prompt').fill('');
  await page.locator('input[type=range]').first().fill('0');
  await page.getByTestId('max-tokens').fill(String(ONNX_TOKENS));
  // The expert map is part of what the app draws while this MoE streams: it must be on screen.
  const inView = await page.getByTestId('expert-canvas').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  });
  if (!inView) throw new Error('the expert map is not in view: the scenario would not measure it');
  return page;
}

const taskSeconds = async (cdp: CDPSession) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;

/** One reply through the app, from a new chat; main-thread busy share from send to the reply's end. */
async function appReply(page: Page): Promise<{ run: Run; busyPct: number }> {
  await page.getByTestId('new-chat').click();
  await page.getByTestId('prompt').fill(PROMPT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await taskSeconds(cdp);
  const started = Date.now();
  await page.getByTestId('prompt').press('Enter');
  await page.getByTestId('message-streaming').waitFor();
  await page.getByTestId('message-streaming').waitFor({ state: 'detached', timeout: 180_000 });
  const busyPct = (((await taskSeconds(cdp)) - before) / ((Date.now() - started) / 1000)) * 100;
  await cdp.detach();
  const run = await page.evaluate(() => (window as unknown as { __qwenTest: { lastRun: () => Run | null } }).__qwenTest.lastRun());
  if (!run?.usage) throw new Error('the app recorded no run');
  return { run, busyPct };
}

async function bareReply(page: Page): Promise<Extract<BareReply, { kind: 'generated' }>> {
  const reply = await askBare(page, { kind: 'generate', prompt: PROMPT, maxTokens: ONNX_TOKENS });
  if (reply.kind !== 'generated') throw new Error(`bare worker: ${reply.kind === 'failed' ? reply.message : 'no reply'}`);
  return reply;
}

/** `pairs` interleaved pairs, the order alternating (app first, then bare first) so neither always runs warm. */
export async function onnxScenario(browser: Browser, baseURL: string, pairs: number): Promise<OnnxPair[]> {
  const bare = await openBare(browser, baseURL);
  const app = await openApp(browser, baseURL);
  const out: OnnxPair[] = [];
  try {
    for (let i = 0; i < pairs; i++) {
      let a: Awaited<ReturnType<typeof appReply>>;
      let b: Awaited<ReturnType<typeof bareReply>>;
      if (i % 2 === 0) {
        a = await appReply(app);
        b = await bareReply(bare);
      } else {
        b = await bareReply(bare);
        a = await appReply(app);
      }
      const appDecode = a.run.usage!.extra.decode_tokens_per_s;
      const bareDecode = b.usage.extra.decode_tokens_per_s;
      out.push({
        appDecode,
        bareDecode,
        ratioPct: (appDecode / bareDecode) * 100,
        appBusyPct: a.busyPct,
        appTokens: a.run.usage!.completion_tokens,
        bareTokens: b.usage.completion_tokens,
        appTtftS: a.run.usage!.extra.time_to_first_token_s,
        bareTtftS: b.usage.extra.time_to_first_token_s,
      });
      process.stdout.write(`onnx pair ${i + 1}/${pairs}: app ${appDecode.toFixed(2)} tok/s, bare ${bareDecode.toFixed(2)} tok/s\n`);
    }
  } finally {
    await app.context().close();
    await bare.context().close();
  }
  return out;
}
