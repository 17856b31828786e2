import { describe, expect, it } from 'vitest';
import { externalDataChunks, onnxFileName, onnxWeightFiles } from '../../src/lib/onnx-files';

describe('the files of an ONNX build, by transformers.js’s rules', () => {
  it('names the graph by dtype', () => {
    expect(onnxFileName({ dtype: 'fp32' })).toBe('onnx/model.onnx');
    expect(onnxFileName({ dtype: 'int8' })).toBe('onnx/model_int8.onnx');
    expect(onnxFileName({ dtype: 'q4f16' })).toBe('onnx/model_q4f16.onnx');
  });

  it('adds external data files when config.json says so, per file or for all', () => {
    expect(onnxWeightFiles({ dtype: 'q4' }, {})).toEqual(['onnx/model_q4.onnx']);
    expect(onnxWeightFiles({ dtype: 'q4' }, null)).toEqual(['onnx/model_q4.onnx']);
    const all = { 'transformers.js_config': { use_external_data_format: true } };
    expect(onnxWeightFiles({ dtype: 'q4' }, all)).toEqual(['onnx/model_q4.onnx', 'onnx/model_q4.onnx_data']);
    const perFile = { 'transformers.js_config': { use_external_data_format: { 'model_fp16.onnx': 3, 'model_q4.onnx': false } } };
    expect(onnxWeightFiles({ dtype: 'fp16' }, perFile)).toEqual(['onnx/model_fp16.onnx', 'onnx/model_fp16.onnx_data', 'onnx/model_fp16.onnx_data_1', 'onnx/model_fp16.onnx_data_2']);
    expect(onnxWeightFiles({ dtype: 'q4' }, perFile)).toEqual(['onnx/model_q4.onnx']);
    expect(externalDataChunks({ 'transformers.js_config': { use_external_data_format: { model: 2 } } }, { dtype: 'int8' })).toBe(2);
  });

  it('ignores nonsense and refuses more chunks than transformers.js reads', () => {
    expect(externalDataChunks({ 'transformers.js_config': { use_external_data_format: 'yes' } }, { dtype: 'q4' })).toBe(0);
    expect(externalDataChunks({ 'transformers.js_config': { use_external_data_format: -2 } }, { dtype: 'q4' })).toBe(0);
    expect(() => externalDataChunks({ 'transformers.js_config': { use_external_data_format: 1e6 } }, { dtype: 'q4' })).toThrow(/at most 100/);
  });
});
