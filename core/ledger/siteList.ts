import { daysAgo } from './days';
import type { SiteRecord } from './records';

/** The Sites table's columns a person can sort by. */
export const SITE_SORT_KEYS = ['site', 'lastSeen', 'visits', 'thirdParties', 'cookies', 'violations', 'asked'] as const;
export type SiteSortKey = (typeof SITE_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Last visit within the last N calendar days (today included), or any time. */
export const SITE_RANGES = ['7', '30', '365', 'all'] as const;
export type SiteRange = (typeof SITE_RANGES)[number];

export interface SiteFilters {
  violations: boolean;
  location: boolean;
  personalData: boolean;
  range: SiteRange;
}

export interface SiteListQuery {
  search: string;
  sort: SiteSortKey;
  direction: SortDirection;
  filters: SiteFilters;
}

export const NO_FILTERS: SiteFilters = { violations: false, location: false, personalData: false, range: 'all' };

/** How much a site asked for: kinds of personal data plus permissions. */
export function askedCount(site: SiteRecord): number {
  return site.fields.length + site.permissions.length;
}

const VALUE: Record<Exclude<SiteSortKey, 'site'>, (s: SiteRecord) => number> = {
  lastSeen: (s) => s.lastSeen,
  visits: (s) => s.visits,
  thirdParties: (s) => s.thirdParties,
  cookies: (s) => s.cookies,
  violations: (s) => s.violations,
  asked: askedCount,
};

/** A click on a new column sorts it the way people mostly want: names A to Z, numbers and dates largest first. */
export function defaultDirection(key: SiteSortKey): SortDirection {
  return key === 'site' ? 'asc' : 'desc';
}

function matches(site: SiteRecord, needle: string, filters: SiteFilters, since: number): boolean {
  if (needle && !site.site.includes(needle)) return false;
  if (filters.violations && site.violations === 0) return false;
  if (filters.location && !site.permissions.includes('geolocation')) return false;
  if (filters.personalData && site.fields.length === 0) return false;
  return site.lastSeen >= since;
}

/**
 * The rows the Sites table shows, filtered then sorted. Ties fall back to the
 * domain so the order is stable from one render to the next. Linear filtering
 * and one sort: 10,000 sites take a few milliseconds.
 */
export function selectSites(sites: readonly SiteRecord[], query: SiteListQuery, now: number): SiteRecord[] {
  const needle = query.search.trim().toLowerCase();
  const since = query.filters.range === 'all' ? -Infinity : daysAgo(now, Number(query.filters.range) - 1);
  const shown = sites.filter((s) => matches(s, needle, query.filters, since));
  const sign = query.direction === 'asc' ? 1 : -1;
  const byName = (a: SiteRecord, b: SiteRecord) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0);
  if (query.sort === 'site') return shown.sort((a, b) => sign * byName(a, b));
  const value = VALUE[query.sort];
  return shown.sort((a, b) => sign * (value(a) - value(b)) || byName(a, b));
}
