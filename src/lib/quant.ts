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

/** Extracts the quantization code from a web-llm model id ("Qwen3-0.6B-q4f16_1-MLC" → "q4f16_1"). */
export function quantOfModelId(modelId: string): string | null {
  const m = /-(q\d+f(?:16|32)(?:_\d+)?)(?:-MLC)?$/.exec(modelId);
  return m?.[1] ?? null;
}
