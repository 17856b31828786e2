/**
 * An ONNX build the user adds by URL: a folder in the Hugging Face layout (`<URL>/resolve/main/`
 * holds config.json, the tokenizer files and onnx/model_<dtype>.onnx), run by transformers.js. Its
 * config.json comes from the network: read as untrusted, refused with the reason, never half-saved.
 */
import type { Architecture } from './architectures';
import { checkArchitecture, isRecord, type Checked, type CustomModel } from './custom-model';
import { architectureFromModelConfig } from './model-config';
import { withoutTrailingSlashes } from './mirror';
import type { OnnxRecord } from './onnx-models';
import { parseOnnxQuant } from './quant';
import { parameterCount } from './vram';

/** The dtypes a custom ONNX folder is probed for, best first: 4-bit with float16 where the adapter
 * has shader-f16, then 4-bit, 8-bit, and the full-precision builds. */
export function onnxDtypeCandidates(shaderF16: boolean): OnnxRecord['dtype'][] {
  return shaderF16 ? ['q4f16', 'q4', 'fp16', 'int8', 'fp32'] : ['q4', 'int8', 'fp32'];
}

/** transformers.js reads a model as `<host><repo>/resolve/<revision>/<file>`; a repo folder's name
 * must read as a hub model id (letters, digits, - _ .) for it to fetch it. */
export function onnxLocation(model: string): Checked<{ host: string; repo: string; revision: string }> {
  const url = new URL(model);
  const at = url.pathname.indexOf('/resolve/');
  const folder = withoutTrailingSlashes(at === -1 ? url.pathname : url.pathname.slice(0, at));
  const revision = at === -1 ? 'main' : decodeURIComponent(url.pathname.slice(at + '/resolve/'.length).split('/')[0] ?? '') || 'main';
  const cut = folder.lastIndexOf('/');
  const repo = decodeURIComponent(folder.slice(cut + 1));
  if (!/^[\w.-]{1,96}$/.test(repo) || repo.includes('..') || repo.includes('--')) {
    return { ok: false, reason: `The model folder's name "${repo}" must be letters, digits, "-", "_" or "." (as on the Hugging Face hub) for transformers.js to read it.` };
  }
  return { ok: true, value: { host: `${url.origin}${folder.slice(0, cut + 1)}`, repo, revision } };
}

/** Reads a fetched config.json as a custom ONNX model with the dtype found in its folder. */
export function readCustomOnnxModel(
  fields: { id: string; model: string },
  config: unknown,
  dtype: OnnxRecord['dtype'],
  now: number,
): Checked<{ model: CustomModel; arch: Architecture }> {
  if (!isRecord(config)) return { ok: false, reason: 'config.json is not a JSON object.' };
  if (typeof config.model_type !== 'string') return { ok: false, reason: 'config.json has no model_type: it is not a transformers model config.' };
  const checked = checkArchitecture(config, 'config.json', 'config.json');
  if (!checked.ok) return checked;
  const arch = checked.value;
  return {
    ok: true,
    value: {
      model: { id: fields.id, model: fields.model, modelLib: '', quant: dtype, contextWindow: arch.maxContext, modelConfig: config, addedAt: now, engine: 'onnx' },
      arch,
    },
  };
}

/** The record the ONNX engine loads a custom ONNX model by (null for an MLC build or a bad URL). */
export function customOnnxRecord(c: CustomModel): OnnxRecord | null {
  if (c.engine !== 'onnx') return null;
  const quant = parseOnnxQuant(c.quant);
  const arch = architectureFromModelConfig(c.modelConfig, 'config.json');
  const at = onnxLocation(c.model);
  if (!quant || !arch || !at.ok) return null;
  return {
    model_id: c.id,
    name: c.id,
    quant: c.quant,
    dtype: c.quant as OnnxRecord['dtype'],
    repo: at.value.repo,
    host: at.value.host,
    revision: at.value.revision,
    local: false,
    synthetic: false,
    params: parameterCount(arch),
    contextWindow: c.contextWindow,
    needsShaderF16: quant.needsShaderF16,
    citation: c.model,
  };
}
