/**
 * Speed from memory bandwidth: decoding one token reads every weight once
 * (every active weight, for mixture-of-experts models) plus the KV cache so far.
 */
import type { Architecture } from './architectures';
import type { QuantInfo } from './quant';
import { kvBytesPerToken, weightBytes } from './vram';

export function bytesPerToken(arch: Architecture, quant: QuantInfo, contextTokens: number): number {
  return weightBytes(arch, quant) + kvBytesPerToken(arch, quant) * contextTokens;
}

/** Upper bound on decode tokens/s at `gbPerSecond` of effective bandwidth. */
export function decodeCeiling(gbPerSecond: number, arch: Architecture, quant: QuantInfo, contextTokens: number): number {
  return (gbPerSecond * 1e9) / bytesPerToken(arch, quant, contextTokens);
}
