import { describe, expect, it } from 'vitest';
import { packResult, unpackResult } from '../../src/shared/run-transfer';
import { runText } from '../../src/shared/runs';
import { streamRunFile } from '../fixtures/synthetic-runs';

const run = streamRunFile('Qwen3-0.6B-q4f32_1-MLC', 500, 100).runs[0]!;
// Chunks as a model sends them: multi-byte text, a surrogate pair, an empty-looking whitespace chunk.
const odd = { ...run, chunks: [{ t: 1, text: 'Grüße ' }, { t: 2.5, text: '🙂' }, { t: 3, text: '\n\n' }, { t: 4.25, text: '<b>x</b>' }] };

describe('run transfer', () => {
  it('gives back the same run, chunk by chunk, after a structured clone', () => {
    for (const r of [run, odd]) {
      const result = { text: runText(r), finishReason: r.finishReason, run: r };
      expect(unpackResult(structuredClone(packResult(result)))).toEqual(result);
    }
  });

  it('sends two typed arrays instead of an object per chunk', () => {
    const packed = packResult({ text: runText(run), finishReason: 'stop', run });
    expect(packed.run).not.toHaveProperty('chunks');
    expect(packed.run.chunkTimes).toBeInstanceOf(Float64Array);
    expect(packed.run.chunkEnds).toHaveLength(run.chunks.length);
    expect(packed.run.chunkEnds.at(-1)).toBe(packed.text.length);
  });
});
