import { useMemo } from 'preact/hooks';
import type { SiteRecord } from '../../core/ledger/records';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';

export type SiteSort = 'lastSeen' | 'visits' | 'site';

interface SitesViewProps {
  sites: SiteRecord[] | undefined;
  query: string;
  sort: SiteSort;
  onQuery: (query: string) => void;
  onSort: (sort: SiteSort) => void;
}

const COMPARE: Record<SiteSort, (a: SiteRecord, b: SiteRecord) => number> = {
  lastSeen: (a, b) => b.lastSeen - a.lastSeen,
  visits: (a, b) => b.visits - a.visits || a.site.localeCompare(b.site),
  site: (a, b) => a.site.localeCompare(b.site),
};

export function SitesView({ sites, query, sort, onQuery, onSort }: SitesViewProps) {
  const t = useT();
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (sites ?? []).filter((s) => !needle || s.site.includes(needle)).sort(COMPARE[sort]);
  }, [sites, query, sort]);
  return (
    <>
      <header class="page-header">
        <h1>{t('sites.title')}</h1>
        <p class="lead">{t('sites.lead')}</p>
      </header>
      <div class="toolbar">
        <label class="search">
          <Icon name="search" />
          <span class="visually-hidden">{t('sites.search')}</span>
          <input type="search" placeholder={t('sites.search')} value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
        </label>
        <label class="select">
          <span>{t('sites.sort')}</span>
          <select value={sort} onChange={(e) => onSort(e.currentTarget.value as SiteSort)}>
            <option value="lastSeen">{t('sites.sort.lastSeen')}</option>
            <option value="visits">{t('sites.sort.visits')}</option>
            <option value="site">{t('sites.sort.site')}</option>
          </select>
        </label>
      </div>
      {sites === undefined ? (
        <p class="muted" role="status">{t('common.loading')}</p>
      ) : sites.length === 0 ? (
        <div class="empty">
          <Icon name="globe" size={36} />
          <h2>{t('sites.empty.title')}</h2>
          <p>{t('sites.empty.body')}</p>
        </div>
      ) : shown.length === 0 ? (
        <p class="muted" role="status">{t('sites.noMatch', { query })}</p>
      ) : (
        <table class="table" data-testid="sites-table">
          <caption class="visually-hidden">{t('sites.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sites.col.site')}</th>
              <th scope="col">{t('sites.col.firstSeen')}</th>
              <th scope="col">{t('sites.col.lastSeen')}</th>
              <th scope="col" class="num">{t('sites.col.visits')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.site}>
                <th scope="row"><a href={`#/sites/${encodeURIComponent(s.site)}`}>{s.site}</a></th>
                <td>{formatDate(s.firstSeen, t.locale)}</td>
                <td>{formatDate(s.lastSeen, t.locale)}</td>
                <td class="num">{s.visits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
