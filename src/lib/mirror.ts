/**
 * A self-hosted mirror of model files. Its layout is the one `npm run mirror` writes:
 *
 *   <base>/<model_id>/resolve/main/mlc-chat-config.json, tokenizer files, tensor-cache.json, shards
 *   <base>/libs/<model library file name>.wasm
 *
 * web-llm appends `resolve/main/` to a record's `model` unless the URL has `/resolve/<x>/` already,
 * so a record's `model` becomes `<base>/<model_id>` and its `model_lib` `<base>/libs/<file>`.
 */

/** The part of a web-llm model record the mirror rewrites. */
export interface MirroredRecord {
  model_id: string;
  model: string;
  model_lib: string;
}

export type MirrorUrl = { ok: true; url: string } | { ok: false; reason: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The longest URL the app reads: browsers and servers refuse far shorter ones than a page could be given. */
export const MAX_URL_LENGTH = 2048;

/** `text` without the slashes it ends with (a loop: /\/+$/ takes quadratic time on a long run of slashes). */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
  return text.slice(0, end);
}

/** Says why `text` is too long to be a URL the app uses, or null. */
export function tooLongUrl(text: string, what: string): string | null {
  return text.length > MAX_URL_LENGTH ? `The ${what} is ${text.length.toLocaleString('en')} characters long; the app reads URLs of up to ${MAX_URL_LENGTH.toLocaleString('en')}.` : null;
}

/** A mirror's base URL as the user typed it: http(s), no credentials, query or fragment; plain http
 * only on this machine (a page served over https may not fetch from http elsewhere). */
export function parseMirrorUrl(input: string, pageProtocol = 'https:'): MirrorUrl {
  const long = tooLongUrl(input, 'mirror URL');
  if (long) return { ok: false, reason: long };
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Enter the base URL of the mirror, such as https://models.example.org/mlc.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL. Enter one such as https://models.example.org/mlc.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `A mirror is reached over http or https, not ${url.protocol}` };
  if (url.username || url.password) return { ok: false, reason: 'Leave user names and passwords out of the URL: the browser would send them with every file.' };
  if (url.search || url.hash) return { ok: false, reason: 'The base URL takes no query (?…) or fragment (#…): file paths are appended to it.' };
  if (url.protocol === 'http:' && pageProtocol === 'https:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, reason: 'This page is served over https, so the browser will not fetch from an http mirror on another machine. Serve the mirror over https.' };
  }
  return { ok: true, url: withoutTrailingSlashes(url.href) };
}

/** The last path segment of a model library URL: the file the mirror keeps under libs/. */
export function libraryFileName(modelLib: string): string {
  const path = new URL(modelLib).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Where a record's files live on the mirror at `base` (as parseMirrorUrl returns it). */
export function mirrorRecord<T extends MirroredRecord>(record: T, base: string): T {
  return {
    ...record,
    model: `${base}/${encodeURIComponent(record.model_id)}`,
    model_lib: `${base}/libs/${encodeURIComponent(libraryFileName(record.model_lib))}`,
  };
}

/** The folder, under a mirror's root, that holds a record's model files. */
export function mirrorModelDir(modelId: string): string {
  return `${modelId}/resolve/main`;
}

/** web-llm's rule for where a model's files live: `resolve/main/` is appended unless the URL names a
 * revision itself (…/resolve/<x>/). */
export function modelBaseUrl(model: string): string {
  const url = model.endsWith('/') ? model : `${model}/`;
  // Found by position, not by /.+\/resolve\/.+\//, whose backtracking is quadratic in the URL's length.
  const at = url.indexOf('/resolve/', 1);
  const namesRevision = at !== -1 && url.indexOf('/', at + '/resolve/'.length + 1) !== -1;
  return namesRevision ? url : `${url}resolve/main/`;
}

export function modelFileUrl(model: string, file: string): string {
  return new URL(file, modelBaseUrl(model)).href;
}
