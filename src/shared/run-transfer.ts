/**
 * A finished run as it crosses from the worker to the UI. A reply of a few thousand
 * chunks is as many small objects, which the UI thread would deserialise one by one
 * (several milliseconds, and a garbage collection, in the frame that ends the reply);
 * packed, it is the reply's text (sent anyway) plus two typed arrays.
 */
import type { GenerateResult } from './protocol';
import type { Run } from './runs';

export interface PackedRun extends Omit<Run, 'chunks'> {
  /** Each chunk's time (ms since the request). */
  chunkTimes: Float64Array;
  /** Where each chunk ends in the reply's text (UTF-16 offsets). */
  chunkEnds: Uint32Array;
}

export interface PackedGenerateResult extends Omit<GenerateResult, 'run'> {
  run: PackedRun;
}

/** `result.text` must be the chunks' texts joined, as the engine host builds it: the chunks' texts
 * travel in it, and only their lengths beside it. */
export function packResult(result: GenerateResult): PackedGenerateResult {
  const { chunks, ...rest } = result.run;
  const chunkTimes = new Float64Array(chunks.length);
  const chunkEnds = new Uint32Array(chunks.length);
  let end = 0;
  chunks.forEach((c, i) => {
    chunkTimes[i] = c.t;
    end += c.text.length;
    chunkEnds[i] = end;
  });
  return { ...result, run: { ...rest, chunkTimes, chunkEnds } };
}

export function unpackResult(packed: PackedGenerateResult): GenerateResult {
  const { chunkTimes, chunkEnds, ...rest } = packed.run;
  const chunks: Run['chunks'] = new Array(chunkTimes.length);
  let start = 0;
  for (let i = 0; i < chunkTimes.length; i++) {
    const end = chunkEnds[i]!;
    chunks[i] = { t: chunkTimes[i]!, text: packed.text.slice(start, end) };
    start = end;
  }
  return { ...packed, run: { ...rest, chunks } };
}
