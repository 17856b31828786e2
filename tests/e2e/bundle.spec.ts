import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(process.cwd(), 'dist');
const read = (f: string) => readFileSync(join(dist, f), 'utf8');
// Strings that only each engine's own code contains.
const WEBLLM_MARKERS = ['MLCEngine', 'detectGPUDevice', 'fetchTensorCache'];
const ONNX_MARKERS = ['InferenceSession', 'PreTrainedTokenizer', 'ort-wasm-simd-threaded'];

/** Every JS file the page loads before any worker: the entry and its static imports. */
function mainThreadFiles(): string[] {
  const html = read('index.html');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'entry script in dist/index.html').toBeTruthy();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:^|[;\s}])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  visit(entry!);
  return [...seen];
}

for (const [engine, markers] of [['web-llm', WEBLLM_MARKERS], ['transformers.js / ONNX Runtime', ONNX_MARKERS]] as const) {
  test(`${engine} is not in the main-thread bundle, only in the worker chunks`, () => {
    const main = mainThreadFiles();
    for (const f of main) {
      const code = read(f);
      for (const marker of markers) expect(code.includes(marker), `${marker} in ${f}`).toBe(false);
    }
    const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const withEngine = all.filter((f) => read(`assets/${f}`).includes(markers[0]!));
    expect(withEngine.length).toBeGreaterThan(0);
    for (const f of withEngine) expect(main).not.toContain(`assets/${f}`);
  });
}
