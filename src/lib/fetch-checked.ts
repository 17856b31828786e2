/**
 * The fetch behind every check the UI starts (a custom model's config and library, a mirror, a
 * replay file): it gives up after a timeout, stops when the user cancels, and reads at most a
 * bounded body. A host that accepts the connection and never answers, or answers forever, would
 * otherwise leave a form "Checking…" with no way out.
 */

export const CHECK_TIMEOUT_MS = 10_000;

export type Fetched =
  | { kind: 'answered'; ok: boolean; status: number; text: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'cancelled' }
  | { kind: 'unreachable' }
  | { kind: 'too-large'; maxBytes: number };

export interface FetchOptions {
  method?: 'GET' | 'HEAD';
  /** The user's Cancel. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The most body bytes read; a longer body is refused. */
  maxBytes?: number;
  /** Same-origin files need no CORS mode. */
  mode?: RequestMode;
}

/** Reads a body up to `maxBytes`, or null when it is longer. */
async function readBounded(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) return null;
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(all);
}

export async function fetchChecked(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const { method = 'GET', signal, timeoutMs = CHECK_TIMEOUT_MS, maxBytes = 4 * 2 ** 20, mode = 'cors' } = options;
  if (signal?.aborted) return { kind: 'cancelled' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCancel = () => controller.abort();
  signal?.addEventListener('abort', onCancel);
  try {
    const response = await fetch(url, { method, mode, cache: 'no-store', signal: controller.signal });
    const text = method === 'HEAD' ? '' : await readBounded(response, maxBytes);
    if (text === null) return { kind: 'too-large', maxBytes };
    return { kind: 'answered', ok: response.ok, status: response.status, text };
  } catch {
    if (timedOut) return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };
    if (signal?.aborted) return { kind: 'cancelled' };
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

/** The words for a check that got no answer, naming the host. */
export function noAnswer(f: Exclude<Fetched, { kind: 'answered' }>, host: string, unreachable: string): string {
  switch (f.kind) {
    case 'timeout':
      return `${host} did not answer within ${f.seconds} s: the server may be stalled or overloaded. Check it is running, then try again. Nothing was changed.`;
    case 'cancelled':
      return 'Cancelled: nothing was changed.';
    case 'too-large':
      return `${host} sent more than ${Math.round(f.maxBytes / 2 ** 20)} MB where a small file was expected: it is not the file the app asked for. Nothing was changed.`;
    case 'unreachable':
      return unreachable;
  }
}
