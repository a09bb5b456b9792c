import { afterEach, describe, expect, it } from 'vitest';
import { eraseDatabase, LedgerDatabase, recordVisit } from '../../../platform/db';

let db: LedgerDatabase;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

describe('ledger database', () => {
  it('records visits per registrable domain', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordVisit(db, 'news.test', 1000);
    await recordVisit(db, 'news.test', 3000);
    await recordVisit(db, 'news.test', 2000);
    await expect(db.sites.get('news.test')).resolves.toEqual({ site: 'news.test', firstSeen: 1000, lastSeen: 3000, visits: 3 });
  });

  it('counts concurrent visits without losing any', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordVisit(db, 'a.com', i)));
    expect((await db.sites.get('a.com'))?.visits).toBe(20);
  });

  it('erases every table', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await recordVisit(db, 'a.com', 1);
    await db.events.add({ site: 'a.com', at: 1, kind: 'test', data: {} });
    await db.requests.add({ id: 'r1', site: 'a.com', regime: 'gdpr', type: 'access', status: 'draft', createdAt: 1, sentAt: null, dueAt: null });
    await eraseDatabase(db);
    expect(await Promise.all([db.sites.count(), db.events.count(), db.policies.count(), db.requests.count()])).toEqual([0, 0, 0, 0]);
  });

  it('keeps shipped schema versions exactly as they were shipped', async () => {
    // Versions only append. If this fails, add a new version instead of editing an old one.
    db = new LedgerDatabase(`test-${Math.random()}`);
    await db.open();
    const schema = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    expect(db.verno).toBe(1);
    expect(schema).toEqual({
      sites: 'site, lastSeen, firstSeen, visits',
      events: '++id, [site+at], [kind+at], at',
      policies: '++id, [site+fetchedAt], hash',
      requests: 'id, site, status, dueAt',
    });
  });
});
