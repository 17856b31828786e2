/**
 * Published reference points for the mixture-of-experts argument: figures the press and model cards
 * give, each with its sources, shown beside the app's own arithmetic for the same setup so a reader
 * can see where the two agree and where they do not. These are quotes, never measurements.
 */
import { bigModel } from './big-models';
import { CONTEXT_TOKENS, memoryNeededGB } from './fit';
import { hardware } from './hardware';
import { format, projectDecode } from './projection';

export interface Citation {
  label: string;
  url: string;
}

/** The machine a published figure was quoted for. */
export interface ReferenceSetup {
  /** GGUF format id of lib/projection (the quoted bit width). */
  formatId: string;
  gpus: number;
  gpuName: string;
  memoryGBEach: number;
  /** Datasheet bandwidth of one GPU, GB/s (used for a single-GPU projection only). */
  bandwidthGBs: number;
}

export interface ReferencePoint {
  id: string;
  /** A name of lib/big-models. */
  model: string;
  /** The published figures, as quoted. */
  quoted: { memoryGB?: number; tokensPerSecond?: number; priceUSD?: number; totalB?: number; activeB?: number };
  setup: ReferenceSetup | null;
  /** Short text for the stage. */
  headline: string;
  sources: Citation[];
}

const card = (repo: string): Citation => ({ label: `${repo} model card`, url: `https://huggingface.co/${repo}` });
const rtx5090 = hardware('rtx5090')!;
const A100: Citation = { label: 'NVIDIA A100 datasheet (80 GB, 2,039 GB/s)', url: 'https://www.nvidia.com/en-us/data-center/a100/' };

export const REFERENCE_POINTS: ReferencePoint[] = [
  {
    id: 'qwen3-30b-5090',
    model: 'Qwen3-30B-A3B',
    quoted: { memoryGB: 30, tokensPerSecond: 180, priceUSD: 2000 },
    setup: { formatId: 'Q8_0', gpus: 1, gpuName: rtx5090.name, memoryGBEach: rtx5090.memoryGB, bandwidthGBs: rtx5090.bandwidthGBs },
    headline: 'Qwen3-30B at 8-bit: ≈ 30 GB, one RTX 5090 (~$2,000), ≈ 180 tok/s',
    sources: [
      card('Qwen/Qwen3-30B-A3B'),
      { label: 'NVIDIA RTX 5090 (32 GB, $1,999 launch price)', url: rtx5090.source },
      { label: 'RunAIHome: 196 tok/s on one RTX 4090 at 4-bit', url: 'https://runaihome.com/blog/qwen3-30b-a3b-local-ai-guide-2026/' },
      { label: 'smeltcore: 166.9 tok/s on an RTX 3090 Ti (Q4_K)', url: 'https://smeltcore.com/recipes/qwen3-30b-a3b-rtx-3090-ti/' },
    ],
  },
  {
    id: 'qwen3-235b-a100',
    model: 'Qwen3-235B-A22B',
    quoted: { memoryGB: 235, priceUSD: 60000 },
    setup: { formatId: 'Q8_0', gpus: 4, gpuName: 'A100 80 GB', memoryGBEach: 80, bandwidthGBs: 2039 },
    headline: 'Qwen3-235B at 8-bit: ≈ 235 GB, 4× A100 80 GB (~$60,000)',
    sources: [
      card('Qwen/Qwen3-235B-A22B'),
      A100,
      { label: 'ThinkSmart: A100 80 GB at $8,000–18,000 each (early 2026)', url: 'https://thinksmart.life/research/posts/gpu-rig-3090-vs-high-end' },
    ],
  },
  {
    id: 'coder-480b',
    model: 'Qwen3-Coder-480B-A35B',
    quoted: { totalB: 480, activeB: 35 },
    setup: null,
    headline: 'Qwen3-Coder-480B-A35B: 480B parameters, 35B active per token',
    sources: [card('Qwen/Qwen3-Coder-480B-A35B-Instruct')],
  },
  {
    id: 'qwen3.6-35b',
    model: 'Qwen3.6-35B-A3B',
    quoted: { totalB: 35, activeB: 3 },
    setup: null,
    headline: 'Qwen3.6-35B-A3B: 35B parameters, 3B active per token',
    sources: [
      card('Qwen/Qwen3.6-35B-A3B'),
      { label: 'AI Maestro: 249 tok/s on a 24 GB RTX 5090 laptop GPU (with multi-token prediction)', url: 'https://ai-maestro.online/qwen3-6-35b-a3b-mtp-hits-249-t-s-on-a-24gb-consumer-gpu-rtx-5090m-3-4x-the-dense-27b-variant-on-the-same-image/' },
    ],
  },
];

/** The app's own figures for a reference point's setup, computed as the MoE view computes them. */
export interface ReferenceCheck {
  totalB: number;
  activeB: number;
  /** Memory the app says the model needs at the quoted format (CONTEXT_TOKENS of context), GB. */
  needGB: number | null;
  /** Memory of the quoted machine, GB. */
  haveGB: number | null;
  fits: boolean | null;
  /** Projected decode on one GPU from its datasheet bandwidth (null for several GPUs: splitting a model
   * across cards adds transfers this projection does not model). */
  decode: { low: number; high: number } | null;
}

export function checkReference(point: ReferencePoint): ReferenceCheck {
  const model = bigModel(point.model);
  if (!model) throw new Error(`reference point ${point.id}: unknown model ${point.model}`);
  const { totalB, activeB } = model.published;
  const setup = point.setup;
  if (!setup) return { totalB, activeB, needGB: null, haveGB: null, fits: null, decode: null };
  const f = format(setup.formatId);
  const needGB = memoryNeededGB(model, f);
  const haveGB = setup.gpus * setup.memoryGBEach;
  const decode = setup.gpus === 1 ? projectDecode({ kind: 'table', gbPerSecond: setup.bandwidthGBs, name: setup.gpuName }, model.arch, f, CONTEXT_TOKENS) : null;
  return { totalB, activeB, needGB, haveGB, fits: needGB <= haveGB, decode };
}
