import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../core/consent/record';
import type { CookieRecord, LedgerEvent, SiteRecord } from '../../core/ledger/records';
import { useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';
import { until } from '../../scripts/lib/until';
import { readStorage } from '../../scripts/lib/workerState';

/** What tracked.test sets itself once its banner is answered, whatever the answer, and its CMP's own record. */
const FIRST_PARTY = ['_ga', '_gid', 'lang', 'sessionid', 'cc_cookie'];

const byName = (rows: CookieRecord[]) => Object.fromEntries(rows.map((r) => [r.name, r]));

/** The ledger rows of tracked.test, once every cookie it sets itself is recorded. */
async function trackedRows(h: Harness, violations: number): Promise<Record<string, CookieRecord>> {
  return until(`tracked.test's ${FIRST_PARTY.length} cookies and ${violations} violations in the ledger`, async () => {
    const rows = (await h.table<CookieRecord>('cookies')).filter((r) => r.site === 'tracked.test');
    const found = byName(rows);
    const complete = FIRST_PARTY.every((n) => found[n]) && rows.filter((r) => r.violation).length === violations;
    return complete ? found : null;
  });
}

async function site(h: Harness): Promise<SiteRecord | undefined> {
  return (await h.table<SiteRecord>('sites')).find((s) => s.site === 'tracked.test');
}

async function violationEvents(h: Harness): Promise<LedgerEvent[]> {
  return (await h.table<LedgerEvent>('events')).filter((e) => e.kind === 'cookie.violation').sort((a, b) => String((a.data as { name: string }).name).localeCompare(String((b.data as { name: string }).name)));
}

/** Did the page really ask for the tracker's pixel? The browser's own record of what it loaded. */
const loadedTracker = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => new URL(e.name).hostname === 'cdn-tracker.test'));

