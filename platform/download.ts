/** Saves text as a file through the page's own download, so no downloads permission is needed. */
export function downloadText(filename: string, text: string, type: string): void {
  downloadParts(filename, [text], type);
}

/** The same for a file built in pieces: the Blob takes them as they are, without one big string. */
export function downloadParts(filename: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
