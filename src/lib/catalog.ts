import { hostOf } from '../shared/errors';
import { parseOnnxQuant, parseQuant, quantOfModelId, type QuantInfo } from './quant';
import { onnxHost, type OnnxRecord } from './onnx-models';
import { OTHER_MOE_FAMILY } from './browser-moes';

/** Which engine runs a model: web-llm's MLC builds, or ONNX builds through transformers.js. */
export type EngineKind = 'web-llm' | 'onnx';

/** The subset of a web-llm `ModelRecord` the UI needs (see vite.config.ts). */
export interface PrebuiltQwenRecord {
  model_id: string;
  model: string;
  model_lib: string;
  vram_required_MB: number | null;
  low_resource_required: boolean;
  required_features: string[];
  context_window_size: number | null;
}

/** The fields of web-llm's `ModelRecord` the projection reads (kept structural: no web-llm import here). */
export interface WebLLMRecordLike {
  model_id: string;
  model: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  overrides?: { context_window_size?: number };
}

/** Every Qwen record of an app config, reduced to what the UI needs. */
export function qwenRecords(list: readonly WebLLMRecordLike[]): PrebuiltQwenRecord[] {
  return list
    .filter((r) => /qwen/i.test(r.model_id))
    .map((r) => ({
      model_id: r.model_id,
      model: r.model,
      model_lib: r.model_lib,
      vram_required_MB: r.vram_required_MB ?? null,
      low_resource_required: r.low_resource_required ?? false,
      required_features: r.required_features ?? [],
      context_window_size: r.overrides?.context_window_size ?? null,
    }));
}

export interface CatalogVariant {
  modelId: string;
  quant: QuantInfo;
  vramMB: number | null;
  contextWindow: number | null;
  /** Rough download size from nominal parameters × bits per weight. */
  downloadMB: number | null;
  needsShaderF16: boolean;
  lowResource: boolean;
  hosts: string[];
  engine: EngineKind;
  /** Random weights written by this repository (the tiny MoE): its text is gibberish. */
  synthetic: boolean;
}

export interface CatalogModel {
  /** e.g. "Qwen3-0.6B" */
  name: string;
  family: string;
  sizeB: number | null;
  thinking: 'switch' | 'always' | 'none';
  variants: CatalogVariant[];
  /** ONNX builds of a model web-llm also runs: that model's name (a comparison holds both). */
  sameAs?: string;
}

export interface CatalogFamily {
  family: string;
  models: CatalogModel[];
}

const FAMILIES: Array<[RegExp, string]> = [
  [/^DeepSeek-R1-Distill-Qwen/, 'DeepSeek-R1-Distill-Qwen'],
  [/^Qwen3\.5-/, 'Qwen3.5'],
  [/^Qwen3-/, 'Qwen3'],
  [/^Qwen2\.5-Coder-/, 'Qwen2.5 Coder'],
  [/^Qwen2\.5-Math-/, 'Qwen2.5 Math'],
  [/^Qwen2\.5-/, 'Qwen2.5'],
  [/^Qwen2-Math-/, 'Qwen2 Math'],
  [/^Qwen2-/, 'Qwen2'],
];

/** The families of the ONNX records: the synthetic test model apart from real Qwens. */
export const TINY_FAMILY = 'Tiny test MoE (synthetic, ONNX)';
export const ONNX_QWEN_FAMILY = 'Qwen3 (ONNX, transformers.js)';

const DISPLAY_ORDER = ['Qwen3', ONNX_QWEN_FAMILY, 'Qwen3.5', 'Qwen2.5', 'Qwen2.5 Coder', 'Qwen2.5 Math', 'Qwen2', 'Qwen2 Math', 'DeepSeek-R1-Distill-Qwen', OTHER_MOE_FAMILY, TINY_FAMILY];
const displayRank = (family: string) => {
  const i = DISPLAY_ORDER.indexOf(family);
  return i === -1 ? DISPLAY_ORDER.length : i;
};

export function familyOf(modelId: string): string {
  return FAMILIES.find(([re]) => re.test(modelId))?.[1] ?? 'Other Qwen';
}

/** Nominal parameter count in billions, read from the name ("…-1.7B-…" → 1.7). */
export function sizeOfModelId(modelId: string): number | null {
  const m = /-(\d+(?:\.\d+)?)B-/.exec(modelId);
  return m ? Number(m[1]) : null;
}

function thinkingOf(family: string): CatalogModel['thinking'] {
  if (family === 'Qwen3' || family === 'Qwen3.5') return 'switch';
  if (family === 'DeepSeek-R1-Distill-Qwen') return 'always';
  return 'none';
}

/** The hosts a record's files come from (weights, then model library), each once. */
export function recordHosts(r: Pick<PrebuiltQwenRecord, 'model' | 'model_lib'>): string[] {
  const hosts = [hostOf(r.model), hostOf(r.model_lib)].filter((h): h is string => h !== undefined);
  return [...new Set(hosts)];
}

