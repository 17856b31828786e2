import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results', '**/*.tmp.mjs', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@mlc-ai/web-llm', message: 'web-llm may only be imported in workers/ (it must stay out of the main bundle).' }],
        },
      ],
    },
  },
  {
    // What both threads share lives in src/shared; the UI reaches the worker only through the bridge.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/bridge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@mlc-ai/web-llm', message: 'web-llm may only be imported in workers/ (it must stay out of the main bundle).' },
            { name: '@huggingface/transformers', message: 'transformers.js may only be imported in workers/ (ONNX Runtime must stay out of the main bundle).' },
            { name: 'onnxruntime-web', message: 'ONNX Runtime may only be imported in workers/ (its wasm is 26 MB).' },
          ],
          patterns: [{ group: ['**/workers/**'], message: 'src/ imports nothing from workers/: shared types live in src/shared, the worker is reached through src/bridge.' }],
        },
      ],
    },
  },
  {
    files: ['workers/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts', 'vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
