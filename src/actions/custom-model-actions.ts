/**
 * Models the user adds by URL. Everything is checked before anything is saved: both URLs, the
 * mlc-chat-config.json the model URL serves (architecture, quantization, context window), and that
 * this page may read the model library (CORS). A model that passes joins the picker, persisted.
 */
import { inference } from '../bridge/inference-bridge';
import { allModelIds } from '../catalog-data';
import { checkUrl, customModelId, readCustomModel, type Checked, type CustomModel } from '../lib/custom-model';
import { fetchChecked, noAnswer } from '../lib/fetch-checked';
import { modelFileUrl } from '../lib/mirror';
import type { CustomRecord } from '../shared/protocol';
import { whenHydrated } from '../store/persistence';
import { getState, setState } from '../store/store';
import { writeModelParam } from '../lib/url';
import { deleteFromCache, refreshCache } from './model-actions';

const toRecord = (c: CustomModel): CustomRecord => ({
  model_id: c.id,
  model: c.model,
  model_lib: c.modelLib,
  context_window_size: c.contextWindow,
  needsShaderF16: c.quant.includes('f16'),
});

/** Tells the worker about the user's models (at start, after a restart, after a change). */
export async function sendCustomModels(): Promise<void> {
  await inference().setCustomModels(getState().prefs.customModels.map(toRecord));
}

async function fetchConfig(url: string, signal?: AbortSignal): Promise<Checked<unknown>> {
  const got = await fetchChecked(url, { signal, maxBytes: 2 ** 20 });
  if (got.kind !== 'answered') {
    return { ok: false, reason: noAnswer(got, hostOf(url), `Cannot read ${url}: the host is unreachable, or it does not allow this page (no Access-Control-Allow-Origin header).`) };
  }
  if (!got.ok) {
    return {
      ok: false,
      reason:
        `${url} answered HTTP ${got.status}. The model URL must be the folder that holds mlc-chat-config.json ` +
        '(web-llm adds resolve/main/ unless the URL names a revision with /resolve/<name>/).',
    };
  }
  try {
    return { ok: true, value: JSON.parse(got.text) };
  } catch {
    return { ok: false, reason: `${url} is not JSON: it is not an MLC model's mlc-chat-config.json.` };
  }
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
  const lib = checkUrl(fields.modelLib, 'model library URL');
  if (!lib.ok) return lib;
  const id = customModelId(fields.name, model.value);
  if (allModelIds().includes(id)) return { ok: false, reason: `There is a model called ${id} already: give this one another name.` };
  const config = await fetchConfig(modelFileUrl(model.value, 'mlc-chat-config.json'), signal);
  if (!config.ok) return config;
  const read = readCustomModel({ id, model: model.value, modelLib: lib.value }, config.value, Date.now());
  if (!read.ok) return read;
  const libraryProblem = await checkLibrary(lib.value, signal);
  if (libraryProblem) return { ok: false, reason: libraryProblem };
  // Saved models must be back first: added before they are, this one would be overwritten by them and never saved.
  await whenHydrated();
  const prefs = getState().prefs;
  setState({ prefs: { ...prefs, customModels: [...prefs.customModels, read.value.model] } });
  await sendCustomModels();
  // Picked, not loaded: a big build is a big download, started by the user's own click.
  setState({ selectedId: id, storageWarning: null, loadError: null });
  writeModelParam(id);
  await refreshCache();
  return { ok: true, value: read.value.model };
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
