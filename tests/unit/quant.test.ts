import { describe, expect, it } from 'vitest';
import { parseQuant, quantOfModelId } from '../../src/lib/quant';

describe('parseQuant', () => {
  it('counts the group scale in bits per weight', () => {
    expect(parseQuant('q4f16_1')?.bitsPerWeight).toBe(4.5);
    expect(parseQuant('q4f32_1')?.bitsPerWeight).toBe(5);
    expect(parseQuant('q0f16')?.bitsPerWeight).toBe(16);
    expect(parseQuant('q0f32')?.bitsPerWeight).toBe(32);
  });

  it('knows which codes need shader-f16', () => {
    expect(parseQuant('q4f16_1')?.needsShaderF16).toBe(true);
    expect(parseQuant('q0f16')?.needsShaderF16).toBe(true);
    expect(parseQuant('q4f32_1')?.needsShaderF16).toBe(false);
    expect(parseQuant('q0f32')?.needsShaderF16).toBe(false);
    expect(parseQuant('q4f16_1')?.description).toMatch(/shader-f16/);
  });

  it('rejects unknown codes', () => {
    expect(parseQuant('gguf')).toBeNull();
  });

  it('reads the code from a model id', () => {
    expect(quantOfModelId('Qwen3-0.6B-q4f16_1-MLC')).toBe('q4f16_1');
    expect(quantOfModelId('Qwen2.5-0.5B-Instruct-q0f32-MLC')).toBe('q0f32');
    expect(quantOfModelId('Qwen3-0.6B')).toBeNull();
  });
});
