/** The three benchmark scenarios; each returns raw figures for one run. */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { INIT_SCRIPT, RUN_COMPARISON, SEND_AND_WAIT_FIRST_TOKEN, WAIT_STREAM_END } from './page-probes';
import { longHistory, proseTokens, streamRunFile } from '../../tests/fixtures/synthetic-runs';
import { benchComparison } from '../../tests/fixtures/synthetic-comparison';
import { percentile } from './stats';

export const MODEL = 'Qwen3-0.6B-q4f32_1-MLC';
export const STREAM_TOKENS = 4000;
export const STREAM_RATE = 2000;
const FIXTURE_PATH = '/bench/stream.json';
const EXPECTED = proseTokens(STREAM_TOKENS).join('').replace(/\s+/g, '');

export interface StreamFigures {
  allTokensInDom: number;
  busyPct: number;
  longTasks: number;
  longestTaskMs: number;
  paintP95Ms: number;
  decodeErrorPct: number;
}

export async function openReplay(context: BrowserContext, baseURL: string, stage = false): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  // The stream fixture is served by the benchmark itself, from the app's origin.
  await page.route((url) => url.pathname === FIXTURE_PATH, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(streamRunFile(MODEL, STREAM_TOKENS, STREAM_RATE)) }),
  );
  await page.goto(`${baseURL}/?replay=${FIXTURE_PATH}${stage ? '&present' : ''}`);
  await page.getByTestId('load').click();
  // The stage view hides the load controls once the model is ready; the composer says so too.
  if (stage) await page.locator('[data-testid="prompt"][placeholder^="Message the model"]').waitFor();
  else await page.getByTestId('model-ready').waitFor();
  return page;
}

/** Renderer main-thread task time so far, in seconds (Chrome's own TaskDuration counter). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/** Figures of one stream, with or without the paint probe. */
interface StreamRun {
  allTokensInDom: number;
  busyPct: number;
  longTasks: number[];
  delays: number[];
  decodeErrorPct: number;
}

/**
 * Streams the fixture once. With `probe`, the app records each chunk's worker-to-paint delay:
 * the probe posts a message after every frame it measures, work the app does not do for a
 * user, so main-thread time is measured on a stream without it.
 */
export async function streamRun(page: Page, probe: boolean): Promise<StreamRun> {
  await page.getByTestId('prompt').fill('Benchmark prompt');
  await page.evaluate((on) => {
    const w = window as unknown as { __qwenPaintLog?: { delays: number[] }; __longTasks: unknown[] };
    w.__qwenPaintLog = on ? { delays: [] } : undefined;
    w.__longTasks = [];
  }, probe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // "During the stream": from the first streamed text on screen to the reply's end.
  await page.evaluate(SEND_AND_WAIT_FIRST_TOKEN);
  const before = await taskSeconds(cdp);
  const startWall = Date.now();
  await page.evaluate(WAIT_STREAM_END);
  const wallS = (Date.now() - startWall) / 1000;
  const after = await taskSeconds(cdp);
  await cdp.detach();
  await page.waitForTimeout(100); // let the last paint report arrive
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __qwenPaintLog?: { delays: number[] }; __longTasks: Array<{ duration: number }> };
    const replies = document.querySelectorAll('[data-testid="message-assistant"] .markdown-blocks');
    const decodeRow = [...document.querySelectorAll('[data-testid="last-reply"] tr')].find((r) => r.textContent?.includes('Decode tok/s'));
    // The stage view has no last-reply table: its big figure shows the app's decode for the whole reply.
    const stageDecode = document.querySelector('[data-testid="stage"] [data-testid="decode-tps"] .figure-number');
    return {
      delays: w.__qwenPaintLog?.delays ?? [],
      longTasks: w.__longTasks.map((t) => t.duration),
      text: replies[replies.length - 1]?.textContent ?? '',
      decode: Number((decodeRow ? decodeRow.querySelectorAll('td')[0]?.textContent : stageDecode?.textContent) ?? 'NaN'),
    };
  });
  return {
    allTokensInDom: seen.text.replace(/\s+/g, '') === EXPECTED ? 1 : 0,
    busyPct: ((after - before) / wallS) * 100,
    longTasks: seen.longTasks,
    delays: seen.delays,
    decodeErrorPct: (Math.abs(seen.decode - STREAM_RATE) / STREAM_RATE) * 100,
  };
}

/** Two replies on the page: the first timed (busy time), the second probed (paint delays); each
 * must show every token and the right decode rate, and neither may hold a long task. */
export async function streamOnce(page: Page): Promise<StreamFigures> {
  const timed = await streamRun(page, false);
  const probed = await streamRun(page, true);
  const longTasks = [...timed.longTasks, ...probed.longTasks];
  return {
    allTokensInDom: Math.min(timed.allTokensInDom, probed.allTokensInDom),
    busyPct: timed.busyPct,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
    paintP95Ms: percentile(probed.delays, 95),
    decodeErrorPct: Math.max(timed.decodeErrorPct, probed.decodeErrorPct),
  };
}

