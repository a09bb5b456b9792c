/**
 * The page-facing security checks of tests/e2e/security-messages.e2e.ts, in
 * Firefox ESR with both builds: a web page cannot reach the extension, load its
 * files or read its database, and neither the main-world scripts nor the
 * content scripts hand it the identity, the preferences or the ledger through
 * postMessage, DOM events or the DOM, whatever it sends them; and what a
 * compromised content script sends is refused by the background's router
 * (the test runs its own code in the page's content-script world with
 * `scripting.executeScript`, from an extension page). Needs the builds:
 * `npx wxt build -b firefox` and `... --mv3`.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_ASK, CHANNEL_OFFER } from '../../core/ledger/permissionSignal';
import { defaultSettings } from '../../core/settings/defaults';
import type { Identity, Settings } from '../../core/settings/schema';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { rowsInExtension } from '../../scripts/lib/workerState';
import { forgeMessages, listenFromTheStart, reachForTheExtension, type Heard } from '../support/pageProbes';
import { PROFILE_PURPOSES } from '../support/profiles';
import { extensionUrl, launchWithExtension, openExtensionPage, type FirefoxWithExtension } from './support/firefox';

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1, 10115 Berlin', country: 'DE', accountIds: [{ label: 'Customer', value: 'C-4711' }] };
/** Words that would show the user's data reached the page. */
const SECRETS = ['Ana Weber', 'ana@example.org', 'Hauptstraße', 'C-4711', 'legitimateInterest', 'denyOptional', '"preferences"', '"identity"'];

