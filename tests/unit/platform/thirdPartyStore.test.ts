import { afterEach, describe, expect, it } from 'vitest';
import { aggregateObservations, type ThirdPartyObservation } from '../../../core/ledger/thirdParties';
import { LedgerDatabase } from '../../../platform/db';
import { recordThirdParties } from '../../../platform/ledger/thirdPartyStore';

let db: LedgerDatabase;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const DAY1 = new Date(2026, 0, 10, 9, 0).getTime();
const DAY2 = new Date(2026, 0, 11, 9, 0).getTime();
const seen = (site: string, party: string, at: number, org: string | null = null): ThirdPartyObservation => ({
  site, party, at, org, category: org ? 'advertising' : null,
});
const batch = (...observations: ThirdPartyObservation[]) => aggregateObservations(observations);

describe('recordThirdParties', () => {
  it('adds counts to the row of the same site, day and party, and counts each party once per site', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY1), seen('a.test', 'cdn.test', DAY1 + 5), seen('a.test', 'ads.test', DAY1, 'Ads Co')));
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY1 + 10)));
    const rows = await db.thirdParties.orderBy('id').toArray();
    expect(rows.map((r) => [r.id, r.requests, r.org, r.firstAt, r.lastAt])).toEqual([
      ['a.test|2026-01-10|ads.test', 1, 'Ads Co', DAY1, DAY1],
      ['a.test|2026-01-10|cdn.test', 3, null, DAY1, DAY1 + 10],
    ]);
    expect((await db.sites.get('a.test'))?.thirdParties).toBe(2);
  });

  it('does not count a party again on a later day, and counts a new one', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY1)));
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY2), seen('a.test', 'new.test', DAY2)));
    expect(await db.thirdParties.count()).toBe(3);
    expect((await db.sites.get('a.test'))?.thirdParties).toBe(2);
  });

  it('counts a party once even when one batch holds it on two days', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY1), seen('a.test', 'cdn.test', DAY2)));
    expect((await db.sites.get('a.test'))?.thirdParties).toBe(1);
  });

  it("keeps sites apart: one site's party is new to another site", async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    // Sites whose names sort around each other, so the primary-key seek must stop at the right prefix.
    for (const site of ['a.test', 'b.test', 'ab.test', 'a.tes', 'c.test']) await recordThirdParties(db, batch(seen(site, 'cdn.test', DAY1)));
    await recordThirdParties(db, batch(seen('b.test', 'cdn.test', DAY2), seen('bb.test', 'cdn.test', DAY2), seen('a.test', 'other.test', DAY2)));
    const counts = Object.fromEntries((await db.sites.toArray()).map((s) => [s.site, s.thirdParties]));
    expect(counts).toEqual({ 'a.tes': 1, 'a.test': 2, 'ab.test': 1, 'b.test': 1, 'bb.test': 1, 'c.test': 1 });
  });

  it('fills in the organisation when a later request names it', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY1)));
    await recordThirdParties(db, batch(seen('a.test', 'cdn.test', DAY1 + 1, 'CDN Inc')));
    expect(await db.thirdParties.get('a.test|2026-01-10|cdn.test')).toMatchObject({ requests: 2, org: 'CDN Inc', category: 'advertising' });
  });

  it('writes nothing for an empty batch', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordThirdParties(db, []);
    expect(await db.sites.count()).toBe(0);
  });

  it('stays exact with many sites and parties written in batches', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    const sites = Array.from({ length: 60 }, (_, i) => `site${i}.test`);
    const parties = Array.from({ length: 25 }, (_, i) => `party${i}.test`);
    for (const at of [DAY1, DAY2, DAY2 + 1]) {
      await recordThirdParties(db, batch(...sites.flatMap((site, s) => parties.filter((_, p) => (s + p) % 3 !== 0 || at !== DAY1).map((party) => seen(site, party, at)))));
    }
    const rows = await db.thirdParties.toArray();
    // Day 1 skips a third of the pairs; day 2 has every pair, twice.
    expect(rows.filter((r) => r.day === '2026-01-10')).toHaveLength(1000);
    expect(rows.filter((r) => r.day === '2026-01-11')).toHaveLength(60 * 25);
    expect(new Set((await db.sites.toArray()).map((s) => s.thirdParties))).toEqual(new Set([25]));
    expect(rows.filter((r) => r.day === '2026-01-11').every((r) => r.requests === 2)).toBe(true);
  });
});
