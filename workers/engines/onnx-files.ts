/**
 * Where an ONNX record's files are and whether the browser holds them, without loading
 * transformers.js: the picker asks what is cached long before anything loads. transformers.js keeps
 * every file it fetched in one Cache Storage cache, keyed by the URL it fetched.
 */
import { ONNX_RECORDS, onnxRecordOf, type OnnxRecord } from '../../src/lib/onnx-models';
import { ONNX_OPTIONAL_FILES, ONNX_SHARED_FILES, onnxFileName, onnxWeightFiles } from '../../src/lib/onnx-files';

/** transformers.js's cache name (its env.cacheKey default). */
export const ONNX_CACHE = 'transformers-cache';
const HUB = 'https://huggingface.co/';

/** The app's own models folder as a path: transformers.js reads a local folder given as a URL as
 * if it were missing (its file checks skip URLs), so it gets the path; caches key by the full URL. */
export const localModelsPath = (): string => `${import.meta.env.BASE_URL}models/`;

/** The app's own models folder (the tiny model's files are served from there). */
export function localModelsBase(): string {
  return new URL(localModelsPath(), self.location.origin).href;
}

/** Where a catalog record's files come from: a mirror (the layout `npm run mirror` writes), or the
 * hub. A model the user added by URL has its own host. */
export function remoteBase(mirror: string | null): string {
  return mirror === null ? HUB : `${mirror.replace(/\/$/, '')}/`;
}

/** The URL transformers.js fetches (and caches under) for one of a record's files. */
export function fileUrl(r: OnnxRecord, file: string, mirror: string | null): string {
  if (r.local) return `${localModelsBase()}${r.repo}/${file}`;
  return `${r.host ?? remoteBase(mirror)}${r.repo}/resolve/${encodeURIComponent(r.revision ?? 'main')}/${file}`;
}

async function openCache(): Promise<Cache | null> {
  try {
    return await caches.open(ONNX_CACHE);
  } catch {
    return null;
  }
}

/** Whether the record's weights and config are in the cache (an ONNX record loads offline then). */
export async function onnxCached(modelId: string, mirror: string | null): Promise<boolean> {
  const r = onnxRecordOf(modelId);
  const cache = r && (await openCache());
  if (!r || !cache) return false;
  const hits = await Promise.all([onnxFileName(r), 'config.json'].map((f) => cache.match(fileUrl(r, f, mirror))));
  return hits.every((h) => h !== undefined);
}

/** Deletes the record's weights; the shared files too once no other build of the same model is cached. */
export async function deleteOnnxCached(modelId: string, mirror: string | null): Promise<void> {
  const r = onnxRecordOf(modelId);
  const cache = r && (await openCache());
  if (!r || !cache) return;
  const config = await cache.match(fileUrl(r, 'config.json', mirror)).then((c) => c?.json() as Promise<unknown> | undefined).catch(() => undefined);
  let weights = [onnxFileName(r)];
  try {
    weights = onnxWeightFiles(r, config);
  } catch {
    // A config.json that names too many chunks: the graph alone is deleted.
  }
  await Promise.all(weights.map((f) => cache.delete(fileUrl(r, f, mirror))));
  const siblings = ONNX_RECORDS.filter((s) => s.repo === r.repo && s.model_id !== r.model_id);
  const others = await Promise.all(siblings.map((s) => cache.match(fileUrl(s, onnxFileName(s), mirror))));
  if (others.every((o) => o === undefined)) await Promise.all([...ONNX_SHARED_FILES, ...ONNX_OPTIONAL_FILES].map((f) => cache.delete(fileUrl(r, f, mirror))));
}

/** The hosts a record's files come from, for error messages. */
export function onnxHosts(r: OnnxRecord, mirror: string | null): string[] {
  return [new URL(r.local ? localModelsBase() : (r.host ?? remoteBase(mirror))).host];
}

const RETRY_DELAYS_MS = [250, 1000];

/**
 * transformers.js's fetch: abortable, past the HTTP cache, and tried again after a network failure.
 * - `no-store`: transformers.js keeps every file in its own Cache Storage cache, so the HTTP cache
 *   would hold a second copy; and for the app's own files it fetches each weight file twice at once
 *   (once to read its size), which Chromium's HTTP cache can fail with ERR_CACHE_WRITE_FAILURE.
 * - A fetch that rejects with a network error (not an abort) is tried twice more, 0.25 s and 1 s later.
 */
export function modelFetch(signal: AbortSignal, base: typeof fetch = fetch, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await base(input, { ...init, signal, cache: 'no-store' });
      } catch (err) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (signal.aborted || !(err instanceof TypeError) || delay === undefined) throw err;
        await wait(delay);
      }
    }
  };
}
