/**
 * The files of an ONNX build, by transformers.js's naming rules: which files a load reads, so that
 * the worker can say what is cached and `npm run mirror` can copy exactly what a load will ask for.
 *
 *   config.json, generation_config.json, tokenizer.json, tokenizer_config.json
 *   onnx/model<suffix>.onnx, and its external data (…onnx_data, …onnx_data_1 …) when
 *   config.json's "transformers.js_config".use_external_data_format says so (models over 2 GB)
 */
import type { OnnxRecord } from './onnx-models';

/** The file suffix transformers.js gives each dtype. */
const SUFFIX: Record<OnnxRecord['dtype'], string> = { fp32: '', fp16: '_fp16', int8: '_int8', q4: '_q4', q4f16: '_q4f16' };

/** The files a load reads besides the weights; generation_config.json may be absent (optional). */
export const ONNX_SHARED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
export const ONNX_OPTIONAL_FILES = ['generation_config.json'] as const;

/** transformers.js caps the number of external data chunks (hub.js MAX_EXTERNAL_DATA_CHUNKS). */
const MAX_CHUNKS = 100;

export function onnxFileName(r: Pick<OnnxRecord, 'dtype'>): string {
  return `onnx/model${SUFFIX[r.dtype]}.onnx`;
}

/** How many external data files the weights come with, from config.json's transformers.js_config:
 * true → 1, a number → that many, an object → the entry for this file (or for "model"). */
export function externalDataChunks(config: unknown, r: Pick<OnnxRecord, 'dtype'>): number {
  const custom = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['transformers.js_config'] : undefined;
  const format = typeof custom === 'object' && custom !== null ? (custom as Record<string, unknown>).use_external_data_format : undefined;
  const base = onnxFileName(r).slice('onnx/'.length);
  let n: unknown = format;
  if (typeof format === 'object' && format !== null) {
    const entries = format as Record<string, unknown>;
    n = Object.hasOwn(entries, base) ? entries[base] : Object.hasOwn(entries, 'model') ? entries.model : 0;
  }
  const count = n === true ? 1 : typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
  if (count > MAX_CHUNKS) throw new Error(`config.json asks for ${count} external data files; transformers.js reads at most ${MAX_CHUNKS}`);
  return count;
}

/** The weights' files: the graph, then its external data chunks. */
export function onnxWeightFiles(r: Pick<OnnxRecord, 'dtype'>, config: unknown): string[] {
  const graph = onnxFileName(r);
  const chunks = Array.from({ length: externalDataChunks(config, r) }, (_, i) => `${graph}_data${i === 0 ? '' : `_${i}`}`);
  return [graph, ...chunks];
}
