import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/shared/errors';

const load = { phase: 'load' as const, hosts: ['huggingface.co', 'raw.githubusercontent.com'] };

describe('classifyError', () => {
  it('names the host when a fetch fails before any progress', () => {
    const e = classifyError(new TypeError('Failed to fetch'), {
      ...load,
      lastUrl: 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f16_1-MLC/resolve/main/mlc-chat-config.json',
      progress: 0,
    });
    expect(e.code).toBe('host-unreachable');
    expect(e.title).toContain('huggingface.co');
    expect(e.action).toBe('retry-load');
    expect(e.detail).toBe('TypeError: Failed to fetch');
  });

  it('falls back to the model hosts when the URL is unknown', () => {
    expect(classifyError(new TypeError('Failed to fetch'), load).host).toBe('huggingface.co');
  });

  it('calls a failure after progress a download failure', () => {
    const e = classifyError(new TypeError('Failed to fetch'), { ...load, progress: 0.4, lastUrl: 'https://cdn.example/x.bin' });
    expect(e.code).toBe('download-failed');
    expect(e.message).toContain('cdn.example');
  });

  it('calls a failure from a host that answered earlier in the load a broken download, not an unreachable host', () => {
    const e = classifyError(new TypeError('Failed to fetch'), { ...load, progress: 0, lastUrl: 'http://127.0.0.1:8787/libs/x.wasm', hostAnswered: true });
    expect(e.code).toBe('download-failed');
    expect(e.message).toContain('127.0.0.1:8787');
  });

  it('names the model library that does not instantiate, by its URL', () => {
    const url = 'http://127.0.0.1:8787/libs/Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm';
    const e = classifyError(new Error('CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d'), { ...load, lastUrl: url });
    expect(e.code).toBe('bad-model-library');
    expect(e.message).toContain(url);
    expect(e.action).toBe('retry-load');
  });

  it("maps the Cache API's refusal of a missing file", () => {
    const e = classifyError(new TypeError("Failed to execute 'add' on 'Cache': Request failed"), {
      ...load,
      lastUrl: 'http://localhost:4173/models/x/params_shard_0.bin',
    });
    expect(e.code).toBe('download-failed');
    expect(e.host).toBe('localhost:4173');
  });

  it('maps errors thrown as strings across the worker', () => {
    expect(classifyError('DeviceLostError: The WebGPU device was lost', { phase: 'generate' }).code).toBe('device-lost');
  });

  it("maps web-llm's named errors", () => {
    const named = (name: string, message: string) => Object.assign(new Error(message), { name });
    expect(classifyError(named('ShaderF16SupportError', 'This model requires WebGPU extension shader-f16'), load).code).toBe('needs-shader-f16');
    expect(
      classifyError(named('ContextWindowSizeExceededError', 'Prompt tokens exceed context window size: 5000; 4096'), { phase: 'generate' }).code,
    ).toBe('context-exceeded');
    expect(classifyError(named('WebGPUNotAvailableError', 'WebGPU is not supported'), load).code).toBe('no-webgpu');
    expect(classifyError(new Error('Unable to find a compatible GPU.'), load).code).toBe('no-adapter');
  });

  it('maps storage quota errors', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(classifyError(quota, { ...load, progress: 0.5 }).code).toBe('quota-exceeded');
  });

  it('keeps unknown errors readable', () => {
    const e = classifyError({ weird: true }, { phase: 'generate' });
    expect(e.code).toBe('unknown');
    expect(e.detail).toBe('{"weird":true}');
  });
});
