import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allPurposes } from '../../../core/consent/purposes';
import type { ConsentRecord } from '../../../core/consent/record';
import type { CookieRecord, LedgerEvent } from '../../../core/ledger/records';
import { defaultSettings } from '../../../core/settings/defaults';
import type { Settings } from '../../../core/settings/schema';
import { LedgerDatabase } from '../../../platform/db';
import type { OpenTab, SetCookie } from '../../../core/ledger/cookies/attribution';
import { createCookieWatch, setCookieOf } from '../../../platform/ledger/cookieWatch';

let db: LedgerDatabase;
let settings: Settings;
let tabs: OpenTab[];
let contactedBy: Record<number, string[]>;
const watch = () =>
  createCookieWatch({ db, settings: async () => settings, openTabs: async () => tabs, contacted: async (id) => new Set(contactedBy[id] ?? []) });

beforeEach(() => {
  db = new LedgerDatabase(`test-${Math.random()}`);
  settings = { ...defaultSettings(), onboarded: true };
  tabs = [{ tabId: 1, site: 'tracked.test' }];
  contactedBy = {};
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The engine's record of an answer on tracked.test, as `consent.answer` stores it. */
async function answered(at: number, purposes = allPurposes(false), outcome: ConsentRecord['outcome'] = 'respected'): Promise<void> {
  const data: ConsentRecord = {
    site: 'tracked.test', frameUrl: 'http://tracked.test/', cmp: 'CookieConsent (vanilla)', adapterId: 'cookieconsent', asked: null,
    intent: { purposes, legitimateInterest: 'object', source: 'preferences' }, method: 'adapter', fallback: false, reason: null,
    stored: null, verdict: null, outcome, startedAt: at, durationMs: 40,
  };
  await db.events.add({ site: 'tracked.test', at, kind: 'consent.answer', data });
}

const cookie = (name: string, at: number, over: Partial<SetCookie> = {}): SetCookie => ({
  domain: 'tracked.test', name, expiresAt: at + 400 * 86_400_000, at, partitionSite: null, ...over,
});
const rows = () => db.cookies.toArray();
const row = (id: string) => db.cookies.get(id) as Promise<CookieRecord>;
const violations = async () => (await db.events.toArray()).filter((e: LedgerEvent) => e.kind === 'cookie.violation');

describe('the cookie ledger', () => {
  it('records an analytics cookie set after the user refused analytics as a violation, with its evidence', async () => {
    await answered(1000);
    const w = watch();
    w.seen(cookie('_ga', 2000));
    w.seen(cookie('sessionid', 2001, { expiresAt: null }));
    await w.flush();
    expect(await row('tracked.test|tracked.test|_ga')).toEqual({
      id: 'tracked.test|tracked.test|_ga', site: 'tracked.test', domain: 'tracked.test', name: '_ga', firstParty: true, session: false,
      lifetimeDays: 400, purpose: 'analytics', firstSetAt: 2000, lastSetAt: 2000, times: 1,
      violation: { at: 2000, purpose: 'analytics', refusedAt: 1000 },
    });
    expect(await row('tracked.test|tracked.test|sessionid')).toMatchObject({ purpose: 'necessary', session: true, lifetimeDays: null, violation: null });
    expect(await db.sites.get('tracked.test')).toMatchObject({ cookies: 2, violations: 1 });
    expect(await violations()).toEqual([
      { id: expect.any(Number), site: 'tracked.test', at: 2000, kind: 'cookie.violation', data: { name: '_ga', domain: 'tracked.test', purpose: 'analytics', refusedAt: 1000, firstParty: true } },
    ]);
  });

  it('keeps one row per site and cookie however often it is set, and reports its violation once', async () => {
    await answered(1000);
    const w = watch();
    for (let i = 0; i < 5; i++) w.seen(cookie('_gid', 2000 + i));
    await w.flush();
    w.seen(cookie('_gid', 3000));
    await w.flush();
    expect(await rows()).toHaveLength(1);
    expect(await row('tracked.test|tracked.test|_gid')).toMatchObject({ times: 6, firstSetAt: 2000, lastSetAt: 3000, violation: { at: 2000 } });
    expect(await db.sites.get('tracked.test')).toMatchObject({ cookies: 1, violations: 1 });
    expect(await violations()).toHaveLength(1);
  });

  it('writes a burst of cookies from several sites, counting each site apart', async () => {
    tabs = [{ tabId: 1, site: 'tracked.test' }, { tabId: 2, site: 'other.test' }];
    const w = watch();
    for (let i = 0; i < 40; i++) w.seen(cookie(`c${i}`, 5000 + i, { domain: i % 2 ? 'tracked.test' : 'www.other.test' }));
    await w.flush();
    expect(await rows()).toHaveLength(40);
    expect(await db.sites.get('tracked.test')).toMatchObject({ cookies: 20, violations: 0 });
    expect(await db.sites.get('other.test')).toMatchObject({ cookies: 20, violations: 0 });
  });

  it('does not flag cookies set before the refusal, nor purposes the user allowed', async () => {
    const w = watch();
    w.seen(cookie('_ga', 500));
    await w.flush();
    await answered(1000, { ...allPurposes(false), functional: true });
    await w.answered('tracked.test');
    w.seen(cookie('lang', 2000));
    w.seen(cookie('__cf_bm', 2000));
    w.seen(cookie('mystery', 2000));
    await w.flush();
    expect((await rows()).map((r) => [r.name, r.purpose, r.violation])).toEqual([
      ['__cf_bm', 'necessary', null],
      ['_ga', 'analytics', null],
      ['lang', 'functional', null],
      ['mystery', 'unknown', null],
    ]);
    expect(await violations()).toEqual([]);
  });

  it('flags cookies set while the answer was still being verified, once the answer is recorded', async () => {
    const w = watch();
    // The page's CMP fires its callback as soon as the choice is applied; the engine records the answer a moment later.
    w.seen(cookie('_ga', 1100));
    await w.flush();
    expect((await row('tracked.test|tracked.test|_ga')).violation).toBeNull();
    await answered(1000);
    await w.answered('tracked.test');
    expect((await row('tracked.test|tracked.test|_ga')).violation).toEqual({ at: 1100, purpose: 'analytics', refusedAt: 1000 });
    expect(await db.sites.get('tracked.test')).toMatchObject({ cookies: 1, violations: 1 });
    expect(await violations()).toHaveLength(1);
  });

  it('judges by the latest answer: a later acceptance ends an earlier refusal, a failed answer does not', async () => {
    await answered(1000);
    await answered(1500, allPurposes(true));
    await answered(1800, allPurposes(true), 'failed');
    const w = watch();
    w.seen(cookie('_ga', 2000));
    await w.flush();
    expect((await row('tracked.test|tracked.test|_ga')).violation).toBeNull();
  });

  it('attributes a third-party cookie to the sites whose pages contacted its domain', async () => {
    await answered(1000);
    tabs = [{ tabId: 1, site: 'tracked.test' }, { tabId: 2, site: 'quiet.test' }];
    contactedBy = { 1: ['tracked.test', 'cdn-tracker.test'], 2: ['quiet.test'] };
    const w = watch();
    w.seen(cookie('IDE', 2000, { domain: 'ads.cdn-tracker.test' }));
    w.seen(cookie('_fbp', 2000, { domain: 'cdn-tracker.test' }));
    await w.flush();
    expect((await rows()).map((r) => [r.id, r.firstParty, r.purpose, r.violation?.purpose ?? null])).toEqual([
      ['tracked.test|ads.cdn-tracker.test|IDE', false, 'unknown', null],
      ['tracked.test|cdn-tracker.test|_fbp', false, 'advertising', 'advertising'],
    ]);
    expect((await violations())[0]?.data).toMatchObject({ name: '_fbp', firstParty: false });
  });

  it('puts a partitioned cookie under the top-level site the browser partitioned it for', async () => {
    tabs = [];
    const w = watch();
    w.seen(cookie('_fbp', 2000, { domain: 'cdn-tracker.test', partitionSite: 'http://tracked.test' }));
    await w.flush();
    expect((await rows()).map((r) => [r.id, r.firstParty])).toEqual([['tracked.test|cdn-tracker.test|_fbp', false]]);
  });

  it('records no cookie it cannot tie to an open site, after looking again', async () => {
    let asked = 0;
    const w = createCookieWatch({ db, settings: async () => settings, openTabs: async () => tabs, contacted: async () => (asked++, new Set()) });
    w.seen(cookie('_fbp', 2000, { domain: 'cdn-tracker.test' }));
    for (let i = 0; i < 3; i++) await w.flush();
    expect(asked).toBe(3);
    expect(await rows()).toEqual([]);
  });

  it('ignores cookies while the extension is paused, everywhere or on the site', async () => {
    await answered(1000);
    settings = { ...settings, paused: true };
    const w = watch();
    w.seen(cookie('_ga', 2000));
    await w.flush();
    settings = { ...settings, paused: false, pausedSites: ['tracked.test'] };
    w.seen(cookie('_ga', 2100));
    await w.flush();
    expect(await rows()).toEqual([]);
    expect(await db.sites.get('tracked.test')).toBeUndefined();
  });

  it("hands no cookie to a paused site, nor a paused site's own cookies to other sites that contacted it", async () => {
    settings = { ...settings, pausedSites: ['cdn-tracker.test', 'paused.test'] };
    tabs = [{ tabId: 1, site: 'tracked.test' }, { tabId: 2, site: 'cdn-tracker.test' }, { tabId: 3, site: 'paused.test' }];
    const w = createCookieWatch({
      db, settings: async () => settings, openTabs: async () => tabs,
      contacted: async (id) => new Set(id === 1 ? ['cdn-tracker.test', 'ads.test'] : ['ads.test']),
    });
    w.seen(cookie('_fbp', 2000, { domain: 'cdn-tracker.test' }));
    w.seen(cookie('uid', 2000, { domain: 'ads.test' }));
    await w.flush();
    expect((await rows()).map((r) => r.id)).toEqual(['tracked.test|ads.test|uid']);
  });
});

describe('an erase while cookies wait to be written', () => {
  it("writes none of the erased site's cookies seen before the erase, and keeps other sites' and later ones", async () => {
    tabs = [{ tabId: 1, site: 'tracked.test' }, { tabId: 2, site: 'other.test' }];
    const w = watch();
    w.seen(cookie('_ga', 2000));
    w.seen(cookie('pref', 2000, { domain: 'other.test' }));
    await w.erasing('tracked.test');
    w.seen(cookie('_gid', 3000));
    await w.flush();
    expect((await rows()).map((r) => r.id).sort()).toEqual(['other.test|other.test|pref', 'tracked.test|tracked.test|_gid']);
  });

  it('writes no cookie seen before Erase everything, whatever site it turns out to be for', async () => {
    tabs = [{ tabId: 1, site: 'tracked.test' }, { tabId: 2, site: 'other.test' }];
    const w = watch();
    w.seen(cookie('_ga', 2000));
    w.seen(cookie('pref', 2000, { domain: 'other.test' }));
    await w.erasing(null);
    await w.flush();
    expect(await rows()).toEqual([]);
    w.seen(cookie('pref', 3000, { domain: 'other.test' }));
    await w.flush();
    expect((await rows()).map((r) => r.id)).toEqual(['other.test|other.test|pref']);
  });

  it('drops a third-party cookie that was waiting to be tied to its page when that site is erased', async () => {
    const w = watch();
    w.seen(cookie('_fbp', 2000, { domain: 'cdn-tracker.test' }));
    await w.erasing('tracked.test');
    // Not tied yet: the page's request to the tracker is not noted. It waits to be looked at again.
    await w.flush();
    contactedBy = { 1: ['cdn-tracker.test'] };
    await w.flush();
    expect(await rows()).toEqual([]);
    // Cookies seen after the erase are the page's again.
    w.seen(cookie('_fbp', 4000, { domain: 'cdn-tracker.test' }));
    await w.flush();
    expect((await rows()).map((r) => r.id)).toEqual(['tracked.test|cdn-tracker.test|_fbp']);
  });

  it('settles only once the write under way is done, so the erase comes after it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const w = createCookieWatch({
      db, settings: async () => settings, openTabs: async () => (await held, tabs), contacted: async () => new Set<string>(),
    });
    w.seen(cookie('_ga', 2000));
    void w.flush();
    let settled = false;
    const erasing = w.erasing('tracked.test').then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await erasing;
    expect(await rows()).toEqual([]);
  });

  it("reads the site's answer again after an erase: a refusal erased with it flags nothing", async () => {
    await answered(1000);
    const w = watch();
    w.seen(cookie('_ga', 2000));
    await w.flush();
    expect(await violations()).toHaveLength(1);
    await db.events.clear();
    await db.cookies.clear();
    await w.erasing('tracked.test');
    w.seen(cookie('_gid', 3000));
    await w.flush();
    expect(await row('tracked.test|tracked.test|_gid')).toMatchObject({ violation: null });
    expect(await violations()).toEqual([]);
  });
});

describe('setCookieOf', () => {
  it('reads the browser cookie in the ledger terms', () => {
    expect(setCookieOf({ name: '_ga', domain: '.tracked.test', session: false, expirationDate: 1_800_000_000.5 }, 7)).toEqual({
      domain: 'tracked.test', name: '_ga', expiresAt: 1_800_000_000_500, at: 7, partitionSite: null,
    });
    expect(setCookieOf({ name: 's', domain: 'tracked.test', session: true, partitionKey: { topLevelSite: 'https://a.test' } }, 7)).toMatchObject({
      expiresAt: null, partitionSite: 'https://a.test',
    });
  });
});
