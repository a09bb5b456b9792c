import { cookieSiteOf } from './classify';
import type { CookieObservation } from './merge';
import { siteOf } from '../../sites/domain';

/** A cookie as the browser reported it set, before it is tied to a site. */
export interface SetCookie {
  /** Without a leading dot. */
  domain: string;
  name: string;
  expiresAt: number | null;
  at: number;
  /** The top-level site of a partitioned cookie, when the browser says. */
  partitionSite: string | null;
}

/** An open tab showing a website. */
export interface OpenTab {
  tabId: number;
  site: string;
}

/**
 * Ties a cookie to the sites it was set on:
 * - a partitioned cookie: the top-level site the browser partitioned it under;
 * - first party: its registrable domain is the site of an open tab;
 * - third party: every site open in a tab whose pages there contacted the
 *   cookie's registrable domain (`contacted`, asked at most once per tab).
 * No site at all when none of these holds: the cookie is not guessed onto a tab.
 */
export async function attributeCookie(
  cookie: SetCookie,
  tabs: readonly OpenTab[],
  contacted: (tabId: number, site: string) => Promise<ReadonlySet<string>>,
): Promise<CookieObservation[]> {
  const cookieSite = cookieSiteOf(cookie.domain);
  if (!cookieSite) return [];
  const base = { domain: cookie.domain, name: cookie.name, expiresAt: cookie.expiresAt, at: cookie.at };
  const partitioned = cookie.partitionSite ? siteOf(cookie.partitionSite) : null;
  if (partitioned) return [{ ...base, site: partitioned, firstParty: partitioned === cookieSite }];
  if (tabs.some((t) => t.site === cookieSite)) return [{ ...base, site: cookieSite, firstParty: true }];
  const sites = new Set<string>();
  for (const tab of tabs) {
    if (!sites.has(tab.site) && (await contacted(tab.tabId, tab.site)).has(cookieSite)) sites.add(tab.site);
  }
  return [...sites].map((site) => ({ ...base, site, firstParty: false }));
}
