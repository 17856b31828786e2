import { describe, expect, it } from 'vitest';
import { BIG_MODELS, bigModel } from '../../src/lib/big-models';
import { explain, memoryNeededGB, project } from '../../src/lib/fit';
import { HARDWARE, hardware } from '../../src/lib/hardware';
import { hwRows } from '../../src/lib/hw-table';
import { calibrateBandwidth, decodeCeiling, format, projectDecode } from '../../src/lib/projection';
import { activeParameterCount, parameterCount } from '../../src/lib/vram';

const within = (actual: number, expected: number, tolerance = 0.1) => Math.abs(actual / expected - 1) <= tolerance;

describe('big-model data', () => {
  it('cites a config.json for every model and covers dense and MoE Qwens', () => {
    for (const m of BIG_MODELS) expect(m.arch.source, m.name).toMatch(/^https:\/\/huggingface\.co\/.+\/config\.json$/);
    expect(BIG_MODELS.filter((m) => m.kind === 'dense').map((m) => m.name)).toEqual(['Qwen3-0.6B', 'Qwen3-1.7B', 'Qwen3-4B', 'Qwen3-8B', 'Qwen3-14B', 'Qwen3-32B']);
    for (const n of ['Qwen3-30B-A3B', 'Qwen3-235B-A22B', 'Qwen3-Coder-30B-A3B', 'Qwen3-Coder-480B-A35B', 'Qwen3-Next-80B-A3B', 'Qwen3.6-35B-A3B']) expect(bigModel(n)?.kind).toBe('moe');
  });

  it('computes total parameters within 10 % of the model cards', () => {
    for (const m of BIG_MODELS) expect(within(parameterCount(m.arch) / 1e9, m.published.totalB), `${m.name}: ${parameterCount(m.arch) / 1e9}`).toBe(true);
  });

  it('computes active parameters within 10 % of the Qwen3 MoE cards (which count embeddings)', () => {
    for (const n of ['Qwen3-30B-A3B', 'Qwen3-Coder-30B-A3B', 'Qwen3-235B-A22B', 'Qwen3-Coder-480B-A35B']) {
      const m = bigModel(n)!;
      expect(within(activeParameterCount(m.arch) / 1e9, m.published.activeB), n).toBe(true);
    }
  });

  it('brackets the rounded "3B active" of the hybrid models between the counts without and with embeddings', () => {
    for (const n of ['Qwen3-Next-80B-A3B', 'Qwen3.6-35B-A3B']) {
      const m = bigModel(n)!;
      const withEmbeddings = activeParameterCount(m.arch) / 1e9;
      const withoutEmbeddings = withEmbeddings - (2 * m.arch.vocab * m.arch.hidden) / 1e9;
      expect(m.published.activeB, n).toBeGreaterThanOrEqual(withoutEmbeddings * 0.9);
      expect(m.published.activeB, n).toBeLessThanOrEqual(withEmbeddings * 1.1);
    }
  });

  it('matches published GGUF file sizes within 10 %', () => {
    // File sizes of the official/unsloth GGUF releases, in GB (10^9 bytes).
    const gguf: Array<[string, string, number]> = [
      ['Qwen3-8B', 'Q4_K_M', 5.03],
      ['Qwen3-8B', 'Q8_0', 8.71],
      ['Qwen3-14B', 'Q4_K_M', 9.0],
      ['Qwen3-32B', 'Q4_K_M', 19.8],
      ['Qwen3-30B-A3B', 'Q4_K_M', 18.6],
      ['Qwen3-30B-A3B', 'Q8_0', 32.5],
      ['Qwen3-235B-A22B', 'Q4_K_M', 142.6],
    ];
    const rows = hwRows();
    for (const [model, quant, gb] of gguf) {
      const row = rows.find((r) => r.model === model && r.quant === quant)!;
      expect(within(row.weights_gb, gb), `${model} ${quant}: ${row.weights_gb}`).toBe(true);
    }
  });

  it('lists consumer GPUs and Apple machines with memory, bandwidth, price and a source', () => {
    expect(HARDWARE.some((h) => h.kind === 'apple')).toBe(true);
    for (const h of HARDWARE) {
      expect(h.memoryGB).toBeGreaterThan(0);
      expect(h.bandwidthGBs).toBeGreaterThan(0);
      expect(h.launchPriceUSD).toBeGreaterThan(0);
      expect(h.source).toMatch(/^https:\/\//);
    }
  });
});

describe('the MoE argument in numbers', () => {
  const q4 = format('Q4_K_M');
  const moe = bigModel('Qwen3-30B-A3B')!;
  const dense32 = bigModel('Qwen3-32B')!;

  it('needs the memory of a big model but reads about as much per token as a small one', () => {
    expect(memoryNeededGB(moe, q4)).toBeGreaterThan(memoryNeededGB(dense32, q4) * 0.8);
    const rows = project(q4, 24, { kind: 'table', gbPerSecond: 1008, name: 'RTX 4090' });
    const tps = (name: string) => rows.find((r) => r.model.name === name)!.decode!.high;
    expect(tps('Qwen3-30B-A3B')).toBeGreaterThan(tps('Qwen3-32B') * 5);
    expect(within(tps('Qwen3-30B-A3B'), tps('Qwen3-4B'), 0.5)).toBe(true);
  });

  it('calibrates bandwidth from a live run and gives a range, not one number', () => {
    const small = bigModel('Qwen3-0.6B')!;
    const f16 = format('q4f16_1');
    const gbps = calibrateBandwidth(100, small.arch, f16, 500);
    expect(decodeCeiling(gbps, small.arch, f16, 500)).toBeCloseTo(100, 6);
    const range = projectDecode({ kind: 'live-run', gbPerSecond: gbps, modelName: small.name }, moe.arch, f16, 500);
    expect(range.low).toBeLessThan(range.high);
  });

  it('says it in plain words', () => {
    const rtx4090 = hardware('rtx4090')!;
    const rows = project(q4, 8, { kind: 'table', gbPerSecond: rtx4090.bandwidthGBs, name: rtx4090.name });
    const text = explain(rows, 'Qwen3-30B-A3B', '4-bit', { memoryGB: 8, hardware: null });
    expect(text).toMatch(/^Qwen3-30B-A3B at 4-bit needs ~\d+ GB: it does not fit in your 8 GB\. On your GPU it would decode at about [\d.]+–[\d.]+ tok\/s, about as fast as dense Qwen3-\d+(\.\d)?B, while dense Qwen3-32B would manage about/);
    const on4090 = explain(project(q4, 24, { kind: 'table', gbPerSecond: 1008, name: 'RTX 4090' }), 'Qwen3-30B-A3B', '4-bit', { memoryGB: 24, hardware: 'RTX 4090' });
    expect(on4090).toContain("it fits in the RTX 4090's 24 GB. On the RTX 4090 it would decode");
  });

  it('brackets published speeds: Qwen3-30B-A3B at 8-bit ≈ 180 tok/s on an RTX 5090, dense Qwen3-32B at 4-bit ≈ 40 on an RTX 4090', () => {
    const on = (id: string, model: string, f: string) => {
      const h = hardware(id)!;
      return project(format(f), h.memoryGB, { kind: 'table', gbPerSecond: h.bandwidthGBs, name: h.name }).find((r) => r.model.name === model)!.decode!;
    };
    const moe5090 = on('rtx5090', 'Qwen3-30B-A3B', 'Q8_0');
    expect(moe5090.low).toBeLessThanOrEqual(180);
    expect(moe5090.high).toBeGreaterThanOrEqual(180);
    const dense4090 = on('rtx4090', 'Qwen3-32B', 'Q4_K_M');
    expect(dense4090.low).toBeLessThanOrEqual(40);
    expect(dense4090.high).toBeGreaterThanOrEqual(40);
  });

});
