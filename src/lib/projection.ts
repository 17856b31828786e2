/**
 * Speed from memory bandwidth: decoding one token reads every weight it runs
 * through once (the active ones, for mixture-of-experts models) plus the KV
 * cache so far. Memory holds every weight. The same functions as the memory
 * panel (src/lib/vram.ts) do the counting.
 */
import type { Architecture } from './architectures';
import type { QuantInfo } from './quant';
import { kvBytesPerToken, parameterCount, parametersReadPerToken, weightBytes, activeParameterCount } from './vram';

/** A storage format as the estimator needs it. */
export interface WeightFormat {
  id: string;
  label: string;
  bitsPerWeight: number;
  /** Bits per element of the KV cache. */
  floatBits: 16 | 32;
}

/** web-llm's two 4-bit formats, llama.cpp's Q4_K_M (a mix of 4- and 6-bit blocks, about 4.9 bits per weight), 8 and 16 bits. */
export const FORMATS: WeightFormat[] = [
  { id: 'q4f16_1', label: '4-bit (web-llm q4f16_1)', bitsPerWeight: 4.5, floatBits: 16 },
  { id: 'q4f32_1', label: '4-bit (web-llm q4f32_1)', bitsPerWeight: 5, floatBits: 32 },
  { id: 'Q4_K_M', label: '4-bit (GGUF Q4_K_M)', bitsPerWeight: 4.89, floatBits: 16 },
  { id: 'Q8_0', label: '8-bit (GGUF Q8_0)', bitsPerWeight: 8.5, floatBits: 16 },
  { id: 'BF16', label: '16-bit (BF16)', bitsPerWeight: 16, floatBits: 16 },
];

export const format = (id: string) => FORMATS.find((f) => f.id === id) ?? FORMATS[0]!;

export function bytesPerToken(arch: Architecture, quant: Pick<QuantInfo, 'bitsPerWeight' | 'floatBits'>, contextTokens: number): number {
  return (parametersReadPerToken(arch) * quant.bitsPerWeight) / 8 + kvBytesPerToken(arch, quant) * contextTokens;
}

/** Upper bound on decode tokens/s at `gbPerSecond` of effective bandwidth. */
export function decodeCeiling(gbPerSecond: number, arch: Architecture, quant: Pick<QuantInfo, 'bitsPerWeight' | 'floatBits'>, contextTokens: number): number {
  return (gbPerSecond * 1e9) / bytesPerToken(arch, quant, contextTokens);
}

export interface EstimateRow {
  total_params_b: number;
  active_params_b: number;
  weights_gb: number;
  bytes_per_token_gb: number;
  kv_gb_per_1k: number;
}

const GB = 1e9;

/** The estimator's figures for one model in one format, at `contextTokens` of KV cache read per token. */
export function estimateRow(arch: Architecture, f: WeightFormat, contextTokens = 1000): EstimateRow {
  return {
    total_params_b: parameterCount(arch) / 1e9,
    active_params_b: activeParameterCount(arch) / 1e9,
    weights_gb: weightBytes(arch, f) / GB,
    bytes_per_token_gb: bytesPerToken(arch, f, contextTokens) / GB,
    kv_gb_per_1k: (kvBytesPerToken(arch, f) * 1000) / GB,
  };
}

/** Where a bandwidth figure comes from, and so how wide the projection's range is. */
export type BandwidthSource =
  | { kind: 'live-run'; gbPerSecond: number; modelName: string }
  | { kind: 'probe'; gbPerSecond: number }
  | { kind: 'table'; gbPerSecond: number; name: string };

/**
 * Effective bandwidth shown by a live run: decode tok/s × bytes read per token of the loaded model.
 * It already includes how efficiently the engine uses the memory.
 */
export function calibrateBandwidth(decodeTps: number, arch: Architecture, quant: Pick<QuantInfo, 'bitsPerWeight' | 'floatBits'>, contextTokens: number): number {
  return (decodeTps * bytesPerToken(arch, quant, contextTokens)) / GB;
}

/**
 * Fraction of a bandwidth figure a decoder actually gets. A datasheet's or the probe's figure is raw:
 * dense models decode at 55–85 % of it, MoE models at 30–55 % (many small expert matrices and routing;
 * published runs agree: Qwen3-30B-A3B at 8-bit ≈ 180 tok/s on an RTX 5090 is about a third of its
 * 1,792 GB/s). A live run's figure is already effective for the (dense) model that ran: ±20 % for dense
 * models, and the MoE share of it relative to dense for MoE models.
 */
export function efficiencyRange(source: BandwidthSource, kind: 'dense' | 'moe'): [number, number] {
  if (source.kind === 'live-run') return kind === 'dense' ? [0.8, 1.2] : [0.45, 0.8];
  return kind === 'dense' ? [0.55, 0.85] : [0.3, 0.55];
}

export function projectDecode(source: BandwidthSource, arch: Architecture, f: WeightFormat, contextTokens: number): { low: number; high: number } {
  const [lo, hi] = efficiencyRange(source, arch.moe ? 'moe' : 'dense');
  const ceiling = decodeCeiling(source.gbPerSecond, arch, f, contextTokens);
  return { low: ceiling * lo, high: ceiling * hi };
}
