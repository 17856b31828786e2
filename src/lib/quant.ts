/** Quantization codes used by MLC builds, explained for people. */
export interface QuantInfo {
  code: string;
  /** Bits stored per weight, group scales included (q4f16_1: 4 bits + a 16-bit scale per 32 weights). */
  bitsPerWeight: number;
  /** Float type of activations and scales. */
  floatBits: 16 | 32;
  needsShaderF16: boolean;
  label: string;
  description: string;
}

const GROUP_SIZE = 32;

/** Parses codes such as q4f16_1, q4f32_1, q0f16, q0f32; unknown codes return null. */
export function parseQuant(code: string): QuantInfo | null {
  const m = /^q(\d+)f(16|32)(?:_(\d+))?$/.exec(code);
  if (!m) return null;
  const weightBits = Number(m[1]);
  const floatBits = Number(m[2]) as 16 | 32;
  const grouped = weightBits > 0;
  // q0 means "not quantized": weights are stored in the float type itself.
  const bitsPerWeight = grouped ? weightBits + floatBits / GROUP_SIZE : floatBits;
  const needsShaderF16 = floatBits === 16;
  const label = grouped ? `${weightBits}-bit` : `${floatBits}-bit float (unquantized)`;
  const description = grouped
    ? `${weightBits}-bit weights with a ${floatBits}-bit scale per ${GROUP_SIZE} weights ` +
      `(${bitsPerWeight.toFixed(1)} bits per weight); computes in float${floatBits}` +
      (needsShaderF16 ? ', needs the GPU feature shader-f16.' : ', runs on any WebGPU adapter.')
    : `Full float${floatBits} weights (${floatBits} bits per weight): largest download, reference quality` +
      (needsShaderF16 ? ', needs the GPU feature shader-f16.' : ', runs on any WebGPU adapter.');
  return { code, bitsPerWeight, floatBits, needsShaderF16, label, description };
}

/** transformers.js's quantizations as the ONNX records name them. Bits per weight are the stored
 * bits with their scales (int8: one float32 scale per output column, negligible; 4-bit: MatMulNBits
 * blocks of 32 with a scale each, float32 for int4/q4, float16 for q4f16). */
const ONNX_QUANTS: Record<string, Omit<QuantInfo, 'code' | 'description'> & { what: string }> = {
  fp32: { bitsPerWeight: 32, floatBits: 32, needsShaderF16: false, label: '32-bit float (unquantized)', what: 'Full float32 weights (32 bits per weight): largest download, reference quality' },
  fp16: { bitsPerWeight: 16, floatBits: 16, needsShaderF16: true, label: '16-bit float', what: 'float16 weights and activations (16 bits per weight)' },
  int8: { bitsPerWeight: 8, floatBits: 32, needsShaderF16: false, label: '8-bit', what: '8-bit weights with a float32 scale per output column (8 bits per weight); computes in float32' },
  int4: { bitsPerWeight: 5, floatBits: 32, needsShaderF16: false, label: '4-bit', what: '4-bit weights with a float32 scale per 32 weights (5 bits per weight); computes in float32' },
  q4: { bitsPerWeight: 5, floatBits: 32, needsShaderF16: false, label: '4-bit', what: '4-bit weights with a float32 scale per 32 weights (5 bits per weight); computes in float32' },
  q4f16: { bitsPerWeight: 4.5, floatBits: 16, needsShaderF16: true, label: '4-bit', what: '4-bit weights with a float16 scale per 32 weights (4.5 bits per weight); computes in float16' },
};

/** An ONNX record's quantization (fp32, fp16, int8, int4, q4, q4f16); null for other codes. */
export function parseOnnxQuant(code: string): QuantInfo | null {
  const q = ONNX_QUANTS[code];
  if (!q) return null;
  const { what, ...info } = q;
  const needs = info.needsShaderF16 ? ', needs the GPU feature shader-f16.' : ', runs on any WebGPU adapter.';
  return { code, ...info, description: `${what}${needs}` };
}

/** Extracts the quantization code from a web-llm model id ("Qwen3-0.6B-q4f16_1-MLC" → "q4f16_1"). */
export function quantOfModelId(modelId: string): string | null {
  const m = /-(q\d+f(?:16|32)(?:_\d+)?)(?:-MLC)?$/.exec(modelId);
  return m?.[1] ?? null;
}
