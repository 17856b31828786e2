import { describe, expect, it } from 'vitest';
import { bigModel } from '../../src/lib/big-models';
import { EFFICIENCY, offloadLayout } from '../../src/lib/offload';
import { ramBandwidth } from '../../src/lib/offload-setup';
import { OFFLOAD_POINTS, expectedFor, fitEfficiency } from '../../src/lib/offload-points';
import { offloadRows } from '../../src/lib/hw-table';

const q30 = bigModel('Qwen3-30B-A3B')!.arch;
const q4 = { id: 'Q4_K_M', bitsPerWeight: 4.89 };

describe('offload projection', () => {
  it('its efficiencies are the least-squares fit on the fit points', () => {
    expect(fitEfficiency(OFFLOAD_POINTS.filter((p) => p.role === 'fit'))).toEqual(EFFICIENCY);
  });

  for (const p of OFFLOAD_POINTS) {
    it(`${p.role} ${p.id}: ${p.measuredTps} tok/s measured, expected within −${Math.round(p.tolerance.below * 100)} % / +${Math.round(p.tolerance.above * 100)} % (${p.tolerance.why})`, () => {
      const r = expectedFor(p);
      expect(r.tps / p.measuredTps - 1).toBeGreaterThanOrEqual(-p.tolerance.below);
      expect(r.tps / p.measuredTps - 1).toBeLessThanOrEqual(p.tolerance.above);
      // The ceiling is an upper bound: nobody measured above it.
      expect(r.ceilingTps).toBeGreaterThan(p.measuredTps);
      if (p.cpuExpertLayers !== undefined) expect(r.cpuExpertLayers).toBe(p.cpuExpertLayers);
    });
  }

  it('the RTX 5080 with every expert in RAM uses about the VRAM reported (2.9 GB, within 20 %)', () => {
    const p = OFFLOAD_POINTS.find((x) => x.id === 'rtx5080-q36-cpu-moe')!;
    expect(Math.abs(expectedFor(p).vramGB / p.measuredVramGB! - 1)).toBeLessThan(0.2);
  });

  it('puts as many layers’ experts on the GPU as fit, and more VRAM means fewer in RAM and more speed', () => {
    const at = (gpuGB: number) => offloadLayout(q30, q4, { gpuGB, gpuGBs: 448, ramGBs: 96 });
    const [g8, g12, g16, g24] = [8, 12, 16, 24].map(at);
    expect(g8!.vramGB).toBeLessThanOrEqual(8);
    expect(g8!.cpuExpertLayers).toBeGreaterThan(g12!.cpuExpertLayers);
    expect(g12!.cpuExpertLayers).toBeGreaterThan(g16!.cpuExpertLayers);
    expect(g24!.cpuExpertLayers).toBe(0);
    expect(g8!.tps).toBeLessThan(g16!.tps);
    expect(g8!.fits).toBe(true);
  });

  it('says when even the parts that must be on the GPU do not fit, or the RAM is too small', () => {
    const big = bigModel('Qwen3-Coder-480B-A35B')!.arch;
    expect(offloadLayout(big, q4, { gpuGB: 8, gpuGBs: 448, ramGBs: 96 }).fits).toBe(false);
    expect(offloadLayout(q30, q4, { gpuGB: 8, gpuGBs: 448, ramGBs: 96, ramGB: 8 }).fits).toBe(false);
    expect(offloadLayout(q30, q4, { gpuGB: 8, gpuGBs: 448, ramGBs: 96, ramGB: 32 }).fits).toBe(true);
  });

  it('RAM bandwidth from its kind: DDR5-6000 dual channel is 96 GB/s', () => {
    expect(ramBandwidth(6000, 2)).toBe(96);
    expect(ramBandwidth(3200, 4)).toBeCloseTo(102.4);
  });

  it('npm run hw --offload rows: one per big MoE, with the JSON fields the issue names', () => {
    const rows = offloadRows({ gpuGB: 8, gpuGBs: 448, ramGBs: 96 });
    expect(rows.map((r) => r.model)).toEqual(['Qwen3-30B-A3B', 'Qwen3.6-35B-A3B', 'Qwen3-235B-A22B', 'Qwen3-Coder-480B-A35B']);
    for (const r of rows) for (const k of ['model', 'gpu_gb', 'gpu_gbps', 'ram_gbps', 'cpu_expert_layers', 'vram_gb', 'ceiling_tok_s', 'tok_s']) expect(r).toHaveProperty(k);
  });
});
