/** Messages between the benchmark's bare page and its worker. */
import type { RunUsage } from '../../../src/shared/runs';

export type BareRequest = { kind: 'load'; repo: string; dtype: 'fp32' | 'int8' | 'q4' } | { kind: 'generate'; prompt: string; maxTokens: number };
export type BareReply = { kind: 'loaded'; loadMs: number } | { kind: 'generated'; usage: RunUsage; ids: number[] } | { kind: 'failed'; message: string };

/** What the bare page puts on window for the benchmark to call. */
export interface BareApi {
  ask: (req: BareRequest) => Promise<BareReply>;
}
