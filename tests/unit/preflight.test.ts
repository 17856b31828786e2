import { describe, expect, it } from 'vitest';
import { overall, preflight, type PreflightInput } from '../../src/lib/preflight';

const ready: PreflightInput = {
  adapter: { name: 'nvidia ada NVIDIA GeForce RTX 4090', isFallback: false, shaderF16: true },
  gpuError: null,
  model: { id: 'Qwen3-1.7B-q4f16_1-MLC', needsF16: true, cached: true, downloadMB: 1100 },
  replay: false,
  persisted: true,
  offlineReady: true,
  rehearsal: { fit: { sameGpu: true, sameBrowser: true, live: true, covered: 3, scriptLength: 3 }, recorded: '1 Dec 2026', gpu: 'RTX 4090', browser: 'Chrome 131' },
  browser: 'Chrome 131',
  scriptLength: 3,
};
const level = (input: PreflightInput) => Object.fromEntries(preflight(input).map((i) => [i.id, i.level]));

describe('pre-flight check', () => {
  it('is all green on a prepared machine', () => {
    expect(overall(preflight(ready))).toBe('ok');
  });

  it('flags a software adapter without shader-f16 and an uncached model, as on a machine without a GPU', () => {
    const items = preflight({
      ...ready,
      adapter: { name: 'Google SwiftShader', isFallback: true, shaderF16: false },
      model: { id: 'Qwen3-0.6B-q4f32_1-MLC', needsF16: false, cached: false, downloadMB: 1900 },
      persisted: false,
      offlineReady: false,
      rehearsal: null,
    });
    expect(Object.fromEntries(items.map((i) => [i.id, i.level]))).toEqual({ webgpu: 'fail', 'shader-f16': 'warn', model: 'fail', storage: 'warn', offline: 'warn', rehearsal: 'fail', script: 'ok' });
    expect(items.find((i) => i.id === 'model')).toMatchObject({ action: 'download-model', detail: expect.stringContaining('1.9 GB') });
    expect(items.find((i) => i.id === 'rehearsal')!.action).toBe('record-rehearsal');
    expect(overall(items)).toBe('fail');
  });

  it('turns red when the chosen model needs shader-f16 the adapter lacks', () => {
    expect(level({ ...ready, adapter: { ...ready.adapter!, shaderF16: false } })['shader-f16']).toBe('fail');
  });

  it('says why a rehearsal does not match: other GPU, other browser, replayed, part of the script', () => {
    const r = ready.rehearsal!;
    const item = preflight({ ...ready, scriptLength: 4, rehearsal: { ...r, fit: { sameGpu: false, sameBrowser: false, live: false, covered: 3, scriptLength: 4 }, browser: 'Chrome 130' } }).find((i) => i.id === 'rehearsal')!;
    expect(item.level).toBe('warn');
    expect(item.detail).toContain('It was recorded from a replay (the demo)');
    // A replay's "GPU" is the demo file's: no GPU to name.
    expect(item.detail).not.toContain('recorded on');
    const otherGpu = preflight({ ...ready, rehearsal: { ...r, fit: { ...r.fit, sameGpu: false } } }).find((i) => i.id === 'rehearsal')!;
    expect(otherGpu.detail).toContain('recorded on RTX 4090');
    expect(item.detail).toContain('Chrome 130 (this is Chrome 131)');
    expect(item.detail).toContain('3 of the script’s 4 prompts');
  });

  it('no adapter, replay mode, no script', () => {
    expect(level({ ...ready, adapter: null, gpuError: 'WebGPU is not available.', replay: true, scriptLength: 0, rehearsal: null })).toMatchObject({ webgpu: 'fail', model: 'warn', script: 'warn' });
    expect(preflight({ ...ready, scriptLength: 0, rehearsal: null }).find((i) => i.id === 'rehearsal')!.action).toBe('edit-script');
  });
});