function toVariant(r: PrebuiltQwenRecord): CatalogVariant | null {
  const code = quantOfModelId(r.model_id);
  const quant = code ? parseQuant(code) : null;
  if (!quant) return null;
  const sizeB = sizeOfModelId(r.model_id);
  return {
    modelId: r.model_id,
    quant,
    vramMB: r.vram_required_MB,
    contextWindow: r.context_window_size,
    downloadMB: sizeB === null ? null : Math.round((sizeB * 1e9 * quant.bitsPerWeight) / 8 / 2 ** 20),
    // web-llm's Qwen records leave required_features empty, so the quantization decides.
    needsShaderF16: quant.needsShaderF16 || r.required_features.includes('shader-f16'),
    lowResource: r.low_resource_required,
    hosts: recordHosts(r),
    engine: 'web-llm',
    synthetic: false,
  };
}

const QUANT_ORDER = ['q4f16_1', 'q4f32_1', 'q0f16', 'q0f32', 'fp32', 'int8', 'int4', 'q4f16', 'q4'];
const quantRank = (code: string) => {
  const i = QUANT_ORDER.indexOf(code);
  return i === -1 ? QUANT_ORDER.length : i;
};

function onnxVariant(r: OnnxRecord): CatalogVariant | null {
  const quant = parseOnnxQuant(r.quant);
  if (!quant) return null;
  return {
    modelId: r.model_id,
    quant,
    vramMB: null,
    contextWindow: r.contextWindow,
    downloadMB: Math.max(1, Math.round((r.params * quant.bitsPerWeight) / 8 / 2 ** 20)),
    needsShaderF16: r.needsShaderF16,
    lowResource: true,
    hosts: [onnxHost(r)],
    engine: 'onnx',
    synthetic: r.synthetic,
  };
}

/** Groups records by family, then by model name and size, each with its quantization variants;
 * web-llm's records, then the ONNX ones. */
export function buildCatalog(records: readonly PrebuiltQwenRecord[], onnx: readonly OnnxRecord[] = []): CatalogFamily[] {
  const models = new Map<string, CatalogModel>();
  for (const r of onnx) {
    const variant = onnxVariant(r);
    if (!variant) continue;
    const family = r.family ?? (r.synthetic ? TINY_FAMILY : ONNX_QWEN_FAMILY);
    let model = models.get(r.name);
    if (!model) {
      // Qwen3's thinking switch is Qwen's: the synthetic model and other makers' models have none.
      const thinking = r.synthetic || r.family ? 'none' : 'switch';
      model = { name: r.name, family, sizeB: r.synthetic ? null : r.params / 1e9, thinking, variants: [], ...(r.sameAs ? { sameAs: r.sameAs } : {}) };
      models.set(r.name, model);
    }
    model.variants.push(variant);
  }
  for (const r of records) {
    const variant = toVariant(r);
    if (!variant) continue;
    const name = r.model_id.slice(0, r.model_id.length - `-${variant.quant.code}-MLC`.length);
    const family = familyOf(r.model_id);
    let model = models.get(name);
    if (!model) {
      model = { name, family, sizeB: sizeOfModelId(r.model_id), thinking: thinkingOf(family), variants: [] };
      models.set(name, model);
    }
    model.variants.push(variant);
  }
  const families = new Map<string, CatalogModel[]>();
  for (const model of models.values()) {
    model.variants.sort((a, b) => quantRank(a.quant.code) - quantRank(b.quant.code));
    families.set(model.family, [...(families.get(model.family) ?? []), model]);
  }
  return [...families.entries()]
    .sort(([a], [b]) => displayRank(a) - displayRank(b))
    .map(([family, list]) => ({
      family,
      models: list.sort((a, b) => (a.sizeB ?? 0) - (b.sizeB ?? 0) || a.name.localeCompare(b.name)),
    }));
}

export function findVariant(catalog: readonly CatalogFamily[], modelId: string) {
  for (const f of catalog) {
    for (const model of f.models) {
      const variant = model.variants.find((v) => v.modelId === modelId);
      if (variant) return { model, variant };
    }
  }
  return null;
}

/** Smallest Qwen3 at q4f16_1, or q4f32_1 when the adapter lacks shader-f16; on a software (fallback)
 * adapter, which cannot run web-llm's models at any useful speed, the tiny test MoE at int8. */
export function defaultModelId(catalog: readonly CatalogFamily[], hasShaderF16: boolean, fallbackAdapter = false): string | null {
  const tiny = catalog.find((f) => f.family === TINY_FAMILY)?.models[0];
  if (fallbackAdapter && tiny) return tiny.variants.find((v) => v.quant.code === 'int8')?.modelId ?? tiny.variants[0]?.modelId ?? null;
  const qwen3 = catalog.find((f) => f.family === 'Qwen3')?.models[0];
  const wanted = hasShaderF16 ? 'q4f16_1' : 'q4f32_1';
  return qwen3?.variants.find((v) => v.quant.code === wanted)?.modelId ?? qwen3?.variants[0]?.modelId ?? null;
}

/** The catalog for an adapter: on a software adapter the tiny test MoE comes first. */
export function orderForAdapter(catalog: CatalogFamily[], fallbackAdapter: boolean): CatalogFamily[] {
  if (!fallbackAdapter) return catalog;
  return [...catalog.filter((f) => f.family === TINY_FAMILY), ...catalog.filter((f) => f.family !== TINY_FAMILY)];
}

export function isAvailable(variant: CatalogVariant, hasShaderF16: boolean): boolean {
  return hasShaderF16 || !variant.needsShaderF16;
}
