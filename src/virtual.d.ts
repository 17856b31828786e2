/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:qwen-records' {
  import type { PrebuiltQwenRecord } from './lib/catalog';
  const records: PrebuiltQwenRecord[];
  export default records;
}

/** web-llm's version, from its package.json at build time (comparison files record it). */
declare const __WEBLLM_VERSION__: string;
