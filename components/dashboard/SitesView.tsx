import type { SiteFilters, SiteListQuery, SiteRange, SiteSortKey } from '../../core/ledger/siteList';
import type { SiteRecord } from '../../core/ledger/records';
import type { MessageKey } from '../../core/i18n/translate';
import { formatDate, formatNumber } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { AskedIcons } from '../ledger/AskedIcons';
import { Icon } from '../ui/Icon';
import { Pager } from '../ui/Pager';
import { SortHeader } from '../ui/SortHeader';

/** Rows drawn at once: a page of 10,000 sites renders as fast as a page of 50. */
export const SITES_PAGE_SIZE = 50;

const COLUMNS: { key: SiteSortKey; numeric: boolean }[] = [
  { key: 'site', numeric: false },
  { key: 'lastSeen', numeric: false },
  { key: 'visits', numeric: true },
  { key: 'thirdParties', numeric: true },
  { key: 'cookies', numeric: true },
  { key: 'violations', numeric: true },
  { key: 'asked', numeric: false },
];

const RANGES: SiteRange[] = ['all', '7', '30', '365'];
const TOGGLES = ['violations', 'location', 'personalData'] as const;

interface SitesViewProps {
  /** Every site, or undefined while they load. */
  sites: SiteRecord[] | undefined;
  /** The sites that match the query, in its order. */
  shown: SiteRecord[];
  query: SiteListQuery;
  page: number;
  onSearch: (search: string) => void;
  onSort: (key: SiteSortKey) => void;
  onFilters: (filters: SiteFilters) => void;
  onPage: (page: number) => void;
  onOpenSite: (site: string) => void;
}

export function SitesView({ sites, shown, query, page, onSearch, onSort, onFilters, onPage, onOpenSite }: SitesViewProps) {
  const t = useT();
  const { filters } = query;
  // The list can shrink under the reader (a site erased): stay on its last page.
  const current = Math.min(page, Math.max(0, Math.ceil(shown.length / SITES_PAGE_SIZE) - 1));
  const rows = shown.slice(current * SITES_PAGE_SIZE, (current + 1) * SITES_PAGE_SIZE);
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
          <input type="search" placeholder={t('sites.search')} value={query.search} onInput={(e) => onSearch(e.currentTarget.value)} />
        </label>
        <label class="select">
          <span>{t('sites.range')}</span>
          {/* `input` fires on every pick, as `change` does; with zustand's React shim loaded, happy-dom delivers only `input`. */}
          <select value={filters.range} onInput={(e) => onFilters({ ...filters, range: e.currentTarget.value as SiteRange })}>
            {RANGES.map((r) => <option key={r} value={r}>{t(`sites.range.${r}` as MessageKey)}</option>)}
          </select>
        </label>
      </div>
      <fieldset class="filter-chips">
        <legend class="visually-hidden">{t('sites.filters')}</legend>
        {TOGGLES.map((key) => (
          <label key={key} class={`filter-chip ${filters[key] ? 'on' : ''}`}>
            <input type="checkbox" checked={filters[key]} onChange={(e) => onFilters({ ...filters, [key]: e.currentTarget.checked })} />
            {t(`sites.filter.${key}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {sites === undefined ? (
        <Loading />
      ) : sites.length === 0 ? (
        <div class="empty">
          <Icon name="globe" size={36} />
          <h2>{t('sites.empty.title')}</h2>
          <p>{t('sites.empty.body')}</p>
        </div>
      ) : (
        <>
          <p class="muted result-count" role="status" data-testid="sites-count">
            {shown.length === 0
              ? query.search.trim() ? t('sites.noMatch', { query: query.search.trim() }) : t('sites.noFilterMatch')
              : t('sites.count', { count: shown.length, shown: formatNumber(shown.length, t.locale), total: formatNumber(sites.length, t.locale) })}
          </p>
          {shown.length > 0 && (
            <div class="table-scroll">
              <table class="table sites-table" data-testid="sites-table">
                <caption class="visually-hidden">{t('sites.caption')}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map(({ key, numeric }) => (
                      <SortHeader key={key} label={t(`sites.col.${key}` as MessageKey)} numeric={numeric} sorted={query.sort === key ? query.direction : null} onSort={() => onSort(key)} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.site} class="clickable" onClick={() => onOpenSite(s.site)}>
                      <th scope="row"><a href={`#/sites/${encodeURIComponent(s.site)}`} onClick={(e) => e.stopPropagation()}>{s.site}</a></th>
                      <td>{formatDate(s.lastSeen, t.locale)}</td>
                      <td class="num">{formatNumber(s.visits, t.locale)}</td>
                      <td class="num">{formatNumber(s.thirdParties, t.locale)}</td>
                      <td class="num">{formatNumber(s.cookies, t.locale)}</td>
                      <td class="num">{s.violations > 0 ? <span class="tag tag-warn">{formatNumber(s.violations, t.locale)}</span> : <span class="muted">0</span>}</td>
                      <td><AskedIcons site={s} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={current} pageSize={SITES_PAGE_SIZE} total={shown.length} label={t('sites.pages')} onPage={onPage} />
        </>
      )}
    </>
  );
}
