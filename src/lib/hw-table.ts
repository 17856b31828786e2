/** Rows of `npm run hw`: every big-model × format estimate, and the offload layouts; plain data. */
import { BIG_MODELS, bigModel } from './big-models';
import { FORMATS, estimateRow, format, type EstimateRow, type WeightFormat } from './projection';
import { offloadLayout, type OffloadMachine } from './offload';

export interface HwRow extends EstimateRow {
  model: string;
  quant: string;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

export function hwRows(contextTokens = 1000): HwRow[] {
  return BIG_MODELS.flatMap((m) =>
    FORMATS.map((f) => {
      const e = estimateRow(m.arch, f, contextTokens);
      return {
        model: m.name,
        quant: f.id,
        total_params_b: r3(e.total_params_b),
        active_params_b: r3(e.active_params_b),
        weights_gb: r3(e.weights_gb),
        bytes_per_token_gb: r3(e.bytes_per_token_gb),
        kv_gb_per_1k: r3(e.kv_gb_per_1k),
      };
    }),
  );
}

export function hwMarkdown(rows: readonly HwRow[]): string {
  return [
    '| model | quant | total B | active B | weights GB | GB read / token (1k ctx) | KV GB / 1k tokens |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.model} | ${r.quant} | ${r.total_params_b.toFixed(1)} | ${r.active_params_b.toFixed(2)} | ${r.weights_gb.toFixed(1)} | ${r.bytes_per_token_gb.toFixed(2)} | ${r.kv_gb_per_1k.toFixed(3)} |`,
    ),
  ].join('\n');
}

/** The big MoE models `npm run hw -- --offload` lays out (and the offload view offers). */
export const OFFLOAD_MODELS = ['Qwen3-30B-A3B', 'Qwen3.6-35B-A3B', 'Qwen3-235B-A22B', 'Qwen3-Coder-480B-A35B'] as const;

export interface OffloadRow {
  model: string;
  quant: string;
  gpu_gb: number;
  gpu_gbps: number;
  ram_gbps: number;
  fits: boolean;
  cpu_expert_layers: number;
  layers: number;
  vram_gb: number;
  ram_gb: number;
  ceiling_tok_s: number;
  /** The expected decode speed (efficiencies fitted on published runs). */
  tok_s: number;
}

export function offloadRows(machine: OffloadMachine, f: WeightFormat = format('Q4_K_M')): OffloadRow[] {
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return OFFLOAD_MODELS.map((name) => {
    const r = offloadLayout(bigModel(name)!.arch, f, machine);
    return {
      model: name,
      quant: f.id,
      gpu_gb: machine.gpuGB,
      gpu_gbps: machine.gpuGBs,
      ram_gbps: machine.ramGBs,
      fits: r.fits,
      cpu_expert_layers: r.cpuExpertLayers,
      layers: r.layers,
      vram_gb: r3(r.vramGB),
      ram_gb: r3(r.ramGB),
      ceiling_tok_s: r1(r.ceilingTps),
      tok_s: r1(r.tps),
    };
  });
}

export function offloadMarkdown(rows: readonly OffloadRow[]): string {
  return [
    '| model | quant | experts in RAM (layers) | VRAM GB | RAM GB | ceiling tok/s | expected tok/s |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.model} | ${r.quant} | ${r.cpu_expert_layers} of ${r.layers} | ${r.vram_gb.toFixed(1)} | ${r.ram_gb.toFixed(1)} | ${r.fits ? r.ceiling_tok_s.toFixed(1) : '–'} | ${r.fits ? r.tok_s.toFixed(1) : 'does not fit'} |`,
    ),
  ].join('\n');
}
