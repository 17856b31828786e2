/** Hands the browser a file to save: the app's exports (runs, comparisons, conversations) go out this way. */
export function saveFile(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  // The download has its own copy once it starts; the URL would otherwise hold the text until the page closes.
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A timestamp that reads well in a file name: 2026-12-02-13-40-05. */
export function fileStamp(iso: string): string {
  return iso.slice(0, 19).replace(/[:T]/g, '-');
}
