/**
 * Models the user adds by URL. Everything is checked before anything is saved: both URLs, the
 * mlc-chat-config.json the model URL serves (architecture, quantization, context window), and that
 * this page may read the model library (CORS). A model that passes joins the picker, persisted.
 */
import { inference } from '../bridge/inference-bridge';
import { allModelIds } from '../catalog-data';
import { checkUrl, customModelId, readCustomModel, type Checked, type CustomModel } from '../lib/custom-model';
import { customOnnxRecord, onnxDtypeCandidates, onnxLocation, readCustomOnnxModel } from '../lib/custom-onnx';
import { onnxFileName } from '../lib/onnx-files';
import type { OnnxRecord } from '../lib/onnx-models';
import { fetchChecked, noAnswer } from '../lib/fetch-checked';
import { modelFileUrl } from '../lib/mirror';
import type { CustomRecord } from '../shared/protocol';
import { whenHydrated } from '../store/persistence';
import { getState, setState } from '../store/store';
import { writeModelParam } from '../lib/url';
import { deleteFromCache, hasShaderF16, refreshCache } from './model-actions';

const toRecord = (c: CustomModel): CustomRecord => {
  const onnx = customOnnxRecord(c);
  return {
    model_id: c.id,
    model: c.model,
    model_lib: c.modelLib,
    context_window_size: c.contextWindow,
    needsShaderF16: onnx ? onnx.needsShaderF16 : c.quant.includes('f16'),
    ...(onnx ? { onnx } : {}),
  };
};

/** Tells the worker about the user's models (at start, after a restart, after a change). */
export async function sendCustomModels(): Promise<void> {
  await inference().setCustomModels(getState().prefs.customModels.map(toRecord));
}

/** A model's config file; `file` names it in the reasons (mlc-chat-config.json, or an ONNX build's config.json). */
async function fetchConfig(url: string, file: string, signal?: AbortSignal): Promise<Checked<unknown>> {
  const got = await fetchChecked(url, { signal, maxBytes: 2 ** 20 });
  if (got.kind !== 'answered') {
    return { ok: false, reason: noAnswer(got, hostOf(url), `Cannot read ${url}: the host is unreachable, or it does not allow this page (no Access-Control-Allow-Origin header).`) };
  }
  if (!got.ok) {
    return {
      ok: false,
      reason:
        `${url} answered HTTP ${got.status}. The model URL must be the folder that holds ${file} under resolve/main/ ` +
        '(the app adds resolve/main/ unless the URL names a revision with /resolve/<name>/).',
    };
  }
  try {
    return { ok: true, value: JSON.parse(got.text) };
  } catch {
    return { ok: false, reason: `${url} is not JSON: it is not a model's ${file}.` };
  }
}

/** The first dtype whose graph the folder serves (a HEAD request each, best first). */
async function findOnnxDtype(model: string, signal?: AbortSignal): Promise<Checked<OnnxRecord['dtype']>> {
  const tried: string[] = [];
  for (const dtype of onnxDtypeCandidates(hasShaderF16())) {
    const file = onnxFileName({ dtype });
    const got = await fetchChecked(modelFileUrl(model, file), { method: 'HEAD', signal });
    if (got.kind !== 'answered') return { ok: false, reason: noAnswer(got, hostOf(model), `Cannot read ${modelFileUrl(model, file)}: the host is unreachable, or it does not allow this page.`) };
    if (got.ok) return { ok: true, value: dtype };
    tried.push(file);
  }
  return { ok: false, reason: `The folder holds none of the ONNX graphs this adapter can run (${tried.join(', ')}, under resolve/main/).` };
}

/** An ONNX build (no library URL): its config.json, then the best dtype its folder serves. */
async function readOnnx(id: string, model: string, signal?: AbortSignal): Promise<Checked<CustomModel>> {
  const at = onnxLocation(model);
  if (!at.ok) return at;
  const config = await fetchConfig(modelFileUrl(model, 'config.json'), 'config.json', signal);
  // Without a library the app looked for an ONNX build: an MLC build's user may have left it out.
  if (!config.ok) return { ok: false, reason: `${config.reason} An MLC build needs its model library URL as well.` };
  // The config is read before the graphs are looked for: a folder that is not a Qwen is refused at once.
  // Read as fp32 until the folder says which graph it serves; the dtype changes nothing else.
  const read = readCustomOnnxModel({ id, model }, config.value, 'fp32', Date.now());
  if (!read.ok) return read;
  const found = await findOnnxDtype(model, signal);
  return found.ok ? { ok: true, value: { ...read.value.model, quant: found.value } } : found;
}

/** An MLC build: its mlc-chat-config.json, and a model library this page may read. */
async function readMlc(id: string, model: string, modelLib: string, signal?: AbortSignal): Promise<Checked<CustomModel>> {
  const lib = checkUrl(modelLib, 'model library URL');
  if (!lib.ok) return lib;
  const config = await fetchConfig(modelFileUrl(model, 'mlc-chat-config.json'), 'mlc-chat-config.json', signal);
  if (!config.ok) return config;
  const read = readCustomModel({ id, model, modelLib: lib.value }, config.value, Date.now());
  if (!read.ok) return read;
  const libraryProblem = await checkLibrary(lib.value, signal);
  return libraryProblem ? { ok: false, reason: libraryProblem } : { ok: true, value: read.value.model };
}

/** The library must be readable by this page: web-llm fetches it from here, across origins. */
async function checkLibrary(url: string, signal?: AbortSignal): Promise<string | null> {
  const got = await fetchChecked(url, { method: 'HEAD', signal });
  if (got.kind !== 'answered') {
    return noAnswer(got, hostOf(url), `Cannot read the model library ${url}: its host is unreachable, or it does not allow this page (no Access-Control-Allow-Origin header).`);
  }
  return got.ok ? null : `The model library ${url} answered HTTP ${got.status}.`;
}

const hostOf = (url: string) => new URL(url).host;

/** Checks and adds a model; `signal` is the form's Cancel (each check also gives up after a timeout). */
export async function addCustomModel(fields: { model: string; modelLib: string; name: string }, signal?: AbortSignal): Promise<Checked<CustomModel>> {
  const model = checkUrl(fields.model, 'model URL');
  if (!model.ok) return model;
  const id = customModelId(fields.name, model.value);
  if (allModelIds().includes(id)) return { ok: false, reason: `There is a model called ${id} already: give this one another name.` };
  const read = fields.modelLib.trim() === '' ? await readOnnx(id, model.value, signal) : await readMlc(id, model.value, fields.modelLib, signal);
  if (!read.ok) return read;
  // Saved models must be back first: added before they are, this one would be overwritten by them and never saved.
  await whenHydrated();
  const prefs = getState().prefs;
  setState({ prefs: { ...prefs, customModels: [...prefs.customModels, read.value] } });
  await sendCustomModels();
  // Picked, not loaded: a big build is a big download, started by the user's own click.
  setState({ selectedId: id, storageWarning: null, loadError: null });
  writeModelParam(id);
  await refreshCache();
  return { ok: true, value: read.value };
}

/** Removes a model the user added, and its files from the browser's cache. */
export async function removeCustomModel(id: string): Promise<void> {
  if (getState().cached[id]) await deleteFromCache(id);
  else if (getState().loadedId === id) await inference().unload();
  const prefs = getState().prefs;
  setState({ prefs: { ...prefs, customModels: prefs.customModels.filter((c) => c.id !== id) } });
  await sendCustomModels();
  if (getState().loadedId === id) setState({ loadedId: null, loadState: 'idle' });
  if (getState().selectedId === id) setState({ selectedId: null });
}
