/**
 * The models the second engine runs: ONNX builds read by transformers.js (ONNX Runtime Web's WebGPU
 * backend). Plain data, shared by the catalog (main thread) and the worker's ONNX engine.
 * - The tiny Qwen3-MoE this repository writes (`npm run tiny-moe`), served by the app itself from
 *   `models/` — synthetic: random weights, not a language model.
 * - Builds of small Qwens published for transformers.js, fetched from the Hugging Face hub only
 *   when the user picks one. Each cites where it is published; only dtypes seen in its files.
 */
import { TINY_MOE, TINY_VOCAB } from './tiny-moe';
import { weightBytes } from './vram';
import { BROWSER_MOE_RECORDS } from './browser-moes';
import type { Architecture } from './architectures';
import type { QuantInfo } from './quant';

export interface OnnxRecord {
  /** The catalog id, e.g. "Qwen3-MoE-Tiny-int8-ONNX" (the name, the quantization, "-ONNX"). */
  model_id: string;
  /** The model's name in the catalog. */
  name: string;
  /** The quantization as the catalog shows it (fp32, int8, int4, q4f16 …). */
  quant: string;
  /** transformers.js's dtype, which names the file: fp32 → model.onnx, int8 → model_int8.onnx, q4 → model_q4.onnx. */
  dtype: 'fp32' | 'fp16' | 'int8' | 'q4' | 'q4f16';
  /** A folder of the app's `models/` path (local), or a Hugging Face repository id. */
  repo: string;
  local: boolean;
  /** Random weights written by this repository: the text it writes is gibberish. */
  synthetic: boolean;
  /** Parameters, for the download estimate. */
  params: number;
  contextWindow: number;
  needsShaderF16: boolean;
  /** Where the files are published, or how they are written. */
  citation: string;
  /** Bits per weight of the embedding table when the build keeps it apart from the quantization
   * (the tiny builds keep it in float32); absent: quantized like the rest. */
  embedBits?: number;
  /** A model the user added by URL: the base its repo folder sits under (ends in /), which takes
   * the place of the hub or the mirror, and the revision folder (…/resolve/<revision>/). */
  host?: string;
  revision?: string;
  /** A cap on a reply's tokens whatever the settings say (the tiny model: gibberish, slowly, on a
   * software adapter — a default 1024-token reply would take minutes). */
  maxReplyTokens?: number;
  /** The catalog family, where it is not the Qwen one (models that are not Qwen say so here). */
  family?: string;
  /** The web-llm model these are builds of (the same weights and tokenizer), e.g. "Qwen3-0.6B". */
  sameAs?: string;
}

/** The weights' bytes on the GPU: the quantized weights, with the embedding at its own width. */
export function onnxWeightEstimate(record: OnnxRecord | null, arch: Architecture, quant: QuantInfo): number {
  const base = weightBytes(arch, quant);
  if (!record?.embedBits) return base;
  return base + (arch.vocab * arch.hidden * (record.embedBits - quant.bitsPerWeight)) / 8;
}

/** Parameters of the tiny model: embedding, per layer attention + router + experts + norms, head. */
export function tinyParams(): number {
  const t = TINY_MOE;
  const attention = t.hidden * t.heads * t.headDim * 2 + t.hidden * t.kvHeads * t.headDim * 2;
  const experts = t.experts * 3 * t.hidden * t.moeIntermediate;
  const norms = 2 * t.hidden + 2 * t.headDim;
  const layer = attention + t.hidden * t.experts + experts + norms;
  return TINY_VOCAB * t.hidden * 2 + t.layers * layer + t.hidden;
}

const TINY_QUANTS = [
  { quant: 'fp32', dtype: 'fp32' },
  { quant: 'int8', dtype: 'int8' },
  { quant: 'int4', dtype: 'q4' },
] as const;

export const TINY_RECORDS: OnnxRecord[] = TINY_QUANTS.map(({ quant, dtype }) => ({
  model_id: `${TINY_MOE.name}-${quant}-ONNX`,
  name: TINY_MOE.name,
  quant,
  dtype,
  repo: TINY_MOE.name,
  local: true,
  synthetic: true,
  params: tinyParams(),
  contextWindow: TINY_MOE.maxPositions,
  needsShaderF16: false,
  embedBits: 32,
  maxReplyTokens: 128,
  citation: 'Written by this repository (npm run tiny-moe, scripts/tiny-moe/): Qwen3-MoE’s shape, random weights.',
}));

const QWEN3_06B_CARD = 'https://huggingface.co/onnx-community/Qwen3-0.6B-ONNX';

/** Published builds. transformers.js's own model card loads this one with dtype q4f16 on WebGPU; the
 * q4 build (4-bit weights, float32 activations) is the one an adapter without shader-f16 can run. */
export const PUBLISHED_RECORDS: OnnxRecord[] = [
  { quant: 'q4f16', dtype: 'q4f16', needsShaderF16: true },
  { quant: 'q4', dtype: 'q4', needsShaderF16: false },
].map(({ quant, dtype, needsShaderF16 }) => ({
  model_id: `Qwen3-0.6B-${quant}-ONNX`,
  name: 'Qwen3-0.6B-ONNX',
  sameAs: 'Qwen3-0.6B',
  quant,
  dtype: dtype as OnnxRecord['dtype'],
  repo: 'onnx-community/Qwen3-0.6B-ONNX',
  local: false,
  synthetic: false,
  params: 0.6e9,
  contextWindow: 40960,
  needsShaderF16,
  citation: `${QWEN3_06B_CARD} (files onnx/model_${quant}.onnx; the card loads it with transformers.js)`,
}));

export const ONNX_RECORDS: OnnxRecord[] = [...TINY_RECORDS, ...PUBLISHED_RECORDS, ...BROWSER_MOE_RECORDS];

/** The ONNX models the user added by URL, set on each thread from the saved list. */
let customRecords: readonly OnnxRecord[] = [];
export function setCustomOnnxRecords(records: readonly OnnxRecord[]): void {
  customRecords = records;
}

export const onnxRecordOf = (modelId: string | null): OnnxRecord | null =>
  ONNX_RECORDS.find((r) => r.model_id === modelId) ?? customRecords.find((r) => r.model_id === modelId) ?? null;

/** The host a record's files come from: the app's own origin for local ones. */
export const onnxHost = (r: OnnxRecord): string => (r.local ? 'this app' : 'huggingface.co');
