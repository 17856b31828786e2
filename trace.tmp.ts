import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/browser';
import { streamRunFile } from './scripts/bench/fixtures';
import { INIT_SCRIPT, SEND_AND_WAIT } from './scripts/bench/page-probes';
const b = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
await p.addInitScript(INIT_SCRIPT);
await p.route((u) => u.pathname === '/bench/stream.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(streamRunFile('Qwen3-0.6B-q4f32_1-MLC', 4000, 2000)) }));
await p.goto('http://127.0.0.1:4173/?replay=/bench/stream.json');
await p.getByTestId('load').click(); await p.getByTestId('model-ready').waitFor();
await p.getByTestId('prompt').fill('x');
await b.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await p.evaluate(SEND_AND_WAIT);
const buf = await b.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents as Array<{ name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } }>;
const threads = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args!.name!);
const main = [...threads.entries()].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
const sums = new Map<string, number>(); const counts = new Map<string, number>();
for (const e of events) { if (e.ph !== 'X' || !main.includes(`${e.pid}:${e.tid}`)) continue; sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0)); counts.set(e.name, (counts.get(e.name) ?? 0) + 1); }
const fc = new Map<string, [number, number]>();
for (const e of events as any[]) { if (e.ph !== 'X' || e.name !== 'FunctionCall' || !main.includes(`${e.pid}:${e.tid}`)) continue; const d = e.args?.data ?? {}; const k = `${d.functionName}@${String(d.url).split('/').pop()}:${d.lineNumber}`; const c = fc.get(k) ?? [0, 0]; fc.set(k, [c[0] + (e.dur ?? 0), c[1] + 1]); }
for (const [k, [d, n]] of [...fc.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 10)) console.log('FC', (d / 1000).toFixed(1), n, k);
for (const [k, v] of [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log((v / 1000).toFixed(1).padStart(8), String(counts.get(k)).padStart(6), k);
console.log("batches", await p.evaluate(() => (window as any).__qwenPaintLog.delays.length));
await b.close();
