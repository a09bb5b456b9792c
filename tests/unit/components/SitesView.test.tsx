import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newSite, type SiteRecord } from '../../../core/ledger/records';
import { SitesPage } from '../../../entrypoints/dashboard/SitesPage';
import { INITIAL_SITES_QUERY, useSitesListStore } from '../../../stores/sitesList';
import { renderIn } from './render';

const NOW = new Date(2026, 10, 20, 12).getTime();
const DAY = 86_400_000;
const site = (name: string, extra: Partial<SiteRecord>): SiteRecord => ({ ...newSite(name, NOW - 500 * DAY), ...extra });
const SITES = [
  site('alpha.com', { lastSeen: NOW - 2 * DAY, visits: 2, thirdParties: 12, cookies: 1, violations: 0, fields: ['email', 'phone'] }),
  site('beta.vn', { lastSeen: NOW, visits: 9, thirdParties: 3, cookies: 30, violations: 4, permissions: ['geolocation', 'notifications'] }),
  site('gamma.de', { lastSeen: NOW - 100 * DAY, visits: 5, thirdParties: 7, cookies: 8, violations: 1, fields: ['card'] }),
];

const rowNames = () => within(screen.getByTestId('sites-table')).getAllByRole('row').slice(1).map((r) => r.querySelector('th')?.textContent);
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
const sortBy = (name: string) => fireEvent.click(within(header(name)).getByRole('button'));

beforeEach(() => useSitesListStore.setState({ query: INITIAL_SITES_QUERY, page: 0 }));

describe('SitesView', () => {
  it('shows every column of a site, most recent first', () => {
    renderIn(<SitesPage sites={SITES} now={NOW} onOpenSite={vi.fn()} />);
    expect(rowNames()).toEqual(['beta.vn', 'alpha.com', 'gamma.de']);
    expect(header('Last visit').getAttribute('aria-sort')).toBe('descending');
    const beta = screen.getAllByRole('row')[1]!;
    expect([...beta.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['20 Nov 2026', '9', '3', '30', '4', 'Your locationNotifications']);
    expect(screen.getByTestId('sites-count').textContent).toBe('3 sites of 3');
  });

  it('sorts by each column, and the same column again reverses it', () => {
    renderIn(<SitesPage sites={SITES} now={NOW} onOpenSite={vi.fn()} />);
    const cases: [string, string[]][] = [
      ['Site', ['alpha.com', 'beta.vn', 'gamma.de']],
      ['Visits', ['beta.vn', 'gamma.de', 'alpha.com']],
      ['Third parties', ['alpha.com', 'gamma.de', 'beta.vn']],
      ['Cookies', ['beta.vn', 'gamma.de', 'alpha.com']],
      ['Refusals ignored', ['beta.vn', 'gamma.de', 'alpha.com']],
      ['Asked for', ['alpha.com', 'beta.vn', 'gamma.de']],
      ['Last visit', ['beta.vn', 'alpha.com', 'gamma.de']],
    ];
    for (const [column, order] of cases) {
      sortBy(column);
      expect(rowNames(), column).toEqual(order);
      expect(header(column).getAttribute('aria-sort')).toBe(column === 'Site' ? 'ascending' : 'descending');
      expect(screen.getAllByRole('columnheader').filter((h) => h.getAttribute('aria-sort') !== 'none')).toHaveLength(1);
      sortBy(column);
      expect(rowNames(), `${column} reversed`).toEqual(column === 'Asked for' ? ['gamma.de', 'alpha.com', 'beta.vn'] : [...order].reverse());
      expect(header(column).getAttribute('aria-sort')).toBe(column === 'Site' ? 'descending' : 'ascending');
    }
  });

  it('filters by each toggle and by date, and says when nothing matches', () => {
    renderIn(<SitesPage sites={SITES} now={NOW} onOpenSite={vi.fn()} />);
    const toggle = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }));
    toggle('Ignored a refusal');
    expect(rowNames()).toEqual(['beta.vn', 'gamma.de']);
    toggle('Ignored a refusal');
    toggle('Asked for your location');
    expect(rowNames()).toEqual(['beta.vn']);
    toggle('Asked for your location');
    toggle('Asked for personal data');
    expect(rowNames()).toEqual(['alpha.com', 'gamma.de']);
    expect(screen.getByTestId('sites-count').textContent).toBe('2 sites of 3');
    toggle('Asked for personal data');
    const range = screen.getByLabelText('Last visit');
    fireEvent.input(range, { target: { value: '7' } });
    expect(rowNames()).toEqual(['beta.vn', 'alpha.com']);
    fireEvent.input(range, { target: { value: '365' } });
    expect(rowNames()).toEqual(['beta.vn', 'alpha.com', 'gamma.de']);
    fireEvent.input(range, { target: { value: '30' } });
    toggle('Asked for personal data');
    toggle('Asked for your location');
    expect(screen.queryByTestId('sites-table')).toBeNull();
    expect(screen.getByTestId('sites-count').textContent).toBe('No site matches these filters.');
  });

  it('searches by domain, and says when nothing matches', () => {
    renderIn(<SitesPage sites={SITES} now={NOW} onOpenSite={vi.fn()} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search sites' }), { target: { value: 'VN' } });
    expect(rowNames()).toEqual(['beta.vn']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search sites' }), { target: { value: 'zzz' } });
    expect(screen.getByText('No site matches “zzz”.')).toBeTruthy();
  });

  it('opens a site from its row or its link', () => {
    const open = vi.fn();
    renderIn(<SitesPage sites={SITES} now={NOW} onOpenSite={open} />);
    fireEvent.click(screen.getAllByRole('row')[2]!.querySelector('td')!);
    expect(open).toHaveBeenCalledWith('alpha.com');
    expect(screen.getByRole('link', { name: 'gamma.de' }).getAttribute('href')).toBe('#/sites/gamma.de');
  });

  it('draws one page of 10,000 sites at a time, and pages through them', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => site(`site${String(i).padStart(5, '0')}.com`, { lastSeen: NOW - i * 60_000, visits: i }));
    renderIn(<SitesPage sites={many} now={NOW} onOpenSite={vi.fn()} />);
    expect(rowNames()).toHaveLength(50);
    expect(rowNames()[0]).toBe('site00000.com');
    expect(screen.getByText('1–50 of 10,000 · page 1 of 200')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(rowNames()[0]).toBe('site00050.com');
    expect(screen.getByText('51–100 of 10,000 · page 2 of 200')).toBeTruthy();
    sortBy('Visits');
    expect(rowNames()[0]).toBe('site09999.com');
    expect(screen.getByText('1–50 of 10,000 · page 1 of 200')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'site0999' } });
    expect(rowNames()).toHaveLength(10);
    expect(screen.queryByRole('navigation', { name: 'Pages of sites' })).toBeNull();
  });

  it('explains an empty history, and speaks Vietnamese', () => {
    const { unmount } = renderIn(<SitesPage sites={[]} now={NOW} onOpenSite={vi.fn()} />);
    expect(screen.getByText('No sites yet')).toBeTruthy();
    unmount();
    renderIn(<SitesPage sites={SITES} now={NOW} onOpenSite={vi.fn()} />, 'vi');
    expect(screen.getByRole('columnheader', { name: /Bên thứ ba/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Yêu cầu vị trí của bạn' })).toBeTruthy();
    expect(screen.getByTestId('sites-count').textContent).toBe('3 trên 3 trang');
  });
});
