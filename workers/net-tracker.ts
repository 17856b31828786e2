/**
 * Remembers the URL of the last request the worker started. web-llm reports
 * network failures as a bare "Failed to fetch", so this is how the UI can name
 * the host that could not be reached. Only URLs are kept, never bodies.
 */
let last: { url: string; at: number } | undefined;

function note(input: RequestInfo | URL): void {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  last = { url, at: performance.now() };
}

export function installNetTracking(): void {
  const originalFetch = self.fetch.bind(self);
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    note(input);
    return originalFetch(input, init);
  };
  // web-llm downloads through the Cache API (cache.add), which does not go through self.fetch.
  if (typeof Cache !== 'undefined') {
    const originalAdd = Cache.prototype.add;
    Cache.prototype.add = function (this: Cache, request: RequestInfo | URL) {
      note(request);
      return originalAdd.call(this, request);
    };
  }
}

export function lastUrlSince(since: number): string | undefined {
  return last && last.at >= since ? last.url : undefined;
}
