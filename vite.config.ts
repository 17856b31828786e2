/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
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

const webllmVersion = (JSON.parse(readFileSync(new URL('./node_modules/@mlc-ai/web-llm/package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  define: { __WEBLLM_VERSION__: JSON.stringify(webllmVersion) },
  plugins: [react(), qwenRecordsPlugin()],
  worker: { format: 'es', plugins: () => [qwenRecordsPlugin()] },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
