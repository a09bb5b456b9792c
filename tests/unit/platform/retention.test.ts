import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newSite } from '../../../core/ledger/records';
import { dayOf as localDay } from '../../../core/ledger/days';
import { defaultSettings } from '../../../core/settings/defaults';
import { database, eraseDatabase, LedgerDatabase } from '../../../platform/db';
import { applyRetention, pruneLedger, RETENTION_ALARM, startRetention } from '../../../platform/ledger/retention';
import { saveSettings } from '../../../platform/settingsStorage';
import { cookie, thirdParty } from '../../support/ledgerRows';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 15, 12);
const CUTOFF = NOW - 30 * DAY;
const OLD = CUTOFF - 5 * DAY;
const NEW = CUTOFF + 5 * DAY;

let db: LedgerDatabase;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

/** Rows on both sides of the cutoff: old.test has only old rows, mixed.test both, policy.test an old policy. */
async function seed(target: LedgerDatabase): Promise<void> {
  await target.sites.bulkPut([
    { ...newSite('old.test', OLD), visits: 2, cookies: 1, thirdParties: 1 },
    { ...newSite('mixed.test', OLD), lastSeen: NEW, visits: 9, cookies: 3, violations: 1, thirdParties: 2 },
    { ...newSite('policy.test', OLD), visits: 1 },
    { ...newSite('quiet.test', OLD), visits: 1 },
  ]);
  await target.events.bulkAdd([
    ...Array.from({ length: 5 }, (_, i) => ({ site: 'old.test', at: OLD + i, kind: 'consent.answer', data: { i } })),
    ...Array.from({ length: 5 }, (_, i) => ({ site: 'mixed.test', at: OLD + i, kind: 'consent.answer', data: { i } })),
    { site: 'mixed.test', at: NEW, kind: 'consent.answer', data: {} },
  ]);
  await target.cookies.bulkPut([
    cookie('old.test', 'a', OLD),
    cookie('mixed.test', 'gone', OLD, { violation: { at: OLD, purpose: 'analytics', refusedAt: OLD } }),
    cookie('mixed.test', 'kept', OLD, { lastSetAt: NEW }),
    cookie('mixed.test', 'fresh', NEW),
  ]);
  await target.thirdParties.bulkPut([
    thirdParty('old.test', localDay(OLD), 't.example', OLD),
    thirdParty('mixed.test', localDay(OLD), 'gone.example', OLD),
    thirdParty('mixed.test', localDay(NEW), 't.example', NEW),
  ]);
  await target.policies.add({ site: 'policy.test', url: 'https://policy.test/p', fetchedAt: OLD, hash: 'h', text: 't' });
}

describe('retention', () => {
  it('deletes what is older than the cutoff in batches, recounts sites, and drops sites with nothing left', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await seed(db);
    const counts = await pruneLedger(db, CUTOFF, 2);
    expect(counts).toEqual({ events: 10, cookies: 2, thirdParties: 2, sites: 2 });
    expect((await db.sites.toCollection().primaryKeys()).sort()).toEqual(['mixed.test', 'policy.test']);
    expect(await db.sites.get('mixed.test')).toMatchObject({ visits: 9, cookies: 2, violations: 0, thirdParties: 1 });
    expect(await db.events.toArray()).toEqual([expect.objectContaining({ site: 'mixed.test', at: NEW })]);
    expect((await db.cookies.toArray()).map((c) => c.name).sort()).toEqual(['fresh', 'kept']);
    expect(await db.thirdParties.toArray()).toEqual([expect.objectContaining({ party: 't.example', site: 'mixed.test' })]);
    expect(await db.policies.count()).toBe(1);
  });

  it('reads what a site asked for again from the form and permission events left', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await db.sites.put({ ...newSite('asks.test', OLD), lastSeen: NEW, fields: ['email', 'phone', 'card'], permissions: ['geolocation', 'camera'] });
    const form = (at: number, kinds: string[]) => ({ site: 'asks.test', at, kind: 'form.fields', data: { url: 'http://asks.test/', fields: kinds.map((kind) => ({ kind, via: 'type', hint: kind })), insecureSubmit: false } });
    const prompt = (at: number, permission: string) => ({ site: 'asks.test', at, kind: 'permission.prompt', data: { url: 'http://asks.test/', permission, result: 'denied' } });
    await db.events.bulkAdd([form(OLD, ['card', 'email']), form(NEW, ['phone', 'email']), prompt(OLD, 'camera'), prompt(NEW, 'geolocation')]);
    await pruneLedger(db, CUTOFF);
    expect(await db.sites.get('asks.test')).toMatchObject({ fields: ['email', 'phone'], permissions: ['geolocation'] });
  });

  it('deletes nothing when everything is newer, and running twice changes nothing more', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    await seed(db);
    expect(await pruneLedger(db, OLD - DAY)).toEqual({ events: 0, cookies: 0, thirdParties: 0, sites: 0 });
    await pruneLedger(db, CUTOFF);
    expect(await pruneLedger(db, CUTOFF)).toEqual({ events: 0, cookies: 0, thirdParties: 0, sites: 0 });
  });

  it('follows the setting: forever keeps everything, a shorter time prunes', async () => {
    const shared = database();
    await eraseDatabase(shared);
    const now = Date.now();
    await shared.events.bulkAdd([
      { site: 'a.test', at: now - 100 * DAY, kind: 'k', data: 1 },
      { site: 'a.test', at: now - DAY, kind: 'k', data: 2 },
    ]);
    await saveSettings({ ...defaultSettings(), ledgerRetentionDays: null });
    await applyRetention(shared);
    expect(await shared.events.count()).toBe(2);
    await saveSettings({ ...defaultSettings(), ledgerRetentionDays: 90 });
    await applyRetention(shared);
    expect((await shared.events.toArray()).map((e) => e.data)).toEqual([2]);
  });

  it('schedules a daily run and prunes when the setting changes', async () => {
    const shared = database();
    await eraseDatabase(shared);
    await saveSettings({ ...defaultSettings(), ledgerRetentionDays: null });
    startRetention();
    await applyRetention(shared); // waits for the start-up run
    expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: 24 * 60 });
    await shared.events.add({ site: 'a.test', at: Date.now() - 40 * DAY, kind: 'k', data: null });
    await saveSettings({ ...defaultSettings(), ledgerRetentionDays: 30 });
    await expect.poll(() => shared.events.count()).toBe(0);
    await shared.events.add({ site: 'a.test', at: Date.now() - 40 * DAY, kind: 'k', data: null });
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(RETENTION_ALARM))!);
    await expect.poll(() => shared.events.count()).toBe(0);
  });
});
