import { describe, expect, it } from 'vitest';
import type { ThirdPartyDay } from '../../../../core/ledger/records';
import { addObservation, aggregateObservations, distinctPairs, localDay, mergeThirdParty, thirdPartyId } from '../../../../core/ledger/thirdParties';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();
const seen = (site: string, party: string, time: number, org: string | null = null) => ({ site, party, at: time, org, category: org ? 'site_analytics' : null });

describe('localDay', () => {
  it('is the local calendar day, zero-padded', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 0).getTime())).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 23, 59).getTime())).toBe('2026-12-31');
  });
});

describe('aggregateObservations', () => {
  it('makes one row per site, day and party, counting requests and keeping first and last times', () => {
    const rows = aggregateObservations([
      seen('news.test', 'cdn.test', at(3, 10)),
      seen('news.test', 'cdn.test', at(3, 9)),
      seen('news.test', 'cdn.test', at(3, 11)),
      seen('news.test', 'ads.test', at(3, 10), 'Ads Co'),
      seen('shop.test', 'cdn.test', at(3, 10)),
      seen('news.test', 'cdn.test', at(4, 8)),
    ]);
    expect(rows).toEqual<ThirdPartyDay[]>([
      { id: 'news.test|2026-03-03|cdn.test', site: 'news.test', day: '2026-03-03', party: 'cdn.test', requests: 3, org: null, category: null, firstAt: at(3, 9), lastAt: at(3, 11) },
      { id: 'news.test|2026-03-03|ads.test', site: 'news.test', day: '2026-03-03', party: 'ads.test', requests: 1, org: 'Ads Co', category: 'site_analytics', firstAt: at(3, 10), lastAt: at(3, 10) },
      { id: 'shop.test|2026-03-03|cdn.test', site: 'shop.test', day: '2026-03-03', party: 'cdn.test', requests: 1, org: null, category: null, firstAt: at(3, 10), lastAt: at(3, 10) },
      { id: 'news.test|2026-03-04|cdn.test', site: 'news.test', day: '2026-03-04', party: 'cdn.test', requests: 1, org: null, category: null, firstAt: at(4, 8), lastAt: at(4, 8) },
    ]);
  });

  it('splits at local midnight', () => {
    const rows = aggregateObservations([seen('a.test', 'b.test', at(3, 23, 59)), seen('a.test', 'b.test', at(4, 0, 0))]);
    expect(rows.map((r) => [r.day, r.requests])).toEqual([['2026-03-03', 1], ['2026-03-04', 1]]);
  });

  it('keeps a million requests as a handful of rows', () => {
    const pending = new Map<string, ThirdPartyDay>();
    for (let i = 0; i < 1_000_000; i++) addObservation(pending, seen(`s${i % 4}.test`, `p${i % 5}.test`, at(3, 12)));
    expect(pending.size).toBe(20);
    expect([...pending.values()].reduce((sum, r) => sum + r.requests, 0)).toBe(1_000_000);
  });
});

describe('mergeThirdParty', () => {
  const row = (requests: number, firstAt: number, lastAt: number, org: string | null): ThirdPartyDay => ({
    id: thirdPartyId('a.test', '2026-03-03', 'b.test'), site: 'a.test', day: '2026-03-03', party: 'b.test', requests, org, category: org && 'advertising', firstAt, lastAt,
  });

  it('starts a row from counted requests it does not share', () => {
    const fresh = row(2, 5, 6, null);
    const merged = mergeThirdParty(undefined, fresh);
    expect(merged).toEqual(fresh);
    merged.requests = 99;
    expect(fresh.requests).toBe(2);
  });

  it('adds counts and widens the times', () => {
    expect(mergeThirdParty(row(4, 10, 20, null), row(3, 5, 15, null))).toEqual(row(7, 5, 20, null));
    expect(mergeThirdParty(row(4, 10, 20, null), row(1, 30, 30, null))).toEqual(row(5, 10, 30, null));
  });

  it('keeps the organisation it has, and takes one when it has none', () => {
    expect(mergeThirdParty(row(1, 1, 1, 'First'), row(1, 2, 2, 'Second'))).toMatchObject({ org: 'First', category: 'advertising' });
    expect(mergeThirdParty(row(1, 1, 1, null), row(1, 2, 2, 'Second'))).toMatchObject({ org: 'Second', category: 'advertising' });
    expect(mergeThirdParty(row(1, 1, 1, 'First'), row(1, 2, 2, null))).toMatchObject({ org: 'First', category: 'advertising' });
  });
});

describe('distinctPairs', () => {
  it('keeps the first row of each site and party', () => {
    const rows = aggregateObservations([seen('a.test', 'b.test', at(3, 1)), seen('a.test', 'b.test', at(4, 1)), seen('a.test', 'c.test', at(4, 1)), seen('d.test', 'b.test', at(4, 1))]);
    expect(distinctPairs(rows).map((r) => r.id)).toEqual(['a.test|2026-03-03|b.test', 'a.test|2026-03-04|c.test', 'd.test|2026-03-04|b.test']);
  });
});
