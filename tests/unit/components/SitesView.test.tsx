import { screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SitesView } from '../../../components/dashboard/SitesView';
import { newSite } from '../../../core/ledger/records';
import { renderIn } from './render';

const sites = [
  { ...newSite('alpha.com', 1), lastSeen: 100, visits: 2 },
  { ...newSite('beta.vn', 1), lastSeen: 300, visits: 9 },
  { ...newSite('gamma.de', 1), lastSeen: 200, visits: 5 },
];
const rowNames = () => screen.getAllByRole('row').slice(1).map((r) => r.querySelector('th')?.textContent);

describe('SitesView', () => {
  it('sorts most recent first, or by visits', () => {
    const { rerender } = renderIn(<SitesView sites={sites} query="" sort="lastSeen" onQuery={vi.fn()} onSort={vi.fn()} />);
    expect(rowNames()).toEqual(['beta.vn', 'gamma.de', 'alpha.com']);
    rerender(<SitesView sites={sites} query="" sort="site" onQuery={vi.fn()} onSort={vi.fn()} />);
    expect(rowNames()).toEqual(['alpha.com', 'beta.vn', 'gamma.de']);
  });

  it('filters by search, and says when nothing matches', () => {
    const { rerender } = renderIn(<SitesView sites={sites} query="VN" sort="visits" onQuery={vi.fn()} onSort={vi.fn()} />);
    expect(rowNames()).toEqual(['beta.vn']);
    rerender(<SitesView sites={sites} query="zzz" sort="visits" onQuery={vi.fn()} onSort={vi.fn()} />);
    expect(screen.getByText('No site matches “zzz”.')).toBeTruthy();
  });

  it('explains an empty history', () => {
    renderIn(<SitesView sites={[]} query="" sort="visits" onQuery={vi.fn()} onSort={vi.fn()} />);
    expect(screen.getByText('No sites yet')).toBeTruthy();
  });
});
