import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { newSite } from '../../../core/ledger/records';
import { eraseDatabase, LedgerDatabase, recordVisit, SCHEMA_V1, updateSite } from '../../../platform/db';

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
    await expect(db.sites.get('news.test')).resolves.toEqual({ ...newSite('news.test', 1000), lastSeen: 3000, visits: 3 });
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
    await db.requests.add({ id: 'r1', site: 'a.com', regime: 'gdpr', type: 'access', status: 'draft', createdAt: 1, sentAt: null, dueAt: null, language: 'en', channel: null, contact: null, subject: 'Access request', body: 'Dear Sir or Madam', dueDate: null, extendedDueDate: null, history: [{ status: 'draft', at: 1 }] });
    await eraseDatabase(db);
    expect(await Promise.all(db.everyTable.map((t) => t.count()))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('keeps shipped schema versions exactly as they were shipped', async () => {
    // Versions only append. If this fails, add a new version instead of editing an old one.
    db = new LedgerDatabase(`test-${Math.random()}`);
    await db.open();
    const schema = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    expect(db.verno).toBe(2);
    expect(SCHEMA_V1).toEqual({
      sites: '&site, lastSeen, firstSeen, visits',
      events: '++id, [site+at], [kind+at], at',
      policies: '++id, [site+fetchedAt], hash',
      requests: '&id, site, status, dueAt',
    });
    expect(schema).toEqual({
      sites: 'site, lastSeen, firstSeen, visits',
      events: '++id, [site+at], [kind+at], at',
      policies: '++id, [site+fetchedAt], hash',
      requests: 'id, site, status, dueAt',
      cookies: 'id, site, [site+lastSetAt], lastSetAt',
      thirdParties: 'id, [site+day], day, party',
    });
  });

  it('upgrades a version 1 database keeping every record', async () => {
    const name = `test-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('sites').bulkPut([
      { site: 'a.com', firstSeen: 1, lastSeen: 5, visits: 3 },
      { site: 'b.vn', firstSeen: 2, lastSeen: 2, visits: 1 },
    ]);
    await v1.table('events').bulkAdd([
      { site: 'a.com', at: 3, kind: 'consent.answer', data: { cmp: 'Klaro' } },
      { site: 'b.vn', at: 2, kind: 'gpc.declaration', data: { declared: false, lastUpdate: null } },
    ]);
    await v1.table('policies').add({ site: 'a.com', url: 'https://a.com/privacy', fetchedAt: 4, hash: 'h', text: 't' });
    await v1.table('requests').add({ id: 'r1', site: 'a.com', regime: 'gdpr', type: 'access', status: 'draft', createdAt: 1, sentAt: null, dueAt: null, language: 'en', channel: null, contact: null, subject: 'Access request', body: 'Dear Sir or Madam', dueDate: null, extendedDueDate: null, history: [{ status: 'draft', at: 1 }] });
    v1.close();

    db = new LedgerDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.sites.orderBy('site').toArray()).toEqual([
      { ...newSite('a.com', 1), lastSeen: 5, visits: 3 },
      { ...newSite('b.vn', 2), visits: 1 },
    ]);
    expect((await db.events.toArray()).map(({ id: _, ...e }) => e)).toEqual([
      { site: 'a.com', at: 3, kind: 'consent.answer', data: { cmp: 'Klaro' } },
      { site: 'b.vn', at: 2, kind: 'gpc.declaration', data: { declared: false, lastUpdate: null } },
    ]);
    expect(await db.policies.count()).toBe(1);
    expect(await db.requests.get('r1')).toMatchObject({ site: 'a.com', status: 'draft' });
    expect(await Promise.all([db.cookies.count(), db.thirdParties.count()])).toEqual([0, 0]);
  });

  it('creates a site row on first update and keeps its dates in order', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await updateSite(db, 'a.com', 50, (row) => { row.cookies += 1; });
    await updateSite(db, 'a.com', 10, (row) => { row.fields = ['email']; });
    expect(await db.sites.get('a.com')).toEqual({ ...newSite('a.com', 10), lastSeen: 50, cookies: 1, fields: ['email'] });
  });
});
