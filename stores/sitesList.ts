import { useMemo } from 'preact/hooks';
import { create } from 'zustand';
import { defaultDirection, NO_FILTERS, selectSites, type SiteFilters, type SiteListQuery, type SiteSortKey } from '../core/ledger/siteList';
import type { SiteRecord } from '../core/ledger/records';

/**
 * The Sites table's search, sort, filters and page. Kept in a store so they
 * survive a visit to a site's page and back. A new search, sort or filter
 * starts again at the first page.
 */
interface SitesListState {
  query: SiteListQuery;
  page: number;
  setSearch: (search: string) => void;
  /** The sorted column again reverses the order; another column starts in its usual direction. */
  sortBy: (key: SiteSortKey) => void;
  setFilters: (filters: SiteFilters) => void;
  setPage: (page: number) => void;
}

export const INITIAL_SITES_QUERY: SiteListQuery = { search: '', sort: 'lastSeen', direction: 'desc', filters: NO_FILTERS };

export const useSitesListStore = create<SitesListState>((set) => ({
  query: INITIAL_SITES_QUERY,
  page: 0,
  setSearch: (search) => set(({ query }) => ({ query: { ...query, search }, page: 0 })),
  sortBy: (key) =>
    set(({ query }) => {
      const direction = query.sort !== key ? defaultDirection(key) : query.direction === 'asc' ? 'desc' : 'asc';
      return { query: { ...query, sort: key, direction }, page: 0 };
    }),
  setFilters: (filters) => set(({ query }) => ({ query: { ...query, filters }, page: 0 })),
  setPage: (page) => set({ page }),
}));

/** The filtered, sorted sites, computed again only when the sites or the query change (not on paging). */
export function useShownSites(sites: readonly SiteRecord[] | undefined, query: SiteListQuery, now: number): SiteRecord[] {
  return useMemo(() => (sites ? selectSites(sites, query, now) : []), [sites, query, now]);
}
