/**
 * The main flows in Firefox, with each Firefox build: a real banner answered
 * per purpose and verified, the ledger's site row and cookies, the policy
 * summary in the popup, and a request composed from the popup. Needs the
 * builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../core/consent/record';
import type { CookieRecord, LedgerEvent, PolicyRecord, SiteRecord } from '../../core/ledger/records';
import type { Identity } from '../../core/settings/schema';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { readTable, tabIdOf, useProfile, type PageApi } from './support/extensionPage';
import { composerFromPopup, launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1, 10115 Berlin', country: 'DE', accountIds: [] };
const TRACKED_PRIVACY = 'privacy@tracked.test';

/** The consent record the engine keeps for a tab, once it has reached a verdict. */
async function consentVerdict(page: Page, tabId: number): Promise<ConsentRecord> {
  let last: ConsentRecord | undefined;
  await expect
    .poll(async () => {
      const session = await page.evaluate(() => (globalThis as unknown as { browser: PageApi }).browser.storage.session.get(null));
      last = session[`consent.${tabId}`] as ConsentRecord | undefined;
      return last?.outcome ?? 'none';
    }, { timeout: 20_000 })
    .not.toMatch(/^(none|working)$/);
  return last!;
}

/** A cookie the page can read, decoded, once it is there. */
async function pageCookie(page: Page, name: string): Promise<string> {
  await waitInPage(page, `the ${name} cookie`, (n) => document.cookie.split('; ').some((c) => c.startsWith(`${n}=`)), name);
  return page.evaluate((n) => decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith(`${n}=`))!.slice(n.length + 1)), name);
}

