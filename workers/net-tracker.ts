/**
 * Remembers the URL of the last request the worker started. web-llm reports
 * network failures as a bare "Failed to fetch", so this is how the UI can name
 * the host that could not be reached. Only URLs are kept, never bodies.
 */
let last: { url: string; at: number } | undefined;
/** When each host last answered a request (any status): a host that answered is reachable. */
const answered = new Map<string, number>();

const urlOf = (input: RequestInfo | URL) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

function note(input: RequestInfo | URL): void {
  last = { url: urlOf(input), at: performance.now() };
}

function noteAnswer(input: RequestInfo | URL): void {
  try {
    answered.set(new URL(urlOf(input), self.location.href).host, performance.now());
  } catch {
    // Not a URL: nothing to remember.
  }
}

export function installNetTracking(): void {
  const originalFetch = self.fetch.bind(self);
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    note(input);
    return originalFetch(input, init).then((response) => {
      noteAnswer(input);
      return response;
    });
  };
  // web-llm downloads through the Cache API (cache.add), which does not go through self.fetch.
  if (typeof Cache !== 'undefined') {
    const originalAdd = Cache.prototype.add;
    Cache.prototype.add = function (this: Cache, request: RequestInfo | URL) {
      note(request);
      return originalAdd.call(this, request).then(() => noteAnswer(request));
    };
  }
}

export function lastUrlSince(since: number): string | undefined {
  return last && last.at >= since ? last.url : undefined;
}

/** Whether `host` answered a request since `since` (a failure after that is a broken download, not an unreachable host). */
export function answeredSince(host: string, since: number): boolean {
  return (answered.get(host) ?? -Infinity) >= since;
}
