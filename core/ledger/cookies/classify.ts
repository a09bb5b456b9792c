import { siteOf } from '../../sites/domain';
import type { CookiePurpose } from '../records';
import { KNOWN_COOKIE_GROUPS, type KnownCookieGroup } from './knownCookies';

/** What the table says about one cookie. */
export interface CookieKind {
  purpose: CookiePurpose;
  /** The vendor or software the name belongs to; null when the table does not know it. */
  vendor: string | null;
}

interface Rule {
  /** The name, prefix or suffix, lower-case. */
  key: string;
  kind: CookieKind;
  domains: readonly string[] | null;
}

const UNKNOWN: CookieKind = { purpose: 'unknown', vendor: null };

function rulesOf(groups: readonly KnownCookieGroup[], field: 'names' | 'prefixes' | 'suffixes'): Rule[] {
  return groups.flatMap((g) =>
    (g[field] ?? []).map((key) => ({ key: key.toLowerCase(), kind: { purpose: g.purpose, vendor: g.vendor }, domains: g.domains ?? null })),
  );
}

/** Longest first, so `_gat` wins over `_ga` and `__adroll_fpc` would win over `__adroll`. */
const byLength = (a: Rule, b: Rule) => b.key.length - a.key.length;

const exact = new Map<string, Rule[]>();
for (const rule of rulesOf(KNOWN_COOKIE_GROUPS, 'names')) exact.set(rule.key, [...(exact.get(rule.key) ?? []), rule]);
const prefixes = rulesOf(KNOWN_COOKIE_GROUPS, 'prefixes').sort(byLength);
const suffixes = rulesOf(KNOWN_COOKIE_GROUPS, 'suffixes').sort(byLength);

/** A rule limited to the cookie's own domain beats a general one; otherwise the first (longest) wins. */
function pick(candidates: readonly Rule[], cookieSite: string | null): Rule | undefined {
  return candidates.find((r) => cookieSite !== null && r.domains?.includes(cookieSite)) ?? candidates.find((r) => r.domains === null);
}

/** The registrable domain of a cookie's domain attribute (`.ads.example.com` -> `example.com`). */
export function cookieSiteOf(domain: string): string | null {
  const host = domain.replace(/^\./, '');
  return host ? siteOf(`http://${host}/`) : null;
}

/**
 * Looks a cookie up in the table of well-known names: an exact name first,
 * then the longest matching prefix, then the longest matching suffix, all
 * without regard to case. Plain string comparison: nothing from the table is
 * turned into a regular expression.
 */
export function describeCookie(name: string, domain?: string): CookieKind {
  const lower = name.toLowerCase();
  const cookieSite = domain ? cookieSiteOf(domain) : null;
  const rule =
    pick(exact.get(lower) ?? [], cookieSite) ??
    pick(prefixes.filter((r) => lower.startsWith(r.key)), cookieSite) ??
    pick(suffixes.filter((r) => lower.endsWith(r.key)), cookieSite);
  return rule?.kind ?? UNKNOWN;
}

/** What a cookie is for, from its name and (for names only some domains use) its domain. */
export function classifyCookie(name: string, domain?: string): CookiePurpose {
  return describeCookie(name, domain).purpose;
}
