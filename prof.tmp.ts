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
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await p.evaluate(SEND_AND_WAIT);
const { profile } = await cdp.send('Profiler.stop');
// self time per function
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
const byFn = new Map<string, number>();
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; byFn.set(k, (byFn.get(k) ?? 0) + (dt.get(n.id) ?? 0)); }
const total = [...byFn.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1).padStart(8), k);
await b.close();