describe.each(['firefox-mv2', 'firefox-mv3'])('Main flows in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  /** The extension page the test reads state from. */
  let ext: Page;
  /** The tracked.test tab, kept open for the popup. */
  let tracked: Page;

  /** Opens a fixture site in a tab of its own (navigating away from an extension page does not resolve over BiDi). */
  async function visit(host: string): Promise<{ page: Page; tabId: number }> {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(host, '/'), { waitUntil: 'load' });
    await ext.bringToFront();
    return { page, tabId: await tabIdOf(ext, page.url()) };
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchWithExtension(build);
    ext = firefox.page;
    await openExtensionPage(ext, '/dashboard.html#/data');
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  it('answers Klaro on shop.test per purpose (functional and analytics only), and the ledger says respected', async () => {
    await useProfile(ext, 'functionalAnalytics');
    const { page, tabId } = await visit('shop.test');
    const record = await consentVerdict(ext, tabId);
    expect(record).toMatchObject({ site: 'shop.test', cmp: 'Klaro', method: 'adapter', outcome: 'respected' });
    // Klaro's own record, one entry per service: the profile exactly.
    expect(JSON.parse(await pageCookie(page, 'klaro'))).toEqual({ matomo: true, adnetwork: false, livechat: true });
    expect(await page.$('.klaro .cookie-notice')).toBeNull();
    await page.close();
    await expect
      .poll(async () => (await readTable<LedgerEvent>(ext, 'events')).filter((e) => e.kind === 'consent.answer').map((e) => [e.site, (e.data as { outcome: string }).outcome]))
      .toEqual([['shop.test', 'respected']]);
  });

  it('answers vanilla-cookieconsent on news.test with the same profile', async () => {
    const { page, tabId } = await visit('news.test');
    const record = await consentVerdict(ext, tabId);
    expect(record).toMatchObject({ site: 'news.test', cmp: 'CookieConsent (vanilla)', method: 'adapter', outcome: 'respected' });
    const stored = JSON.parse(await pageCookie(page, 'cc_cookie')) as { categories: string[] };
    expect(stored.categories.sort()).toEqual(['analytics', 'functionality', 'necessary']);
    await page.close();
    const answers = (await readTable<LedgerEvent>(ext, 'events')).filter((e) => e.kind === 'consent.answer' && e.site === 'news.test');
    expect(answers.map((e) => (e.data as { outcome: string }).outcome)).toEqual(['respected']);
  });

  it('logs tracked.test: its site row and the cookies it sets despite the refusal', async () => {
    await useProfile(ext, 'denyOptional', { identity: ana });
    const visited = await visit('tracked.test');
    tracked = visited.page;
    const record = await consentVerdict(ext, visited.tabId);
    expect(record).toMatchObject({ site: 'tracked.test', outcome: 'respected' });
    // Unlike Chromium, Firefox keeps the tracker pixel's plain Set-Cookie on an http page (in the site's partition):
    // the ledger ties trk_uid to tracked.test as a third party. Its name says nothing of its purpose, so no violation.
    const cookies = async () =>
      (await readTable<CookieRecord>(ext, 'cookies'))
        .filter((c) => c.site === 'tracked.test')
        .map((c) => [c.name, c.domain, c.firstParty, c.purpose, c.violation?.purpose ?? null])
        .sort();
    await expect.poll(cookies, { timeout: 15_000 }).toEqual([
      ['_ga', 'tracked.test', true, 'analytics', 'analytics'],
      ['_gid', 'tracked.test', true, 'analytics', 'analytics'],
      ['cc_cookie', 'tracked.test', true, 'necessary', null],
      ['lang', 'tracked.test', true, 'functional', 'functional'],
      ['sessionid', 'tracked.test', true, 'necessary', null],
      ['trk_uid', 'cdn-tracker.test', false, 'unknown', null],
    ]);
    // The site row's counters follow the cookie rows.
    await expect
      .poll(async () => (await readTable<SiteRecord>(ext, 'sites')).find((s) => s.site === 'tracked.test'))
      .toMatchObject({ cookies: 6, violations: 3 });
    const violations = (await readTable<LedgerEvent>(ext, 'events')).filter((e) => e.kind === 'cookie.violation').map((e) => (e.data as { name: string }).name).sort();
    expect(violations).toEqual(['_ga', '_gid', 'lang']);
  });

  it('reads policy.test\'s policy on load and shows its summary in the popup for that tab', async () => {
    const { page, tabId } = await visit('policy.test');
    const policies = async () => (await readTable<PolicyRecord>(ext, 'policies')).filter((p) => p.site === 'policy.test');
    await expect.poll(async () => (await policies()).map((p) => p.status), { timeout: 20_000 }).toEqual(['ok']);
    const [row] = await policies();
    expect(new URL(row!.url).pathname).toBe('/legal/privacy.html');
    expect(row!.summary?.bestContact?.value.value).toBe('privacy@policy.test');

    await openExtensionPage(ext, `/popup.html?tab=${tabId}`);
    await waitInPage(ext, 'the popup for policy.test', () => document.querySelector('[data-testid="popup-site"]')?.textContent === 'policy.test', '');
    await waitInPage(
      ext,
      'the policy card\'s best contact',
      () => document.querySelector('[data-testid="card-policy"] [data-testid="policy-bestContact"]')?.textContent?.includes('privacy@policy.test') === true,
      '',
    );
    expect(await ext.$eval('[data-testid="card-policy"] [data-testid="policy-sale"]', (el) => el.textContent)).toBe('Says it does not sell personal data');
    await page.close();
  });

  it('composes an erasure request from the popup\'s "Delete my data", with the logged facts and a mailto link to the policy\'s address', async () => {
    // tracked.test's footer links its privacy notice: its address becomes the best contact.
    await expect
      .poll(async () => (await readTable<PolicyRecord>(ext, 'policies')).find((p) => p.site === 'tracked.test' && p.summary?.bestContact)?.summary?.bestContact?.value.value, { timeout: 20_000 })
      .toBe(TRACKED_PRIVACY);
    await openExtensionPage(ext, `/popup.html?tab=${await tabIdOf(ext, tracked.url())}`);
    await waitInPage(ext, 'the popup for tracked.test', () => document.querySelector('[data-testid="popup-site"]')?.textContent === 'tracked.test', '');
    const dashboard = await composerFromPopup(firefox, ext);
    expect(await dashboard.evaluate(() => location.hash)).toBe('#/requests?site=tracked.test&type=erasure');
    await waitInPage(dashboard, 'the composer\'s letter', () => document.querySelector('[data-testid="composer-letter"]') !== null, '');
    const text = (testId: string) => dashboard.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');

    expect(await text('composer-contact-value')).toBe(TRACKED_PRIVACY);
    const letter = await text('composer-letter');
    expect(letter).toContain('Ana Weber');
    expect(letter).toContain('ana@example.org');
    expect(letter).toContain('Art. 17');
    for (const cookie of ['_ga', '_gid', 'lang']) expect(letter).toContain(cookie);
    expect(await text('composer-facts')).toMatch(/Cookie _ga \(tracked\.test, Analytics\) set on .* despite your refusal/);

    const subject = await text('composer-subject');
    const url = new URL((await dashboard.$eval('[data-testid="send-mailto"]', (a) => a.getAttribute('href')))!);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe(TRACKED_PRIVACY);
    expect(url.searchParams.get('subject')).toBe(subject);
    expect(url.searchParams.get('body')!.replace(/\r\n/g, '\n')).toBe(letter);
    await dashboard.close();
    await tracked.close();
  });

  it('seals the identity with a passphrase, whose key lives in storage.session: locked after a restart, the composer writes the letter once unlocked', async () => {
    await openExtensionPage(ext, '/dashboard.html#/identity');
    await waitInPage(ext, 'the passphrase form', () => document.querySelector('[data-testid="passphrase-new"]') !== null, '');
    await ext.type('[data-testid="passphrase-new"]', 'harbour lights 42');
    await ext.type('[data-testid="passphrase-repeat"]', 'harbour lights 42');
    await ext.click('[data-testid="passphrase-panel"] button[type="submit"]');
    await waitInPage(ext, 'the identity encrypted', (want) => document.querySelector('[data-testid="passphrase-status"]')?.textContent === want, 'Your identity is now encrypted.');
    const stored = await ext.evaluate(() => (globalThis as unknown as { browser: PageApi }).browser.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain('ana@example.org');
    expect(stored['identity.sealed']).toMatchObject({ format: 'privacy-ledger/identity', cipher: { name: 'AES-GCM' } });

    // A browser restart empties storage.session, where the key was kept.
    await ext.evaluate(() => (globalThis as unknown as { browser: PageApi }).browser.storage.session.clear());
    await openExtensionPage(ext, '/popup.html');
    await openExtensionPage(ext, '/dashboard.html#/requests?site=tracked.test&type=erasure');
    await waitInPage(ext, 'the composer asking to unlock', () => document.querySelector('[data-testid="composer-letter-missing"]') !== null, '');
    expect(await ext.$('[data-testid="composer-letter"]')).toBeNull();
    await ext.type('[data-testid="unlock-passphrase"]', 'harbour lights 42');
    await ext.click('.unlock-form button[type="submit"]');
    await waitInPage(ext, 'the letter signed again', (name) => document.querySelector('[data-testid="composer-letter"]')?.textContent?.includes(name) === true, 'Ana Weber');
    expect(await ext.$eval('[data-testid="composer-letter"]', (el) => el.textContent)).toContain('ana@example.org');
  });
});
