/**
 * Published decode speeds of big MoE models with their experts (some or all) in system RAM, run
 * with llama.cpp. The `fit` points set the efficiencies of src/lib/offload.ts; the `hold-out` points
 * check them, each with the tolerance it is held to (tests/unit/offload.test.ts) and what had to be
 * assumed where the report does not say.
 */
import { bigModel } from './big-models';
import { offloadLayout, type Efficiency, type OffloadFormat, type OffloadMachine } from './offload';

export interface OffloadPoint {
  id: string;
  /** The set-up in a few words. */
  setup: string;
  model: string;
  format: OffloadFormat;
  machine: OffloadMachine;
  /** Layers with their experts in RAM as the run set them; absent: not reported (the app's layout). */
  cpuExpertLayers?: number;
  measuredTps: number;
  measuredVramGB?: number;
  role: 'fit' | 'hold-out';
  /** How far the expected figure may sit from the measurement: fractions below and above. */
  tolerance: { below: number; above: number; why: string };
  assumed?: string;
  source: string;
}

const Q4_K_M = { id: 'Q4_K_M', bitsPerWeight: 4.89 };
const REDDIT_5080 = 'https://www.reddit.com/r/LocalLLaMA/comments/1rei65v/ (Qwen3.5-35B-A3B offloading benchmarks on an RTX 5080, 2026-02-25; read from a public snapshot)';
const ddr5_4800x2 = { gpuGB: 16, gpuGBs: 960, ramGBs: 76.8 };
const fitTolerance = { below: 0.2, above: 0.2, why: 'a fit point: within 20 %' };

export const OFFLOAD_POINTS: OffloadPoint[] = [
  {
    id: 'rtx2080-q30-ncmoe36',
    setup: 'RTX 2080 8 GB + quad-channel DDR4 (~102 GB/s), --n-cpu-moe 36',
    model: 'Qwen3-30B-A3B',
    format: Q4_K_M,
    machine: { gpuGB: 8, gpuGBs: 448, ramGBs: 102 },
    cpuExpertLayers: 36,
    measuredTps: 36.7,
    role: 'fit',
    tolerance: fitTolerance,
    source: 'https://www.akciali.com/articles/posts/a-30b-model-on-an-8gb-gpu/ (its roofline × 0.55 predicted 35.6)',
  },
  ...[
    { id: 'rtx5080-q35-exps-cpu', setup: 'RTX 5080 16 GB + DDR5-4800 dual channel (~77 GB/s), -ot exps=CPU', layers: 40, tps: 51.0, format: Q4_K_M },
    { id: 'rtx5080-q35-ncmoe24', setup: 'RTX 5080 16 GB + DDR5-4800 dual channel (~77 GB/s), --n-cpu-moe 24', layers: 24, tps: 69.6, format: Q4_K_M },
    { id: 'rtx5080-q35-q8-exps-cpu', setup: 'RTX 5080 16 GB + DDR5-4800 dual channel (~77 GB/s), -ot exps=CPU', layers: 40, tps: 35.7, format: { id: 'Q8_0', bitsPerWeight: 8.5 } },
  ].map(
    (p): OffloadPoint => ({
      id: p.id,
      setup: p.setup,
      model: 'Qwen3.6-35B-A3B',
      format: p.format,
      machine: ddr5_4800x2,
      cpuExpertLayers: p.layers,
      measuredTps: p.tps,
      role: 'fit',
      tolerance: fitTolerance,
      assumed: 'Measured on Qwen3.5-35B-A3B, which has Qwen3.6-35B-A3B’s shape (short prompts, 65k context allocated)',
      source: REDDIT_5080,
    }),
  ),
  {
    id: 'rtx3090ti-q30-gpu',
    setup: 'RTX 3090 Ti 24 GB, every expert on the GPU (4k context)',
    model: 'Qwen3-30B-A3B',
    format: Q4_K_M,
    machine: { gpuGB: 24, gpuGBs: 1008, ramGBs: 51.2 },
    cpuExpertLayers: 0,
    measuredTps: 166.9,
    role: 'fit',
    tolerance: fitTolerance,
    source: 'https://smeltcore.com/recipes/qwen3-30b-a3b-rtx-3090-ti/',
  },
  {
    id: 'rtx5080-q36-cpu-moe',
    setup: 'RTX 5080 16 GB, --cpu-moe (14.6 tok/s on the CPU alone)',
    model: 'Qwen3.6-35B-A3B',
    format: Q4_K_M,
    machine: { gpuGB: 16, gpuGBs: 960, ramGBs: 96 },
    cpuExpertLayers: 40,
    measuredTps: 36.5,
    measuredVramGB: 2.9,
    role: 'hold-out',
    tolerance: { below: 0.2, above: 0.7, why: 'the same card and flag measured 51.0 tok/s in the fit points: published runs of one set-up differ by 40 %' },
    assumed: 'RAM and quantization not reported: dual-channel DDR5-6000 (96 GB/s) and Q4_K_M assumed',
    source: 'r/LocalLLaMA report quoted in this project’s issue 25 (the post itself could not be opened from the machine this was written on)',
  },
  {
    id: 'rtx3060-q36-iq3-ncmoe',
    setup: 'RTX 3060 12 GB + Xeon E5-2650 v4 (quad-channel DDR4-2400), UD-IQ3_XXS, -ncmoe',
    model: 'Qwen3.6-35B-A3B',
    format: { id: 'IQ3_XXS', bitsPerWeight: 3.02 },
    machine: { gpuGB: 12, gpuGBs: 360, ramGBs: 76.8 },
    measuredTps: 22.9,
    role: 'hold-out',
    tolerance: {
      below: 0.2,
      above: 2.2,
      why: 'outside the model: a 2016 2.2 GHz Xeon decoding i-quants is limited by its compute, not its RAM, and the -ncmoe count is not reported; the expected figure is an upper bound here',
    },
    assumed: 'Bits per weight from the file (13.2 GB for 35 B parameters); RAM at the CPU’s quad-channel DDR4-2400 (76.8 GB/s); the app’s own layout for 12 GB',
    source: 'https://jeanfbrito.github.io/posts/running-qwen3.6-35b-moe-rtx3060-ncmoe/',
  },
  {
    id: 'rtx4060ti8-q36',
    setup: 'RTX 4060 Ti 8 GB, mainline llama.cpp, experts partly in RAM',
    model: 'Qwen3.6-35B-A3B',
    format: Q4_K_M,
    machine: { gpuGB: 8, gpuGBs: 288, ramGBs: 96 },
    measuredTps: 41,
    role: 'hold-out',
    tolerance: { below: 0.2, above: 0.2, why: 'within 20 %' },
    assumed: 'Quantization, RAM and layout not reported: Q4_K_M, dual-channel DDR5-6000 (96 GB/s) and the app’s own layout for 8 GB',
    source: 'r/LocalLLaMA report quoted in this project’s issue 25',
  },
];

