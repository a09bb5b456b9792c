/**
 * Firefox smoke test: each Firefox build installs as a temporary add-on, its
 * content script reports a visit that the dashboard then lists, and its pages
 * render. Needs the builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../core/i18n/messages/en.json';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { GECKO_ID } from '../../wxt.config';
import { launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';

/** The WebExtension APIs as an extension page sees them (the page's own `browser`). */
type PageApi = {
  runtime: { id: string };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

/** The host permissions the build declares: `host_permissions` in MV3, inside `permissions` in MV2. */
function declaredOrigins(build: string): string[] {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output', build, 'manifest.json'), 'utf8'));
  const all: string[] = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
  return all.filter((p) => p.includes('://') || p === '<all_urls>');
}

/** Text of the element matching `selector` in the page, once it is there. */
async function textOf(page: Page, selector: string): Promise<string> {
  await waitInPage(page, selector, (s) => document.querySelector(s) !== null, selector);
  return page.$eval(selector, (el) => el.textContent?.trim() ?? '');
}

/** In an extension page: reads the ledger's events into `window.__events` and says whether one of `kind` is there yet. */
function hasEventOfKind(kind: string): boolean {
  const w = window as unknown as { __events?: string[] };
  const open = indexedDB.open('privacy-ledger');
  open.onsuccess = () => {
    const all = open.result.transaction('events').objectStore('events').getAll();
    all.onsuccess = () => { w.__events = (all.result as { kind: string; site: string; data: unknown }[]).map((e) => JSON.stringify([e.site, e.kind, e.data])); };
  };
  return (w.__events ?? []).some((e) => e.includes(kind));
}

describe.each(['firefox-mv2', 'firefox-mv3'])('Firefox smoke: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchWithExtension(build);
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  it('installs as a temporary add-on, with the host permissions it declares granted', async () => {
    expect(firefox.addonId).toBe(GECKO_ID);
    const origins = declaredOrigins(build);
    // The fixture sites are plain http: without this origin the content script cannot run there.
    expect(origins).toContain('http://*/*');
    await openExtensionPage(firefox.page, '/popup.html');
    // The page at our fixed UUID is this add-on, and it holds its host permissions.
    // In MV3 they are optional in Firefox: without them no content script runs.
    const { id, granted } = await firefox.page.evaluate(async (wanted) => {
      const api = (globalThis as unknown as { browser: PageApi }).browser;
      return { id: api.runtime.id, granted: await api.permissions.contains({ origins: wanted }) };
    }, origins);
    expect(id).toBe(GECKO_ID);
    expect(granted).toBe(true);
  });

  it('records a visited site: content script -> background -> IndexedDB -> dashboard', async () => {
    await firefox.page.goto(server.url('news.test', '/'), { waitUntil: 'load' });
    expect(await firefox.page.title()).toBe('The Daily Lantern');
    await openExtensionPage(firefox.page, '/dashboard.html#/sites');
    // The background writes asynchronously and the table follows the database: poll.
    await waitInPage(
      firefox.page,
      'a row for news.test in the sites table',
      (site) => [...document.querySelectorAll('[data-testid="sites-table"] tbody th a')].some((a) => a.textContent === site),
      'news.test',
    );
    const sites = await firefox.page.$$eval('[data-testid="sites-table"] tbody th a', (links) =>
      links.map((a) => ({ site: a.textContent, href: a.getAttribute('href') })),
    );
    expect(sites).toContainEqual({ site: 'news.test', href: '#/sites/news.test' });
  });

  it('answers a real consent banner with the default choice (refuse everything optional)', async () => {
    // A tab of its own: navigating away from an extension page does not resolve over BiDi.
    const shop = await firefox.browser.newPage();
    await shop.goto(server.url('shop.test', '/'), { waitUntil: 'load' });
    // Klaro stores one entry per service in its cookie once answered.
    await waitInPage(shop, 'the klaro cookie', (name) => document.cookie.includes(name), 'klaro=');
    const stored = await shop.evaluate(() => decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('klaro='))!.slice(6)));
    expect(JSON.parse(stored)).toEqual({ matomo: false, adnetwork: false, livechat: false });
    expect(await shop.$('.klaro .cookie-notice')).toBeNull();
    await shop.close();
  });

  it('records the form fields a page asks for, and a permission prompt seen by the main-world watcher', async () => {
    const site = await firefox.browser.newPage();
    await site.goto(server.url('forms.test', '/de.html'), { waitUntil: 'load' });
    // The form report is sent once the page is parsed: wait for its record before leaving.
    await openExtensionPage(firefox.page, '/dashboard.html#/sites');
    await waitInPage(firefox.page, 'a form.fields event', hasEventOfKind, 'form.fields');
    await site.goto(server.url('asks.test', '/'), { waitUntil: 'load' });
    await waitInPage(site, 'the page learning its location answer', () => document.querySelector('#where[data-answer]') !== null, '');
    const answer = await site.$eval('#where', (el) => el.getAttribute('data-answer'));
    await site.close();
    // Extension pages share the background's IndexedDB.
    await openExtensionPage(firefox.page, '/dashboard.html#/sites');
    await waitInPage(firefox.page, 'a permission.prompt event', hasEventOfKind, 'permission.prompt');
    const events = (await firefox.page.evaluate(() => (window as unknown as { __events: string[] }).__events)).map((e) => JSON.parse(e) as [string, string, Record<string, unknown>]);
    const form = events.find(([, kind]) => kind === 'form.fields');
    expect(form?.[0]).toBe('forms.test');
    expect((form?.[2].fields as { kind: string }[]).map((f) => f.kind).sort()).toEqual(['address', 'birthDate', 'email', 'gender', 'name', 'password', 'phone']);
    // Plain http is not a secure context: Firefox refuses the location at once (error 1), and the ledger says so.
    expect(answer).toBe('error-1');
    expect(events.filter(([, kind]) => kind === 'permission.prompt')).toEqual([['asks.test', 'permission.prompt', { url: server.url('asks.test', '/'), permission: 'geolocation', result: 'denied' }]]);
  });

  it('renders the popup with its header, and the dashboard with its brand and navigation', async () => {
    await openExtensionPage(firefox.page, '/popup.html');
    expect(await textOf(firefox.page, '.popup-header .brand')).toBe('Privacy Ledger');

    // Opened after the popup, so the dashboard is a fresh load, not a hash change.
    await openExtensionPage(firefox.page, '/dashboard.html#/sites');
    expect(await textOf(firefox.page, 'nav .sidebar-brand')).toBe('Privacy Ledger');
    const nav = await firefox.page.$$eval('nav ul a', (links) => links.map((a) => [a.getAttribute('href'), a.textContent?.trim()]));
    expect(nav).toEqual([
      ['#/sites', en['nav.sites']],
      ['#/requests', en['nav.requests']],
      ['#/preferences', en['nav.preferences']],
      ['#/identity', en['nav.identity']],
      ['#/data', en['nav.data']],
    ]);
    expect(await firefox.page.$eval('nav a[aria-current="page"]', (a) => a.getAttribute('href'))).toBe('#/sites');
  });
});
