/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { qwenRecords } from './src/lib/catalog';

const CATALOG_ID = 'virtual:qwen-records';
const RESOLVED_CATALOG_ID = '\0' + CATALOG_ID;

/**
 * Exposes web-llm's prebuilt Qwen records to the main thread as plain JSON.
 * Why: the catalog must come from `prebuiltAppConfig`, but web-llm itself
 * (2.3 MB gzip) may only live in the worker chunk. Importing it here, at build
 * time in Node, keeps the picker instant and the main bundle lean.
 */
function qwenRecordsPlugin(): Plugin {
  return {
    name: 'qwen-records',
    resolveId(id) {
      return id === CATALOG_ID ? RESOLVED_CATALOG_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_CATALOG_ID) return undefined;
      const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
      return `export default ${JSON.stringify(qwenRecords(prebuiltAppConfig.model_list))};`;
    },
  };
}

/**
 * The app offline: a manifest (installable) and a Workbox service worker that precaches the app shell,
 * the worker's chunks (web-llm's 6 MB engine included, so the engine starts offline) and the replay
 * files. Model files are not precached: web-llm keeps them in its own cache. A new version waits
 * until the user reloads ("prompt"), so it is never swapped in under a running generation.
 */
function pwa() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    pwaAssets: { image: 'public/favicon.svg', preset: 'minimal-2023', overrideManifestIcons: true },
    manifest: {
      name: 'Qwen on your GPU',
      short_name: 'Qwen GPU',
      description: 'Run a quantized Qwen model on your own GPU in the browser, and see how fast it runs.',
      theme_color: '#5b3df5',
      background_color: '#f6f7f9',
      display: 'standalone',
      start_url: '/',
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ico,json}'],
      maximumFileSizeToCacheInBytes: 12 * 2 ** 20,
      navigateFallback: '/index.html',
      cleanupOutdatedCaches: true,
    },
  });
}

const webllmVersion = (JSON.parse(readFileSync(new URL('./node_modules/@mlc-ai/web-llm/package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  define: { __WEBLLM_VERSION__: JSON.stringify(webllmVersion) },
  plugins: [react(), qwenRecordsPlugin(), pwa()],
  worker: { format: 'es', plugins: () => [qwenRecordsPlugin()] },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173 },
  // The engines are imported only by the worker, which Vite's dev server finds late: pre-bundled at
  // start, a first visit is not reloaded under the user when they are found.
  optimizeDeps: { include: ['@mlc-ai/web-llm', '@huggingface/transformers', 'comlink'] },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
