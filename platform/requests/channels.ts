/**
 * The page-side send channels of the composer: the clipboard, printing, and
 * opening a link (a company's web form, a mail client). Extension pages only.
 */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function printLetter(): void {
  window.print();
}

/** Opens a company's web form in a new tab: only an http(s) address, whatever a data source says. */
export function openLink(url: string): void {
  const parsed = URL.parse(url);
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') throw new Error(`Not a web address: ${url}`);
  window.open(parsed.href, '_blank', 'noopener');
}
