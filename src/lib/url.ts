/** The chosen model lives in the URL (?model=…) so a shared link opens the same model. */
export function readParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

export function writeModelParam(modelId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('model', modelId);
  window.history.replaceState(null, '', url);
}
