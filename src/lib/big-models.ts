/**
 * Qwen models from the smallest dense to the largest mixture-of-experts, for the
 * "would it run here?" projections. Each architecture is its config.json on the
 * model card (`source`); `published` holds the card's own parameter counts, which
 * the unit tests check the computed counts against.
 */
import type { Architecture } from './architectures';
import { ARCHITECTURES } from './architectures';

export interface BigModel {
  name: string;
  kind: 'dense' | 'moe';
  arch: Architecture;
  /** Parameter counts stated on the model card, in billions. */
  published: { totalB: number; activeB: number };
}

const card = (repo: string) => `https://huggingface.co/${repo}/blob/main/config.json`;
const qwen3 = { qkvBias: false, qkNorm: true, tiedEmbeddings: false, vocab: 151936 };

const QWEN3_30B_A3B: Architecture = {
  ...qwen3,
  hidden: 2048,
  layers: 48,
  heads: 32,
  kvHeads: 4,
  headDim: 128,
  intermediate: 6144,
  maxContext: 40960,
  moe: { experts: 128, perToken: 8, intermediate: 768 },
  source: card('Qwen/Qwen3-30B-A3B'),
};

/** Qwen3-Next and Qwen3.5/3.6 MoE share this shape: gated attention every 4th layer, Gated DeltaNet in
 * the others, 512-wide routed and shared experts; they differ in depth, expert count and vocabulary. */
function hybridMoe(layers: number, experts: number, perToken: number, vocab: number, source: string): Architecture {
  return {
    ...qwen3,
    hidden: 2048,
    layers,
    heads: 16,
    kvHeads: 2,
    headDim: 256,
    intermediate: 512,
    vocab,
    maxContext: 262144,
    attnOutputGate: true,
    hybrid: { fullAttentionInterval: 4, keyHeads: 16, valueHeads: 32, keyDim: 128, valueDim: 128, convKernel: 4 },
    moe: { experts, perToken, intermediate: 512, sharedIntermediate: 512 },
    source,
  };
}

const dense = (name: string, totalB: number): BigModel => ({
  name,
  kind: 'dense',
  arch: ARCHITECTURES[name] ?? DENSE_EXTRA[name]!,
  published: { totalB, activeB: totalB },
});

const DENSE_EXTRA: Record<string, Architecture> = {
  'Qwen3-14B': { ...qwen3, hidden: 5120, layers: 40, heads: 40, kvHeads: 8, headDim: 128, intermediate: 17408, maxContext: 40960, source: card('Qwen/Qwen3-14B') },
  'Qwen3-32B': { ...qwen3, hidden: 5120, layers: 64, heads: 64, kvHeads: 8, headDim: 128, intermediate: 25600, maxContext: 40960, source: card('Qwen/Qwen3-32B') },
};

export const BIG_MODELS: BigModel[] = [
  dense('Qwen3-0.6B', 0.6),
  dense('Qwen3-1.7B', 1.7),
  dense('Qwen3-4B', 4.0),
  dense('Qwen3-8B', 8.2),
  dense('Qwen3-14B', 14.8),
  dense('Qwen3-32B', 32.8),
  { name: 'Qwen3-30B-A3B', kind: 'moe', arch: QWEN3_30B_A3B, published: { totalB: 30.5, activeB: 3.3 } },
  {
    name: 'Qwen3-Coder-30B-A3B',
    kind: 'moe',
    arch: { ...QWEN3_30B_A3B, maxContext: 262144, source: card('Qwen/Qwen3-Coder-30B-A3B-Instruct') },
    published: { totalB: 30.5, activeB: 3.3 },
  },
  {
    name: 'Qwen3-235B-A22B',
    kind: 'moe',
    arch: { ...qwen3, hidden: 4096, layers: 94, heads: 64, kvHeads: 4, headDim: 128, intermediate: 12288, maxContext: 40960, moe: { experts: 128, perToken: 8, intermediate: 1536 }, source: card('Qwen/Qwen3-235B-A22B') },
    published: { totalB: 235, activeB: 22 },
  },
  {
    name: 'Qwen3-Coder-480B-A35B',
    kind: 'moe',
    arch: { ...qwen3, hidden: 6144, layers: 62, heads: 96, kvHeads: 8, headDim: 128, intermediate: 8192, maxContext: 262144, moe: { experts: 160, perToken: 8, intermediate: 2560 }, source: card('Qwen/Qwen3-Coder-480B-A35B-Instruct') },
    published: { totalB: 480, activeB: 35 },
  },
  {
    name: 'Qwen3-Next-80B-A3B',
    kind: 'moe',
    arch: hybridMoe(48, 512, 10, 151936, card('Qwen/Qwen3-Next-80B-A3B-Instruct')),
    published: { totalB: 80, activeB: 3 },
  },
  {
    name: 'Qwen3.6-35B-A3B',
    kind: 'moe',
    arch: hybridMoe(40, 256, 8, 248320, card('Qwen/Qwen3.6-35B-A3B')),
    published: { totalB: 35, activeB: 3 },
  },
];

export const bigModel = (name: string) => BIG_MODELS.find((m) => m.name === name) ?? null;