/** The expected speed the model gives a point, with the given efficiencies. */
export function expectedFor(p: OffloadPoint, eff?: Efficiency) {
  return offloadLayout(bigModel(p.model)!.arch, p.format, p.machine, p.cpuExpertLayers, eff);
}

/** Least squares of log(expected ÷ measured) over `points`, on a grid (0.01 for the efficiencies, 0.5 ms for the hand-over). */
export function fitEfficiency(points: readonly OffloadPoint[]): Efficiency {
  // Each point's bytes on either side do not depend on the efficiencies: computed once.
  const parts = points.map((p) => {
    const r = expectedFor(p, { gpu: 1, cpu: 1, handoverMs: 0 });
    return { g: r.gpuBytesPerToken / (p.machine.gpuGBs * 1e9), c: r.cpuBytesPerToken / (p.machine.ramGBs * 1e9), split: r.cpuExpertLayers > 0, tps: p.measuredTps };
  });
  let best = { err: Number.POSITIVE_INFINITY, eff: { gpu: 1, cpu: 1, handoverMs: 0 } };
  for (let gi = 10; gi <= 100; gi++) {
    for (let ci = 10; ci <= 100; ci++) {
      for (let hi = 0; hi <= 30; hi++) {
        const [gpu, cpu, handoverMs] = [gi / 100, ci / 100, hi / 2];
        let err = 0;
        for (const x of parts) err += Math.log(1 / (x.g / gpu + x.c / cpu + (x.split ? handoverMs / 1000 : 0)) / x.tps) ** 2;
        if (err < best.err) best = { err, eff: { gpu, cpu, handoverMs } };
      }
    }
  }
  return best.eff;
}
