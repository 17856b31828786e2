/** Builds the benchmark's bare page and worker (not part of the app): served under /bench-bare/. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const BARE_OUT = fileURLToPath(new URL('../../../node_modules/.tmp/bench-bare', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/bench-bare/',
  publicDir: false,
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: BARE_OUT, emptyOutDir: true },
});