export async function streamingScenario(context: BrowserContext, baseURL: string, stage = false): Promise<StreamFigures> {
  const page = await openReplay(context, baseURL, stage);
  try {
    return await streamOnce(page);
  } finally {
    await page.close();
  }
}

/** Stores 50 exchanges of 500 tokens where the app keeps its conversation, then opens the app on them. */
export async function openLongConversation(context: BrowserContext, baseURL: string): Promise<Page> {
  const seed = await context.newPage();
  await seed.addInitScript(INIT_SCRIPT);
  await seed.goto(baseURL);
  const saved = { messages: longHistory(50, 500), settings: undefined, runs: [] };
  await seed.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(JSON.parse(value), 'qwen-webgpu:v1');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    JSON.stringify(saved),
  );
  await seed.close();
  const page = await openReplay(context, baseURL);
  await page.locator('[data-testid="message-assistant"]').nth(49).waitFor({ state: 'attached' });
  return page;
}

/** 50 exchanges of 500 tokens in the history: typing latency, then a new reply at full speed. */
export async function longConversationScenario(context: BrowserContext, baseURL: string): Promise<StreamFigures & { inputP95Ms: number }> {
  const page = await openLongConversation(context, baseURL);
  try {
    await page.getByTestId('prompt').click();
    await page.evaluate(() => ((window as unknown as { __inputDelays: number[] }).__inputDelays = []));
    await page.keyboard.type('How fast does a mixture-of-experts model decode?', { delay: 40 });
    await page.waitForTimeout(100);
    const delays = await page.evaluate(() => (window as unknown as { __inputDelays: number[] }).__inputDelays);
    const stream = await streamOnce(page);
    return { ...stream, inputP95Ms: percentile(delays, 95) };
  } finally {
    await page.close();
  }
}

export const COMPARE_TOKENS = 2000;
const COMPARE_PATH = '/bench/compare.json';

export interface CompareFigures {
  busyPct: number;
  longTasks: number;
  longestTaskMs: number;
  /** The worst variant's app decode figure against the engine's rate. */
  decodeErrorPct: number;
}

/**
 * A whole comparison of two variants, replayed: each streams a warm-up and two timed generations
 * of COMPARE_TOKENS tokens at STREAM_RATE. Main-thread time from the click to the results, and the
 * app's own decode figure for each variant (from its chunk times) against the engine's rate.
 */
export async function compareScenario(context: BrowserContext, baseURL: string): Promise<CompareFigures> {
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  await page.route((url) => url.pathname === COMPARE_PATH, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(benchComparison(COMPARE_TOKENS, STREAM_RATE)) }),
  );
  try {
    await page.goto(`${baseURL}/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1&replay=${COMPARE_PATH}`);
    await page.waitForFunction(() => (document.querySelector('[data-testid="compare-start"]') as HTMLButtonElement | null)?.disabled === false);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await taskSeconds(cdp);
    const startWall = Date.now();
    // Long tasks of the page's start (the view's chunk, the file) can be reported late: only those
    // that began after the click count.
    const clickAt = await page.evaluate(() => performance.now());
    await page.evaluate(RUN_COMPARISON);
    const wallS = (Date.now() - startWall) / 1000;
    const after = await taskSeconds(cdp);
    await cdp.detach();
    const seen = await page.evaluate((since) => ({
      longTasks: (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter((t) => t.start >= since).map((t) => t.duration),
      app: [...document.querySelectorAll('[data-testid="app-decode"]')].map((el) => Number(el.textContent?.replace('app', '').trim())),
    }), clickAt);
    const errors = seen.app.map((tps) => (Math.abs(tps - STREAM_RATE) / STREAM_RATE) * 100);
    return {
      busyPct: ((after - before) / wallS) * 100,
      longTasks: seen.longTasks.length,
      longestTaskMs: Math.max(0, ...seen.longTasks),
      // Two variants must show the figure; a missing one counts as a miss.
      decodeErrorPct: errors.length === 2 ? Math.max(...errors) : 100,
    };
  } finally {
    await page.close();
  }
}

export async function startScenario(context: BrowserContext, baseURL: string): Promise<{ pickerMs: number }> {
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  try {
    await page.goto(baseURL);
    await page.locator('#quant-select').waitFor();
    await page.waitForFunction(() => (window as unknown as { __pickerReadyAt?: number }).__pickerReadyAt !== undefined);
    const pickerMs = await page.evaluate(() => (window as unknown as { __pickerReadyAt: number }).__pickerReadyAt);
    return { pickerMs };
  } finally {
    await page.close();
  }
}
