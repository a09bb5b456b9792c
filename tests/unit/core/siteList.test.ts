import { describe, expect, it } from 'vitest';
import { lastDays } from '../../../core/ledger/days';
import { newSite, type SiteRecord } from '../../../core/ledger/records';
import { NO_FILTERS, selectSites, type SiteListQuery } from '../../../core/ledger/siteList';

const NOW = new Date(2026, 10, 20, 12).getTime();
const DAY = 86_400_000;
const site = (name: string, extra: Partial<SiteRecord>): SiteRecord => ({ ...newSite(name, NOW - 400 * DAY), lastSeen: NOW, ...extra });
const SITES = [
  site('alpha.com', { visits: 3, thirdParties: 10, cookies: 1, violations: 0, fields: ['email'], lastSeen: NOW - 2 * DAY }),
  site('beta.vn', { visits: 3, thirdParties: 2, cookies: 7, violations: 2, permissions: ['geolocation'], lastSeen: NOW - 20 * DAY }),
  site('gamma.de', { visits: 9, thirdParties: 5, cookies: 3, violations: 1, fields: ['phone', 'name'], permissions: ['notifications'], lastSeen: NOW - 200 * DAY }),
];
const query = (q: Partial<SiteListQuery>): SiteListQuery => ({ search: '', sort: 'site', direction: 'asc', filters: NO_FILTERS, ...q });
const names = (q: Partial<SiteListQuery>) => selectSites(SITES, query(q), NOW).map((s) => s.site);

describe('selectSites', () => {
  it('sorts by each column both ways, ties by name', () => {
    expect(names({ sort: 'visits', direction: 'desc' })).toEqual(['gamma.de', 'alpha.com', 'beta.vn']);
    expect(names({ sort: 'visits', direction: 'asc' })).toEqual(['alpha.com', 'beta.vn', 'gamma.de']);
    expect(names({ sort: 'thirdParties', direction: 'desc' })).toEqual(['alpha.com', 'gamma.de', 'beta.vn']);
    expect(names({ sort: 'cookies', direction: 'desc' })).toEqual(['beta.vn', 'gamma.de', 'alpha.com']);
    expect(names({ sort: 'violations', direction: 'desc' })).toEqual(['beta.vn', 'gamma.de', 'alpha.com']);
    expect(names({ sort: 'asked', direction: 'desc' })).toEqual(['gamma.de', 'alpha.com', 'beta.vn']);
    expect(names({ sort: 'lastSeen', direction: 'desc' })).toEqual(['alpha.com', 'beta.vn', 'gamma.de']);
    expect(names({ sort: 'site', direction: 'desc' })).toEqual(['gamma.de', 'beta.vn', 'alpha.com']);
  });

  it('filters, and keeps the input untouched', () => {
    expect(names({ filters: { ...NO_FILTERS, violations: true } })).toEqual(['beta.vn', 'gamma.de']);
    expect(names({ filters: { ...NO_FILTERS, location: true } })).toEqual(['beta.vn']);
    expect(names({ filters: { ...NO_FILTERS, personalData: true } })).toEqual(['alpha.com', 'gamma.de']);
    expect(names({ filters: { ...NO_FILTERS, range: '7' } })).toEqual(['alpha.com']);
    expect(names({ filters: { ...NO_FILTERS, range: '30' } })).toEqual(['alpha.com', 'beta.vn']);
    expect(names({ filters: { ...NO_FILTERS, range: '365' } })).toEqual(['alpha.com', 'beta.vn', 'gamma.de']);
    expect(names({ search: ' .VN ' })).toEqual(['beta.vn']);
    expect(SITES.map((s) => s.site)).toEqual(['alpha.com', 'beta.vn', 'gamma.de']);
  });

  it('counts calendar days, today included', () => {
    const week = lastDays(NOW, 7);
    expect(week).toHaveLength(7);
    expect(week.at(-1)).toBe('2026-11-20');
    expect(week[0]).toBe('2026-11-14');
    const onEdge = [site('edge.com', { lastSeen: new Date(2026, 10, 14, 0, 0, 1).getTime() }), site('out.com', { lastSeen: new Date(2026, 10, 13, 23, 59).getTime() })];
    expect(selectSites(onEdge, query({ filters: { ...NO_FILTERS, range: '7' } }), NOW).map((s) => s.site)).toEqual(['edge.com']);
  });
});
