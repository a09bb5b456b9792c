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

/** Opens a web form in a new tab, or hands a mailto link to the mail client. */
export function openLink(url: string): void {
  if (url.startsWith('mailto:')) window.location.href = url;
  else window.open(url, '_blank', 'noopener');
}
