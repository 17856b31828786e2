/**
 * A big mixture-of-experts model on a card too small for it, the way people run them with llama.cpp
 * (`--n-cpu-moe N`, `-ot exps=CPU`) or LM Studio ("force expert weights onto CPU"): attention, shared
 * experts, norms, routers and the output head on the GPU; the routed experts of the last N layers in
 * system RAM, computed there. Per token, the GPU reads its weights and the active experts of the
 * layers it holds; the CPU reads the active experts of the others.
 *
 * ceiling  = 1 / (bytes read from VRAM ÷ GPU bandwidth + bytes of CPU-side experts ÷ RAM bandwidth)
 * expected = 1 / (VRAM bytes ÷ (GPU bandwidth × e_gpu) + RAM bytes ÷ (RAM bandwidth × e_cpu) + hand-over)
 *            where the hand-over (activations to the CPU and back, and the wait) is paid only when
 *            some experts are in RAM. e_gpu, e_cpu and the hand-over are fitted on published
 *            measurements and checked against others (offload-points.ts, tests/unit/offload.test.ts).
 *
 * What it leaves out: prompt processing (the experts cross PCIe in batches there), the CPU's compute
 * limits (many cores are needed to read RAM at full speed; a laptop with few may fall short), the
 * time to move each token's activations between GPU and CPU, and quantization mixes (one bits per
 * weight for every tensor). The input embedding table stays in RAM, as in llama.cpp.
 */
import type { Architecture } from './architectures';
import { kvBytesPerToken, parameterCount, parametersReadPerToken } from './vram';

export interface OffloadMachine {
  gpuGB: number;
  gpuGBs: number;
  ramGBs: number;
  /** System RAM, GB: none given, it is not checked. */
  ramGB?: number;
}

export interface OffloadFormat {
  id: string;
  bitsPerWeight: number;
}

/** Fractions of the datasheet bandwidths decoding reaches on each side, and the per-token hand-over
 * in ms, fitted (least squares of log tok/s) on the fit points of offload-points.ts. */
export interface Efficiency {
  gpu: number;
  cpu: number;
  handoverMs: number;
}
export const EFFICIENCY: Efficiency = { gpu: 0.31, cpu: 0.71, handoverMs: 4 };
/** VRAM kept back: the runtime's compute buffers (a 248k-word vocabulary's logits among them) and the driver's own. */
export const VRAM_RESERVE_GB = 1.2;
/** KV cache sized for this many tokens, in float16. */
export const OFFLOAD_CONTEXT = 4096;

const GB = 1e9;

export interface OffloadLayout {
  /** Layers whose routed experts live in system RAM. */
  cpuExpertLayers: number;
  layers: number;
  /** VRAM used: weights on the GPU, KV cache, reserve. */
  vramGB: number;
  /** System RAM the CPU-side experts and the embedding take. */
  ramGB: number;
  /** False when even with every expert in RAM the rest does not fit the card (or the RAM is too small). */
  fits: boolean;
  gpuBytesPerToken: number;
  cpuBytesPerToken: number;
  ceilingTps: number;
  /** The expected decode speed (efficiencies applied). */
  tps: number;
}

/** Weights of one layer's routed experts, all of them and the active ones. */
function expertBytes(arch: Architecture, f: OffloadFormat) {
  const m = arch.moe!;
  const one = 3 * arch.hidden * m.intermediate * (f.bitsPerWeight / 8);
  return { all: m.experts * one, active: m.perToken * one };
}

/** Where the experts go on `machine` and how fast it decodes; `cpuExpertLayers` forces a layout. */
export function offloadLayout(arch: Architecture, f: OffloadFormat, machine: OffloadMachine, cpuExpertLayers?: number, eff: Efficiency = EFFICIENCY): OffloadLayout {
  if (!arch.moe) throw new Error('offloadLayout: not a mixture-of-experts model');
  const L = arch.layers;
  const b = f.bitsPerWeight / 8;
  const experts = expertBytes(arch, f);
  const embedding = arch.tiedEmbeddings ? 0 : arch.vocab * arch.hidden * b;
  const dense = parameterCount(arch) * b - L * experts.all - embedding;
  const kv = kvBytesPerToken(arch, { floatBits: 16 }) * OFFLOAD_CONTEXT;
  const fixedVram = dense + kv + VRAM_RESERVE_GB * GB;
  const room = machine.gpuGB * GB - fixedVram;
  const fitLayers = Math.max(0, Math.min(L, Math.floor(room / experts.all)));
  const cpu = cpuExpertLayers ?? L - fitLayers;
  const gpuLayers = L - cpu;
  const vram = fixedVram + gpuLayers * experts.all;
  const ram = cpu * experts.all + embedding;
  const fits = room >= 0 && vram <= machine.gpuGB * GB && (machine.ramGB === undefined || ram <= machine.ramGB * GB);
  const denseRead = parametersReadPerToken(arch) * b - L * experts.active;
  const gpuBytes = denseRead + gpuLayers * experts.active + kvBytesPerToken(arch, { floatBits: 16 }) * 512;
  const cpuBytes = cpu * experts.active;
  const seconds = (e: Efficiency) => gpuBytes / (machine.gpuGBs * GB * e.gpu) + cpuBytes / (machine.ramGBs * GB * e.cpu) + (cpu > 0 ? e.handoverMs / 1000 : 0);
  return {
    cpuExpertLayers: cpu,
    layers: L,
    vramGB: vram / GB,
    ramGB: ram / GB,
    fits,
    gpuBytesPerToken: gpuBytes,
    cpuBytesPerToken: cpuBytes,
    ceilingTps: 1 / seconds({ gpu: 1, cpu: 1, handoverMs: 0 }),
    tps: 1 / seconds(eff),
  };
}
