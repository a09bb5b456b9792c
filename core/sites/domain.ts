import { parse } from 'tldts';

/**
 * The site a URL belongs to: its registrable domain (eTLD+1, from the Public
 * Suffix List through tldts), or the bare host for IP addresses and hosts
 * without a public suffix such as `localhost`. Null for pages that are not
 * websites (extension pages, `about:`, `file:`).
 */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return null;
  const info = parse(host, { allowPrivateDomains: false });
  if (info.isIp) return host;
  return info.domain ?? host;
}

/** True when `candidate` is the same registrable domain as `site`. */
export function isFirstParty(site: string, candidateUrl: string): boolean {
  return siteOf(candidateUrl) === site;
}

/** A registrable domain as a user would type it: lower-case, no scheme, no path. */
export function normaliseSiteInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  return siteOf(withScheme);
}
