import { describe, expect, it } from 'vitest';
import { EXAMPLE_GPU, THIS_MACHINE, projectionBasis } from '../../src/lib/projection-basis';
import { hardware } from '../../src/lib/hardware';

const nothing = { reply: null, probeGBs: null, memoryGB: null };
const measured = { gbPerSecond: 400, modelName: 'Qwen3-0.6B-q4f16_1-MLC', source: 'measured' as const };

describe('the one basis of every projection', () => {
  it('with nothing measured, stands on the example GPU, labelled as an example with its datasheet', () => {
    const b = projectionBasis(THIS_MACHINE, nothing);
    const hw = hardware(EXAMPLE_GPU)!;
    expect(b.example).toBe(true);
    expect(b.bandwidth).toEqual({ kind: 'table', gbPerSecond: hw.bandwidthGBs, name: hw.name });
    expect(b.memoryGB).toBe(hw.memoryGB);
    expect(b.provenance).toBe('published');
    expect(b.explanation).toMatch(/example GPU/);
    // The memory the user typed for their own card is what the fit is judged against.
    const typed = projectionBasis(THIS_MACHINE, { ...nothing, memoryGB: 8 });
    expect(typed.memoryGB).toBe(8);
    expect(typed.memoryFromDatasheet).toBe(false);
    expect(typed.bandwidth.kind).toBe('table');
  });

  it('a GPU picked by name wins over anything measured here', () => {
    const b = projectionBasis('rtx4090', { reply: measured, probeGBs: 12, memoryGB: 8 });
    expect(b.bandwidth).toMatchObject({ kind: 'table', gbPerSecond: 1008 });
    expect(b.memoryGB).toBe(24);
    expect(b.example).toBe(false);
    expect(b.who).toBe('the RTX 4090');
  });

  it("this machine: the last reply first (the figure the screen shows), then the probe, with the memory the user typed", () => {
    const probe = projectionBasis(THIS_MACHINE, { reply: null, probeGBs: 12, memoryGB: 8 });
    expect(probe.bandwidth).toEqual({ kind: 'probe', gbPerSecond: 12 });
    expect(probe.provenance).toBe('measured');
    expect(probe.memoryGB).toBe(8);
    const live = projectionBasis(THIS_MACHINE, { reply: measured, probeGBs: 12, memoryGB: 8 });
    expect(live.bandwidth).toMatchObject({ kind: 'live-run', gbPerSecond: 400 });
    expect(live.provenance).toBe('measured');
    expect(live.explanation).not.toMatch(/router/);
    // An MoE reply whose routing was counted says its bytes per token were measured.
    expect(projectionBasis(THIS_MACHINE, { reply: { ...measured, bytesMeasured: true }, probeGBs: null, memoryGB: null }).explanation).toMatch(/as its router chose them \(measured\)/);
  });

  it('a replayed reply stands for the speed on screen but says it is not this GPU, and that the probe is set aside', () => {
    const b = projectionBasis(THIS_MACHINE, { reply: { ...measured, source: 'replayed' }, probeGBs: 1.5, memoryGB: null });
    expect(b.provenance).toBe('replayed');
    expect(b.who).toBe('the replayed run');
    expect(b.explanation).toMatch(/not a measurement of this GPU/);
    expect(b.explanation).toMatch(/probe's 1\.5 GB\/s .* set aside/);
    expect(b.memoryGB).toBeNull();
  });

  it('an unknown hardware id falls back to this machine', () => {
    expect(projectionBasis('no-such-gpu', { reply: null, probeGBs: 3, memoryGB: null }).bandwidth.kind).toBe('probe');
  });
});