type Storage = { get(k: null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
type Ext = {
  storage: { local: Storage; session: Storage };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(o: { target: { tabId: number }; func: (types: string[]) => Promise<unknown>; args: unknown[] }): Promise<{ result?: unknown }[]> };
};

/** Everything the extension keeps that a page could change: storage.local and the requests and policies tables, as JSON. */
async function extensionState(ext: Page): Promise<string> {
  const local = await ext.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.storage.local.get(null));
  const tables = [await ext.evaluate(rowsInExtension, 'requests'), await ext.evaluate(rowsInExtension, 'policies')];
  return JSON.stringify([local, tables]);
}

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('A web page cannot reach the extension in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  let ext: Page;
  let page: Page;
  let heardWhileLoading: string[];

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchWithExtension(build);
    ext = firefox.page;
    await openExtensionPage(ext, '/dashboard.html#/data');
    const settings: Settings = { ...defaultSettings(), onboarded: true, preferences: { ...PROFILE_PURPOSES.denyOptional, legitimateInterest: 'object' }, fallback: 'denyOptional', identity: ana };
    await ext.evaluate((values) => (globalThis as unknown as { browser: Ext }).browser.storage.local.set(values), { settings } as Record<string, unknown>);
    page = await firefox.browser.newPage();
    // The page listens from its very start to every message and to the permission channel's events.
    await page.evaluateOnNewDocument(listenFromTheStart, [CHANNEL_OFFER, CHANNEL_ASK] as const);
    await page.goto(server.url('tracked.test', '/'), { waitUntil: 'load' });
    await ext.bringToFront();
    // The banner answered and the policy read, so the ledger holds something of this site.
    await vi.waitFor(async () => {
      const session = JSON.stringify(await ext.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.storage.session.get(null)));
      expect(session).toMatch(/"outcome":"(respected|notRespected|unverified)"/);
    }, { timeout: 20_000, interval: 200 });
    await vi.waitFor(async () => {
      expect((await ext.evaluate(rowsInExtension<{ site: string }>, 'policies')).some((p) => p.site === 'tracked.test')).toBe(true);
    }, { timeout: 20_000, interval: 200 });
    heardWhileLoading = await page.evaluate(() => [...(window as unknown as Heard).__heard]);
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  it('has no extension runtime to message, and cannot load the extension\'s files or open its database, even knowing its address', async () => {
    // A script the extension really has, so a refusal is the browser's, not a missing file.
    const chunk = readdirSync(resolve(import.meta.dirname, '../../.output', build, 'chunks')).find((f) => f.startsWith('popup-'));
    expect(chunk).toBeDefined();
    const origin = extensionUrl('/');
    // The extension page itself can load both: the address and the file are right.
    const own = await ext.evaluate(async (o, file) => [(await fetch(`${o}manifest.json`)).ok, (await fetch(`${o}chunks/${file}`)).ok], origin, chunk!);
    expect(own).toEqual([true, true]);
    const probe = await page.evaluate(reachForTheExtension, [origin, chunk!] as const);
    expect(probe).toEqual({ sendMessage: 'undefined', connect: 'undefined', browser: 'undefined', fetched: 'refused', script: 'refused', databases: [] });
  });

  it('gets nothing back for forged messages and channel offers, and changes nothing', async () => {
    const before = await extensionState(ext);
    // The extension holds the secrets the page must not see.
    expect(before).toContain('Hauptstraße');
    const heard = await page.evaluate(forgeMessages, [CHANNEL_OFFER, CHANNEL_ASK, ['identity.get', 'settings.get', 'ledger.import', 'requests.save', 'data.eraseAll', 'page.hello', 'ledger.permission']] as const);
    expect(heard.onMine).toEqual([]);
    expect(heard.all.filter((line) => !line.startsWith('message {"channel":"privacy-ledger","type"'))).toEqual([`${CHANNEL_OFFER} "privacy-ledger:permissions-page-made"`, `${CHANNEL_ASK} null`]);
    expect(await extensionState(ext)).toBe(before);
  });

  it('sees none of the user\'s identity, preferences or ledger in anything it heard, in its DOM or its globals', async () => {
    const seen = await page.evaluate(() => ({ heard: (window as unknown as Heard).__heard.join('\n'), dom: document.documentElement.outerHTML, globals: Object.keys(window).join(' ') }));
    // What it heard while loading is the permission channel's handshake and nothing else.
    expect(heardWhileLoading.length).toBeGreaterThan(0);
    expect(heardWhileLoading.every((line) => line.startsWith(`${CHANNEL_OFFER} "privacy-ledger:`) || line === `${CHANNEL_ASK} null`)).toBe(true);
    const all = `${seen.heard}\n${heardWhileLoading.join('\n')}`;
    for (const secret of SECRETS) {
      expect(all, secret).not.toContain(secret);
      expect(seen.dom, secret).not.toContain(secret);
    }
    expect(seen.globals.replace(/\b__heard\b/, '')).not.toMatch(/privacy|ledger|autoconsent/i);
    // The one thing a page is meant to learn: the Global Privacy Control signal.
    expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
  });

  it('refuses what a compromised content script sends: every extension-page message, as "not accepted from web pages", and changes nothing', async () => {
    const before = await extensionState(ext);
    const forged = ['identity.get', 'identity.save', 'settings.get', 'settings.save', 'data.eraseAll', 'ledger.eraseSite', 'ledger.import', 'requests.save', 'requests.delete', 'tab.status'];
    // Code of the test's own run in the page's content-script world (the extension's isolated world), as a
    // renderer that took over the content script could: it sends with the content script's runtime.
    const replies = await ext.evaluate(async (url, types) => {
      const b = (globalThis as unknown as { browser: Ext }).browser;
      const tabId = (await b.tabs.query({})).find((t) => t.url === url)!.id!;
      const [first] = await b.scripting.executeScript({
        target: { tabId },
        args: [types],
        func: async (names: string[]) => {
          const rt = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime;
          const out: Record<string, unknown> = {};
          for (const type of names) out[type] = await rt.sendMessage({ channel: 'privacy-ledger', type, payload: {} });
          // The same sender is heard for what content scripts may send.
          out['page.hello'] = await rt.sendMessage({ channel: 'privacy-ledger', type: 'page.hello', payload: { url: location.href, top: true } });
          return out;
        },
      });
      return first?.result as Record<string, { ok: boolean; error?: string }>;
    }, page.url(), forged);
    for (const type of forged) expect(replies[type], type).toEqual({ ok: false, error: `${type} is not accepted from web pages` });
    expect(replies['page.hello']).toMatchObject({ ok: true });
    for (const secret of SECRETS) expect(JSON.stringify(replies), secret).not.toContain(secret);
    expect(await extensionState(ext)).toBe(before);
  });
});
