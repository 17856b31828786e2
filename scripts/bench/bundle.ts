/** What index.html makes the main thread load before any worker, measured from dist/. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const WEBLLM_MARKERS = ['MLCEngine', 'detectGPUDevice', 'fetchTensorCache'];

export function mainThreadBundle(dist: string): { files: string[]; gzipBytes: number; webllmInMain: boolean; webllmInWorker: boolean } {
  const read = (f: string) => readFileSync(join(dist, f));
  const html = read('index.html').toString();
  const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of read(file).toString().matchAll(/(?:^|[;\s}])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  entries.forEach(visit);
  const files = [...seen];
  const gzipBytes = files.reduce((n, f) => n + gzipSync(read(f)).length, 0);
  const has = (f: string) => WEBLLM_MARKERS.some((m) => read(f).toString().includes(m));
  const others = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !seen.has(`assets/${f}`));
  return { files, gzipBytes, webllmInMain: files.some(has), webllmInWorker: others.some((f) => has(`assets/${f}`)) };
}
