/**
 * Where model files come from: web-llm's hosts, or a mirror the user runs (`npm run mirror`,
 * `npm run mirror:serve`). A mirror is checked before it is kept: it must answer this page (CORS),
 * and the answer says whether it holds the selected model.
 */
import { inference } from '../bridge/inference-bridge';
import { fetchChecked, noAnswer } from '../lib/fetch-checked';
import { modelFileUrl, parseMirrorUrl } from '../lib/mirror';
import { whenHydrated } from '../store/persistence';
import { getState, setState } from '../store/store';
import { refreshCache } from './model-actions';

export type MirrorCheck = { ok: true; note: string } | { ok: false; reason: string };

/** Tells the worker where files come from (at start, after a restart, after a change). */
export async function sendMirror(): Promise<void> {
  await inference().setMirror(getState().prefs.mirror);
}

/** An MLC model's mlc-chat-config.json, as far as the mirror check needs: JSON naming a model type and its config. */
function isModelConfig(text: string): boolean {
  try {
    const c = JSON.parse(text) as Record<string, unknown> | null;
    return typeof c === 'object' && c !== null && typeof c.model_type === 'string' && typeof c.model_config === 'object' && c.model_config !== null;
  } catch {
    return false;
  }
}

async function probe(base: string, modelId: string | null, signal?: AbortSignal): Promise<MirrorCheck> {
  const host = new URL(base).host;
  const id = modelId ?? 'Qwen3-0.6B-q4f16_1-MLC';
  const url = modelFileUrl(`${base}/${encodeURIComponent(id)}`, 'mlc-chat-config.json');
  const got = await fetchChecked(url, { signal, maxBytes: 2 ** 20 });
  if (got.kind !== 'answered') {
    const unreachable =
      `Cannot reach the mirror at ${host}: it is not running, the URL is wrong, or it does not allow this page ` +
      '(its answers need the header Access-Control-Allow-Origin). npm run mirror:serve sends it.';
    return { ok: false, reason: noAnswer(got, `The mirror at ${host}`, unreachable) };
  }
  if (got.ok) {
    // A server that answers every path with its index page is not a mirror: the file must be the model's config.
    if (!isModelConfig(got.text)) {
      return {
        ok: false,
        reason: `The mirror at ${host} answered, but not with ${id}'s mlc-chat-config.json (it sent something else, such as a web page): it is not a mirror of model files. Check the base URL.`,
      };
    }
    return { ok: true, note: `The mirror at ${host} answers and holds ${id}.` };
  }
  return {
    ok: true,
    note:
      `The mirror at ${host} answers, but has no ${id} (HTTP ${got.status}). Add it with ` +
      `npm run mirror -- ${id} on a machine that reaches Hugging Face, or pick a model the mirror holds.`,
  };
}

/** Uses the mirror at `input` after checking it; nothing is kept when the check fails. */
export async function switchToMirror(input: string, signal?: AbortSignal): Promise<MirrorCheck> {
  const parsed = parseMirrorUrl(input, location.protocol);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const check = await probe(parsed.url, getState().selectedId, signal);
  if (!check.ok) return check;
  await applyMirror(parsed.url);
  return check;
}

export async function switchToDefaultHosts(): Promise<void> {
  await applyMirror(null);
}

async function applyMirror(mirror: string | null): Promise<void> {
  // As with custom models: the saved preferences come back first, or they would undo this choice.
  await whenHydrated();
  // Cached files and configs belong to a source (web-llm caches by URL): read them again for the new one.
  setState({ prefs: { ...getState().prefs, mirror }, cached: {}, modelConfigs: {} });
  await sendMirror();
  await refreshCache();
}
