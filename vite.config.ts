/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const CATALOG_ID = 'virtual:qwen-records';
const RESOLVED_CATALOG_ID = '\0' + CATALOG_ID;

/**
 * Exposes web-llm's prebuilt Qwen records to the main thread as plain JSON.
 * Why: the catalog must come from `prebuiltAppConfig`, but web-llm itself
 * (2.3 MB gzip) may only live in the worker chunk. Importing it here, at build
 * time in Node, keeps the picker instant and the main bundle lean.
 */
function qwenRecords(): Plugin {
  return {
    name: 'qwen-records',
    resolveId(id) {
      return id === CATALOG_ID ? RESOLVED_CATALOG_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_CATALOG_ID) return undefined;
      const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
      const records = prebuiltAppConfig.model_list
        .filter((r) => /qwen/i.test(r.model_id))
        .map((r) => ({
          model_id: r.model_id,
          model: r.model,
          model_lib: r.model_lib,
          vram_required_MB: r.vram_required_MB ?? null,
          low_resource_required: r.low_resource_required ?? false,
          required_features: r.required_features ?? [],
          context_window_size: r.overrides?.context_window_size ?? null,
        }));
      return `export default ${JSON.stringify(records)};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), qwenRecords()],
  worker: { format: 'es', plugins: () => [qwenRecords()] },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