describe('a page that sets analytics cookies after the user refused analytics', () => {
  let h: Harness;
  let page: Page;
  let record: ConsentRecord;
  let rows: Record<string, CookieRecord>;
  beforeAll(async () => {
    h = await startHarness();
    await useProfile(h, 'denyOptional');
    ({ page, record } = await visit(h, 'tracked.test'));
    rows = await trackedRows(h, 3);
  });
  afterAll(async () => h?.shutdown());

  it('refused analytics, functional and advertising on the banner', () => {
    expect(record).toMatchObject({ site: 'tracked.test', outcome: 'respected', method: 'adapter' });
    expect(record.intent?.purposes).toMatchObject({ analytics: false, functional: false, advertising: false });
  });

  it('records _ga and _gid as analytics cookies set against the refusal, and lang as functional', () => {
    for (const name of ['_ga', '_gid']) {
      expect(rows[name]).toMatchObject({ site: 'tracked.test', domain: 'tracked.test', purpose: 'analytics', firstParty: true, times: 1 });
      expect(rows[name]!.violation).toEqual({ at: rows[name]!.firstSetAt, purpose: 'analytics', refusedAt: record.startedAt });
      expect(rows[name]!.violation!.at).toBeGreaterThan(record.startedAt);
    }
    expect(rows.lang).toMatchObject({ purpose: 'functional', violation: { purpose: 'functional', refusedAt: record.startedAt } });
  });

  it('records necessary cookies without a violation: the session id and the CMP record', () => {
    expect(rows.sessionid).toMatchObject({ purpose: 'necessary', violation: null });
    expect(rows.cc_cookie).toMatchObject({ purpose: 'necessary', violation: null });
  });

  it('tells session cookies from persistent ones, with their lifetime', () => {
    expect(rows.sessionid).toMatchObject({ session: true, lifetimeDays: null });
    // The page asks two years for _ga; Chromium caps cookie lifetimes at 400 days.
    expect(rows._ga).toMatchObject({ session: false, lifetimeDays: 400 });
    expect(rows._gid).toMatchObject({ session: false, lifetimeDays: 1 });
    expect(rows.lang).toMatchObject({ session: false, lifetimeDays: 365 });
  });

  it('counts the cookies and the violations on the site row', async () => {
    expect(await site(h)).toMatchObject({ cookies: FIRST_PARTY.length, violations: 3 });
  });

  it('writes one cookie.violation event per cookie, with its evidence', async () => {
    const events = await violationEvents(h);
    expect(events.map((e) => [e.site, e.data])).toEqual([
      ['tracked.test', { name: '_ga', domain: 'tracked.test', purpose: 'analytics', refusedAt: record.startedAt, firstParty: true }],
      ['tracked.test', { name: '_gid', domain: 'tracked.test', purpose: 'analytics', refusedAt: record.startedAt, firstParty: true }],
      ['tracked.test', { name: 'lang', domain: 'tracked.test', purpose: 'functional', refusedAt: record.startedAt, firstParty: true }],
    ]);
    expect(events.every((e) => e.at > record.startedAt)).toBe(true);
  });

  it("records the tracker's Set-Cookie exactly as the browser handled it: Chromium refuses third-party cookies over http", async () => {
    expect(await loadedTracker(page)).toBe(true);
    const jar = await h.context.cookies();
    const ledger = await h.table<CookieRecord>('cookies');
    expect(jar.filter((c) => c.domain.endsWith('cdn-tracker.test'))).toEqual([]);
    expect(ledger.filter((r) => r.domain.endsWith('cdn-tracker.test'))).toEqual([]);
  });

  it('ties a cookie of a domain the page loaded from to the page\'s site, as a third party', async () => {
    // The fixtures are plain http, where the browser refuses third-party Set-Cookie (above); the browser's own
    // cookie store stands in for the tracker's response here, while the page that loaded its pixel is open.
    const expires = Math.round(Date.now() / 1000) + 30 * 86_400;
    await h.context.addCookies([{ name: 'cto_bidid', value: 'b1d', domain: 'cdn-tracker.test', path: '/', expires, sameSite: 'Lax' }]);
    const row = await until('the tracker cookie in the ledger', async () =>
      (await h.table<CookieRecord>('cookies')).find((r) => r.name === 'cto_bidid'),
    );
    expect(row).toMatchObject({
      id: 'tracked.test|cdn-tracker.test|cto_bidid', site: 'tracked.test', domain: 'cdn-tracker.test', firstParty: false,
      session: false, purpose: 'advertising', violation: { purpose: 'advertising', refusedAt: record.startedAt },
    });
    expect(row.lifetimeDays).toBeGreaterThan(29.9);
    expect(row.lifetimeDays).toBeLessThanOrEqual(30);
    expect(await site(h)).toMatchObject({ cookies: FIRST_PARTY.length + 1, violations: 4 });
    expect((await violationEvents(h)).find((e) => (e.data as { name: string }).name === 'cto_bidid')?.data).toMatchObject({ firstParty: false, purpose: 'advertising' });
  });

  it("still ties a third party's cookie to the page after the background slept and woke", async () => {
    await until('the tracker noted as a party the open page contacted', async () => {
      const session = await readStorage(await h.worker(), 'session');
      const kept = Object.entries(session).filter(([key]) => key.startsWith('contacts.')).map(([, lists]) => lists as Record<string, string[]>);
      return kept.some((lists) => lists['tracked.test']?.includes('cdn-tracker.test')) || null;
    });
    await h.stopWorker();
    // The background starts again with an empty memory; the page's request to the tracker came before.
    const expires = Math.round(Date.now() / 1000) + 86_400;
    await h.context.addCookies([{ name: 'cto_woken', value: 'w', domain: 'cdn-tracker.test', path: '/', expires, sameSite: 'Lax' }]);
    const row = await until('the cookie set while the background slept in the ledger', async () =>
      (await h.table<CookieRecord>('cookies')).find((r) => r.name === 'cto_woken'),
    );
    expect(row).toMatchObject({ id: 'tracked.test|cdn-tracker.test|cto_woken', site: 'tracked.test', firstParty: false });
  });

  it("leaves nothing of the site after Erase this site, not even the page's last request counted just before", async () => {
    const dashboard = await h.openExtensionPage('dashboard.html#/sites/tracked.test');
    await dashboard.getByRole('button', { name: 'Erase this site…' }).click();
    // The page is quiet by now: one more request to the tracker starts a new two-second batch of counts.
    // Loaded, so the browser told the background of the request before the erase below is sent.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const pixel = Object.assign(document.createElement('img'), { alt: '', src: `http://cdn-tracker.test:${location.port}/pixel.svg?last=${Date.now()}` });
          pixel.onload = resolve;
          pixel.onerror = reject;
          document.body.append(pixel);
        }),
    );
    await page.close();
    await dashboard.getByRole('button', { name: 'Yes, erase this site' }).click();
    await dashboard.getByText('Everything recorded about tracked.test was erased.').waitFor();
    // Longer than the third-party batch (FLUSH_MS, 2 s) and the cookie bursts: what was held has had its chance to be written.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await site(h)).toBeUndefined();
    for (const table of ['thirdParties', 'cookies', 'events']) {
      expect((await h.table<{ site: string }>(table)).filter((r) => r.site === 'tracked.test'), table).toEqual([]);
    }
  });
});

describe('the same page after the user accepted everything', () => {
  let h: Harness;
  let record: ConsentRecord;
  beforeAll(async () => {
    h = await startHarness();
    await useProfile(h, 'acceptAll');
    ({ record } = await visit(h, 'tracked.test'));
  });
  afterAll(async () => h?.shutdown());

  it('records every cookie and no violation', async () => {
    expect(record).toMatchObject({ outcome: 'respected' });
    expect(record.intent?.purposes).toMatchObject({ analytics: true, functional: true, advertising: true });
    const rows = await trackedRows(h, 0);
    expect(Object.values(rows).map((r) => [r.name, r.purpose, r.firstParty, r.violation]).sort()).toEqual([
      ['_ga', 'analytics', true, null],
      ['_gid', 'analytics', true, null],
      ['cc_cookie', 'necessary', true, null],
      ['lang', 'functional', true, null],
      ['sessionid', 'necessary', true, null],
    ]);
    expect(await site(h)).toMatchObject({ cookies: FIRST_PARTY.length, violations: 0 });
    expect(await violationEvents(h)).toEqual([]);
  });
});
