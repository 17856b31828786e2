import { describe, expect, it, vi } from 'vitest';
import { ExpertTally, FADE_PER_TOKEN, readShare } from '../../src/lib/expert-usage';
import { TINY_ARCHITECTURE } from '../../src/lib/tiny-moe';
import { bigModel } from '../../src/lib/big-models';
import { activeParameterCount, parameterCount } from '../../src/lib/vram';
import { StreamBatcher } from '../../workers/stream-batcher';
import type { StreamUpdate } from '../../src/shared/protocol';
import type { RoutingBatch } from '../../src/shared/routing';

const shape = { layers: 2, experts: 4, perToken: 2 };
const batch = (...tokens: number[][]): RoutingBatch => ({ ...shape, ids: tokens.flat() });

describe('ExpertTally', () => {
  it('counts each token’s experts per layer; the counts add up to tokens × layers × k', () => {
    const t = new ExpertTally(shape);
    // token: layer 0 → experts a, b; layer 1 → c, d
    t.add(batch([0, 1, 2, 3], [0, 2, 2, 1]));
    t.add(batch([0, 3, 1, 2]));
    const s = t.summary();
    expect(s.tokens).toBe(3);
    expect(s.counts).toEqual([3, 1, 1, 1, 0, 2, 3, 1]);
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(3 * 2 * 2);
    expect(s.meanDistinct).toBe(2);
    expect(s.most).toEqual({ layer: 0, expert: 0, share: 1 });
    expect(s.least).toEqual({ layer: 1, expert: 0, share: 0 });
  });

  it('lights the latest token’s experts and fades the older ones', () => {
    const t = new ExpertTally(shape);
    t.add(batch([0, 1, 2, 3], [2, 3, 0, 1]));
    expect(t.heat[2]).toBe(1);
    expect(t.heat[0]).toBeCloseTo(FADE_PER_TOKEN);
    expect(t.lastDistinct).toEqual([2, 2]);
  });

  it('counts a repeated choice once and ignores indices out of range or batches of another shape', () => {
    const t = new ExpertTally(shape);
    t.add(batch([1, 1, 9, 2]));
    expect(t.summary().counts).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
    expect(t.summary().meanDistinct).toBe(1);
    t.add({ layers: 3, experts: 4, perToken: 2, ids: [0, 1, 0, 1, 0, 1] });
    expect(t.tokens).toBe(1);
  });
});

describe('readShare', () => {
  it('for k of E experts per layer equals the config’s active share', () => {
    const a = TINY_ARCHITECTURE;
    const r = readShare(a, 2, 32)!;
    expect(r.expertShare).toBe(2 / 8);
    // active parameters (embedding row aside) over all of them
    const embedding = a.vocab * a.hidden;
    expect(r.weightShare).toBeCloseTo((activeParameterCount(a) - embedding) / parameterCount(a), 12);
    expect(r.bytes.total).toBe(r.bytes.experts + r.bytes.head + r.bytes.rest);
    expect(r.denseBytes).toBe((parameterCount(a) - embedding) * 4);
  });

  it('Qwen3-30B-A3B reads about a tenth of its weights per token at 8 of 128 experts', () => {
    const r = readShare(bigModel('Qwen3-30B-A3B')!.arch, 8, 16)!;
    expect(r.expertShare).toBe(1 / 16);
    expect(r.weightShare).toBeGreaterThan(0.09);
    expect(r.weightShare).toBeLessThan(0.11);
    expect(readShare(bigModel('Qwen3-8B')!.arch, 1, 16)).toBeNull();
  });
});

describe('StreamBatcher with routing', () => {
  it('sends router choices with the batch of their text, and on their own at the end', () => {
    vi.useFakeTimers();
    const sent: StreamUpdate[] = [];
    const b = new StreamBatcher((u) => sent.push(u));
    b.route(batch([0, 1, 2, 3]));
    b.push('a', 1);
    expect(sent.map((u) => u.routing?.ids)).toEqual([[0, 1, 2, 3]]);
    b.route(batch([1, 2, 3, 0]));
    b.route(batch([3, 2, 1, 0]));
    b.flush();
    expect(sent.at(-1)).toMatchObject({ text: '', chunkAt: [], routing: { ids: [1, 2, 3, 0, 3, 2, 1, 0] } });
    expect(sent).toHaveLength(2);
    vi.useRealTimers();
  });
});

describe('RouterTap', () => {
  const tensor = (ids: number[][]) => ({ dims: [1, ids.length, ids[0]!.length], data: BigInt64Array.from(ids.flat().map(BigInt)) });
  const fakeModel = (outputs: string[], result: Record<string, unknown>) => ({ sessions: { model: { outputNames: outputs } }, forward: async () => result });

  it('reads the last position’s choices of every layer after each forward, once', async () => {
    const model = fakeModel(['logits', 'router_indices.0', 'router_weights.0', 'router_indices.1'], {
      'router_indices.0': tensor([[0, 1], [5, 2]]),
      'router_indices.1': tensor([[3, 4], [7, 6]]),
    });
    const { RouterTap } = await import('../../workers/engines/onnx-routing');
    const tap = RouterTap.attach(model as never, { num_experts: 8, num_experts_per_tok: 2 })!;
    expect(tap.shape).toEqual({ layers: 2, experts: 8, perToken: 2 });
    await (model as unknown as { forward: () => Promise<unknown> }).forward();
    expect(tap.take()).toEqual([5, 2, 7, 6]);
    expect(tap.take()).toBeNull();
  });

  it('is absent for a build without router outputs, or a config without experts', async () => {
    const { RouterTap } = await import('../../workers/engines/onnx-routing');
    expect(RouterTap.attach(fakeModel(['logits'], {}) as never, { num_experts: 8, num_experts_per_tok: 2 })).toBeNull();
    expect(RouterTap.attach(fakeModel(['logits', 'router_indices.0'], {}) as never, {})).toBeNull();
  });
});
