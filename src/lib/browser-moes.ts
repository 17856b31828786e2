/**
 * Mixture-of-experts models that run in a browser today, for users with the GPU for them: ONNX builds
 * published for transformers.js (not Qwen: marked so in the catalog), each with its architecture (its
 * config.json on the model card) and the figures published about it. Qwen's own MoEs reach the
 * browser through web-llm as a custom model (README: Qwen3-30B-A3B).
 */
import type { Architecture } from './architectures';
import type { OnnxRecord } from './onnx-models';

export const OTHER_MOE_FAMILY = 'Other MoEs in the browser (not Qwen; ONNX)';

export interface BrowserMoe {
  name: string;
  arch: Architecture;
  /** Total and active parameters, in billions, as published. */
  published: { totalB: number; activeB: number; note?: string };
  records: OnnxRecord[];
}

const card = (repo: string) => `https://huggingface.co/${repo}`;
/** The app's context window for these: transformers.js grows the cache as the chat does; the estimate counts this many tokens. */
const WINDOW = 8192;

function record(name: string, repo: string, params: number, citation: string): OnnxRecord {
  return {
    model_id: `${name}-q4f16-ONNX`,
    name: `${name}-ONNX`,
    quant: 'q4f16',
    dtype: 'q4f16',
    repo,
    local: false,
    synthetic: false,
    params,
    contextWindow: WINDOW,
    needsShaderF16: true,
    family: OTHER_MOE_FAMILY,
    citation,
  };
}

export const BROWSER_MOES: BrowserMoe[] = [
  {
    name: 'gpt-oss-20b',
    // 24 layers of 64 query and 8 key/value heads of 64 (biases on q/k/v), 32 experts of 2,880, 4 per token.
    arch: {
      hidden: 2880,
      layers: 24,
      heads: 64,
      kvHeads: 8,
      headDim: 64,
      intermediate: 2880,
      vocab: 201088,
      tiedEmbeddings: false,
      qkvBias: true,
      qkNorm: false,
      maxContext: 131072,
      moe: { experts: 32, perToken: 4, intermediate: 2880 },
      source: 'https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json',
    },
    published: { totalB: 21, activeB: 3.6, note: 'transformers.js’s v4 announcement reports about 60 tok/s at q4f16 on an M4-class laptop' },
    records: [
      record(
        'gpt-oss-20b',
        'onnx-community/gpt-oss-20b-ONNX',
        20.9e9,
        `${card('onnx-community/gpt-oss-20b-ONNX')} (OpenAI’s gpt-oss-20b for transformers.js; not Qwen); speed reported in https://huggingface.co/blog/transformersjs-v4`,
      ),
    ],
  },
  {
    name: 'LFM2-8B-A1B',
    // 24 layers: 6 with attention (32/8 heads of 64), 18 gated short convolutions; the first 2 dense, then 32 experts of 1,792, 4 per token.
    arch: {
      hidden: 2048,
      layers: 24,
      heads: 32,
      kvHeads: 8,
      headDim: 64,
      intermediate: 7168,
      vocab: 65536,
      tiedEmbeddings: true,
      qkvBias: false,
      qkNorm: true,
      maxContext: 32768,
      shortConv: { attentionLayers: 6, kernel: 3 },
      denseLayers: 2,
      moe: { experts: 32, perToken: 4, intermediate: 1792 },
      source: 'https://huggingface.co/LiquidAI/LFM2-8B-A1B/blob/main/config.json',
    },
    published: { totalB: 8.3, activeB: 1.5 },
    records: [record('LFM2-8B-A1B', 'onnx-community/LFM2-8B-A1B-ONNX', 8.3e9, `${card('onnx-community/LFM2-8B-A1B-ONNX')} (Liquid AI’s LFM2-8B-A1B for transformers.js; not Qwen)`)],
  },
];

export const BROWSER_MOE_RECORDS: OnnxRecord[] = BROWSER_MOES.flatMap((m) => m.records);

/** The architecture of a browser MoE by its catalog name ("gpt-oss-20b-ONNX"). */
export const browserMoeOf = (catalogName: string) => BROWSER_MOES.find((m) => `${m.name}-ONNX` === catalogName) ?? null;
