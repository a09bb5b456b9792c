/**
 * The address recorded as evidence of where something was asked: origin and
 * path only. Query strings and fragments often carry personal data (emails in
 * sign-up links, tokens), so they are never stored. Null for a URL that is
 * not a web page.
 */
export function evidenceUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.origin}${parsed.pathname.slice(0, 500)}`;
  } catch {
    return null;
  }
}
