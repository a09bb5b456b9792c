/**
 * Nothing leaves the device, in Firefox ESR with both builds, as far as
 * Firefox lets a test see. WebDriver BiDi reports the requests of tabs and of
 * the extension's pages, each with its browsing context, but not those of the
 * extension's background (it is no browsing context BiDi knows; tried: its
 * gpc.json and policy fetches never appear). So the background is judged at
 * the other end: every request the fixture server receives that no tab or
 * extension page made is the background's, and must be one it is allowed to
 * make. A request of the background to a host other than the fixture sites
 * would fail to resolve offline and is not seen by either; see docs/security.md.
 * Needs the builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PolicyRecord } from '../../core/ledger/records';
import { defaultSettings } from '../../core/settings/defaults';
import type { Settings } from '../../core/settings/schema';
import { startFixtureServer, type FixtureServer, type ReceivedRequest } from '../../scripts/lib/fixtureServer';
import { rowsInExtension } from '../../scripts/lib/workerState';
import { PROFILE_PURPOSES } from '../support/profiles';
import { EXTENSION_UUID, launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';

type Bidi = {
  on(event: string, cb: (e: { context?: string | null; request: { url: string; method: string } }) => void): void;
  send(method: string, params: object): Promise<{ result: { contexts: { context: string; url: string; children?: unknown[] }[] } }>;
};
type Ext = { storage: { local: { set(v: Record<string, unknown>): Promise<void> } }; tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const VISITED = ['tracked.test', 'policy.test', 'news.test'];
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Nothing leaves the device in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  let ext: Page;
  const received: ReceivedRequest[] = [];
  /** Requests BiDi reported, with the URL of the context (tab or extension page) that made them. */
  const reported: { context: string; url: string }[] = [];
  /** Every context ever seen, with its last URL. */
  const contexts = new Map<string, string>();
  /** Each visited page's links, which the policy finder may follow. */
  const links = new Map<string, string[]>();

  const bidi = () => (firefox.browser as unknown as { connection: Bidi }).connection;
  async function noteContexts(): Promise<void> {
    const walk = (list: { context: string; url: string; children?: unknown[] }[]) => {
      for (const c of list) {
        contexts.set(c.context, c.url);
        walk((c.children ?? []) as typeof list);
      }
    };
    walk((await bidi().send('browsingContext.getTree', {})).result.contexts);
  }

  beforeAll(async () => {
    server = await startFixtureServer(0, { onRequest: (r) => received.push(r) });
    firefox = await launchWithExtension(build);
    bidi().on('network.beforeRequestSent', (e) => reported.push({ context: e.context ?? '', url: e.request.url }));
    await bidi().send('session.subscribe', { events: ['network.beforeRequestSent'] });
    ext = firefox.page;
    await openExtensionPage(ext, '/dashboard.html#/data');
    await noteContexts();
    const settings: Settings = { ...defaultSettings(), onboarded: true, preferences: { ...PROFILE_PURPOSES.denyOptional, legitimateInterest: 'object' }, fallback: 'denyOptional' };
    await ext.evaluate((values) => (globalThis as unknown as { browser: Ext }).browser.storage.local.set(values), { settings } as Record<string, unknown>);

    const tabs: Page[] = [];
    for (const host of VISITED) {
      const page = await firefox.browser.newPage();
      await page.goto(server.url(host, '/'), { waitUntil: 'load' });
      links.set(host, await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href)));
      tabs.push(page);
    }
    await noteContexts();
    await ext.bringToFront();
    // The policy reader has read both policies: the background has made its requests.
    await vi.waitFor(async () => {
      const read = (await ext.evaluate(rowsInExtension<PolicyRecord>, 'policies')).map((p) => p.site);
      expect(read).toEqual(expect.arrayContaining(['tracked.test', 'policy.test']));
    }, { timeout: 30_000, interval: 250 });
    // The extension's pages: the popup for policy.test, the Sites and Data views.
    const tabId = (await ext.evaluate(async (url) => (await (globalThis as unknown as { browser: Ext }).browser.tabs.query({})).find((t) => t.url === url)?.id ?? -1, tabs[1]!.url()));
    await openExtensionPage(ext, `/popup.html?tab=${tabId}`);
    await waitInPage(ext, 'the popup for policy.test', () => document.querySelector('[data-testid="popup-site"]')?.textContent === 'policy.test', '');
    await noteContexts();
    for (const view of ['/dashboard.html#/sites', '/dashboard.html#/data']) {
      await openExtensionPage(ext, view);
      await noteContexts();
    }
    // Late requests land too.
    await new Promise((r) => setTimeout(r, 1500));
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  /** The background may fetch, without cookies, a visited site's gpc.json or a page that site linked (its policy). */
  const backgroundMayMake = (r: ReceivedRequest) => {
    const url = new URL(r.url);
    const linked = (links.get(url.hostname) ?? []).includes(r.url);
    return r.method === 'GET' && r.headers.cookie === undefined && VISITED.includes(url.hostname) && (url.pathname === '/.well-known/gpc.json' || linked);
  };

  const fromExtensionPages = () => reported.filter((r) => contexts.get(r.context)?.startsWith(EXTENSION_ORIGIN));

  it('the extension\'s pages requested nothing outside the extension', () => {
    // Their own moz-extension:// files are no network requests and BiDi does not list them; the last test shows a fetch of theirs is seen.
    expect(fromExtensionPages().filter((r) => !r.url.startsWith(EXTENSION_ORIGIN) && !r.url.startsWith('data:'))).toEqual([]);
    expect([...contexts.values()].filter((url) => url.startsWith(EXTENSION_ORIGIN)).length).toBeGreaterThan(0);
  });

  it('every request the fixture sites received that no tab or extension page made is one the background may make', () => {
    // What BiDi saw, by URL, counted: each received request is matched to one of them, or is the background's.
    const seen = new Map<string, number>();
    for (const r of reported) seen.set(r.url, (seen.get(r.url) ?? 0) + 1);
    const background: ReceivedRequest[] = [];
    for (const r of received) {
      const left = seen.get(r.url) ?? 0;
      if (left > 0) seen.set(r.url, left - 1);
      else background.push(r);
    }
    const refused = background.filter((r) => !backgroundMayMake(r));
    expect(refused.map((r) => `${r.method} ${r.url} cookie=${r.headers.cookie ?? ''}`)).toEqual([]);
    // The recorder sees the background: policy.test's gpc.json and the policy it links were fetched without a page asking.
    const urls = background.map((r) => new URL(r.url));
    expect(urls.some((u) => u.hostname === 'policy.test' && u.pathname === '/.well-known/gpc.json')).toBe(true);
    expect(urls.some((u) => u.hostname === 'policy.test' && u.pathname !== '/.well-known/gpc.json')).toBe(true);
  });

  it('the background\'s rule refuses what it must: another site, a page not linked, cookies, another method', () => {
    const gpc = server.url('policy.test', '/.well-known/gpc.json');
    expect(backgroundMayMake({ method: 'GET', url: gpc, headers: {} })).toBe(true);
    expect(backgroundMayMake({ method: 'GET', url: server.url('shop.test', '/.well-known/gpc.json'), headers: {} })).toBe(false);
    expect(backgroundMayMake({ method: 'GET', url: server.url('policy.test', '/not-linked.html'), headers: {} })).toBe(false);
    expect(backgroundMayMake({ method: 'GET', url: gpc, headers: { cookie: 'id=1' } })).toBe(false);
    expect(backgroundMayMake({ method: 'POST', url: gpc, headers: {} })).toBe(false);
  });

  it('the rule refuses what it must: an extension page fetching a site nobody visited is caught', async () => {
    const before = fromExtensionPages().length;
    await ext.evaluate(async (url) => void (await fetch(url).catch(() => null)), server.url('shop.test', '/'));
    await vi.waitFor(() => expect(fromExtensionPages().length).toBeGreaterThan(before), { timeout: 5_000, interval: 100 });
    expect(fromExtensionPages().slice(before).map((r) => r.url)).toEqual([server.url('shop.test', '/')]);
  });
});
