/**
 * The machine the offload projection is for, from the user's settings and what the app knows:
 * GPU memory as chosen, GPU bandwidth typed or from the picked GPU's datasheet (else this GPU's
 * probe, else a mid-range card's 448 GB/s), RAM bandwidth from its kind or from the in-browser
 * probe (a lower bound: one thread copying memory). Each figure says where it comes from.
 */
import type { OffloadMachine } from './offload';

/** System RAM's bandwidth from its kind: MT/s × 8 bytes × channels. */
export function ramBandwidth(mts: number, channels: number): number {
  return (mts * 8 * channels) / 1000;
}

/** Common RAM set-ups, for a picker. */
export const RAM_KINDS = [
  { id: 'ddr4-2', label: 'DDR4-3200, dual channel', words: 'dual-channel DDR4', gbs: ramBandwidth(3200, 2) },
  { id: 'ddr4-4', label: 'DDR4-3200, quad channel', words: 'quad-channel DDR4', gbs: ramBandwidth(3200, 4) },
  { id: 'ddr5-2', label: 'DDR5-6000, dual channel', words: 'dual-channel DDR5', gbs: ramBandwidth(6000, 2) },
  { id: 'lpddr5x', label: 'LPDDR5X-8533 laptop (128-bit)', words: 'LPDDR5X', gbs: ramBandwidth(8533, 2) },
  { id: 'ddr5-4', label: 'DDR5-5600, quad channel', words: 'quad-channel DDR5', gbs: ramBandwidth(5600, 4) },
] as const;


export interface OffloadPrefs {
  gpuGB: number;
  /** Typed by the user; null: from the datasheet or the probe. */
  gpuGBs: number | null;
  /** A RAM_KINDS id, or 'measured' (the probe's figure). */
  ram: string;
  measuredRamGBs: number | null;
}

export const DEFAULT_OFFLOAD: OffloadPrefs = { gpuGB: 8, gpuGBs: null, ram: 'ddr5-2', measuredRamGBs: null };
export const GPU_SIZES = [8, 12, 16, 24] as const;
const FALLBACK_GPU_GBS = 448;

export interface OffloadSetup {
  machine: OffloadMachine;
  gpuFrom: string;
  ramFrom: string;
  /** How the RAM reads in a sentence: "dual-channel DDR5", "RAM measured at ≥ 21 GB/s". */
  ramWords: string;
}

export function offloadSetup(p: OffloadPrefs, known: { datasheet: { name: string; gbs: number } | null; probeGBs: number | null }): OffloadSetup {
  const [gpuGBs, gpuFrom] =
    p.gpuGBs !== null
      ? [p.gpuGBs, 'typed']
      : known.datasheet
        ? [known.datasheet.gbs, `the ${known.datasheet.name} datasheet`]
        : known.probeGBs !== null
          ? [known.probeGBs, 'this GPU’s bandwidth probe']
          : [FALLBACK_GPU_GBS, 'a mid-range card’s figure (type yours)'];
  const kind = RAM_KINDS.find((k) => k.id === p.ram) ?? RAM_KINDS.find((k) => k.id === DEFAULT_OFFLOAD.ram)!;
  const measured = p.ram === 'measured' && p.measuredRamGBs !== null;
  const ramGBs = measured ? p.measuredRamGBs! : kind.gbs;
  return {
    machine: { gpuGB: p.gpuGB, gpuGBs, ramGBs },
    gpuFrom,
    ramFrom: measured ? 'measured in this browser (a lower bound)' : `${kind.label} (MT/s × 8 bytes × channels)`,
    ramWords: measured ? `RAM measured at ≥ ${Math.round(ramGBs)} GB/s` : kind.words,
  };
}
