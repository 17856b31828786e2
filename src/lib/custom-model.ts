/**
 * A model the user adds by URL: an MLC build (its files at `model`, its WebGPU library at `modelLib`),
 * checked against the mlc-chat-config.json it serves before anything is saved (an ONNX build: see
 * custom-onnx.ts). The file comes from
 * the network, so each field is read as untrusted: a config that does not describe a Qwen the app
 * can estimate is refused with the reason, never stored half-way.
 */
import type { Architecture } from './architectures';
import { recordHosts, type CatalogFamily, type CatalogModel } from './catalog';
import { architectureFromModelConfig } from './model-config';
import { tooLongUrl, withoutTrailingSlashes } from './mirror';
import { parseOnnxQuant, parseQuant } from './quant';
import { parameterCount, weightBytes } from './vram';

/** More than any model has: a config past it is damaged, however well each field reads. */
const MAX_PARAMETERS = 1e13;

export interface CustomModel {
  /** web-llm's model_id for it: unique among the catalog's and the other custom models. */
  id: string;
  /** Base URL of the model's files (web-llm appends resolve/main/ unless it has /resolve/<x>/). */
  model: string;
  modelLib: string;
  quant: string;
  contextWindow: number;
  /** model_config of its mlc-chat-config.json, with the file's model_type (an ONNX build: its config.json). */
  modelConfig: Record<string, unknown>;
  addedAt: number;
  /** 'onnx': an ONNX build run by transformers.js (no library; `quant` is the dtype found); absent: MLC. */
  engine?: 'onnx';
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const KNOWN_TYPES = 'qwen2, qwen2_moe, qwen3, qwen3_moe, qwen3_5';
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The architecture a model's own config describes, or why it cannot be run and estimated; `file`
 * (mlc-chat-config.json, config.json) names the config in the reasons, `section` the part read. */
export function checkArchitecture(modelConfig: Record<string, unknown>, file: string, section: string): Checked<Architecture> {
  const arch = architectureFromModelConfig(modelConfig, file);
  if (!arch) {
    return {
      ok: false,
      reason: `The architecture "${String(modelConfig.model_type)}" is not one the app can run and estimate (it knows ${KNOWN_TYPES}), or its ${section} lacks a field it needs.`,
    };
  }
  const params = parameterCount(arch);
  if (params > MAX_PARAMETERS) {
    return { ok: false, reason: `${file} describes ${(params / 1e12).toFixed(0)} trillion parameters, far beyond any model (the largest have 1–2 trillion): its sizes are damaged.` };
  }
  return { ok: true, value: arch };
}

/** An http(s) URL without credentials; `what` names it in the reason. */
export function checkUrl(input: string, what: string): Checked<string> {
  const long = tooLongUrl(input, what);
  if (long) return { ok: false, reason: long };
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `The ${what} must be an http or https URL.` };
    if (url.username || url.password) return { ok: false, reason: `Leave user names and passwords out of the ${what}.` };
    return { ok: true, value: url.href };
  } catch {
    return { ok: false, reason: `The ${what} "${input.trim()}" is not a URL.` };
  }
}

/** A model id from the user's name, else from the last segment of the model URL. */
export function customModelId(name: string, model: string): string {
  const given = name.trim();
  if (given !== '') return given.replace(/\s+/g, '-').slice(0, 100);
  const full = new URL(model).pathname;
  const resolve = full.indexOf('/resolve/');
  const path = withoutTrailingSlashes(resolve === -1 ? full : full.slice(0, resolve));
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || new URL(model).hostname;
}

/** Reads a fetched mlc-chat-config.json as a custom model, or says what is wrong with it. */
export function readCustomModel(
  fields: { id: string; model: string; modelLib: string },
  config: unknown,
  now: number,
): Checked<{ model: CustomModel; arch: Architecture }> {
  if (!isRecord(config)) return { ok: false, reason: 'mlc-chat-config.json is not a JSON object.' };
  const modelType = config.model_type;
  if (typeof modelType !== 'string') return { ok: false, reason: 'mlc-chat-config.json has no model_type: it is not an MLC model config.' };
  if (!isRecord(config.model_config)) return { ok: false, reason: 'mlc-chat-config.json has no model_config section.' };
  const quant = typeof config.quantization === 'string' ? config.quantization : '';
  if (!parseQuant(quant)) return { ok: false, reason: `The quantization "${quant}" is not one the app knows (such as q4f16_1, q4f32_1, q0f16, q0f32).` };
  const modelConfig = { model_type: modelType, ...config.model_config };
  const checked = checkArchitecture(modelConfig, 'mlc-chat-config.json', 'model_config');
  if (!checked.ok) return checked;
  const arch = checked.value;
  const window = typeof config.context_window_size === 'number' && config.context_window_size > 0 ? config.context_window_size : null;
  const contextWindow = Math.min(window ?? arch.maxContext, arch.maxContext);
  return {
    ok: true,
    value: { model: { id: fields.id, model: fields.model, modelLib: fields.modelLib, quant, contextWindow, modelConfig, addedAt: now }, arch },
  };
}

/** The architecture a custom model's own config describes (checked when it was added). */
export function customArchitecture(c: CustomModel): Architecture | null {
  return architectureFromModelConfig(c.modelConfig, c.engine === 'onnx' ? 'config.json' : 'mlc-chat-config.json');
}

/** A custom model as the picker and the panels see a catalog model: one variant, its own files. */
export function customCatalogModel(c: CustomModel): CatalogModel {
  const onnx = c.engine === 'onnx';
  const quant = (onnx ? parseOnnxQuant(c.quant) : parseQuant(c.quant))!;
  const arch = customArchitecture(c);
  const type = String(c.modelConfig.model_type ?? '');
  return {
    name: c.id,
    family: CUSTOM_FAMILY,
    sizeB: null,
    thinking: type.startsWith('qwen3') ? 'switch' : 'none',
    variants: [
      {
        modelId: c.id,
        quant,
        vramMB: null,
        contextWindow: c.contextWindow,
        downloadMB: arch ? Math.round(weightBytes(arch, quant) / 2 ** 20) : null,
        needsShaderF16: quant.needsShaderF16,
        lowResource: false,
        hosts: onnx ? [new URL(c.model).host] : recordHosts({ model: c.model, model_lib: c.modelLib }),
        engine: onnx ? 'onnx' : 'web-llm',
        synthetic: false,
      },
    ],
  };
}

export const CUSTOM_FAMILY = 'Your models (custom)';

export function customFamily(models: readonly CustomModel[]): CatalogFamily | null {
  return models.length === 0 ? null : { family: CUSTOM_FAMILY, models: models.map(customCatalogModel) };
}
