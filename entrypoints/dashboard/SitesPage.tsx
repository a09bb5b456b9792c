import type { SiteRecord } from '../../core/ledger/records';
import { SitesView } from '../../components/dashboard/SitesView';
import { useShownSites, useSitesListStore } from '../../stores/sitesList';

/** The Sites view wired to its list state. */
export function SitesPage({ sites, now, onOpenSite }: { sites: SiteRecord[] | undefined; now: number; onOpenSite: (site: string) => void }) {
  const { query, page, setSearch, sortBy, setFilters, setPage } = useSitesListStore();
  const shown = useShownSites(sites, query, now);
  return (
    <SitesView
      sites={sites} shown={shown} query={query} page={page}
      onSearch={setSearch} onSort={sortBy} onFilters={setFilters} onPage={setPage} onOpenSite={onOpenSite}
    />
  );
}
