/**
 * Full storage in Firefox ESR, with both Firefox builds, as in Chromium
 * (tests/e2e/storage-full.e2e.ts): IndexedDB's put and add in the background
 * page are made to throw the browser's QuotaExceededError, then given back.
 * The refusal must be reported in the dashboard and the popup, what was
 * stored must stay, and the next write once there is room must succeed and
 * clear the notice.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { readTable, tabIdOf, useProfile, type PageApi } from './support/extensionPage';
import { KEEP_BACKGROUND_UP, launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';
import { until } from '../../scripts/lib/until';

const FULL_TEXT = "Your browser's storage is full.";
type Background = Window & typeof globalThis;
type Api = PageApi & { runtime: { getBackgroundPage(): Promise<Background> } };

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Full storage in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  /** Reads state and changes the background; stays on one page. */
  let ext: Page;
  let dashboard: Page;

  const sites = async () => (await readTable<{ site: string }>(ext, 'sites')).map((s) => s.site);
  const storageFull = () => ext.evaluate(async () => (await (globalThis as unknown as { browser: Api }).browser.storage.session.get(null)).storageFull ?? null);
  const visit = async (host: string) => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(host, '/'), { waitUntil: 'load' });
    return page;
  };
  /** Makes the background's IndexedDB writes throw QuotaExceededError (`full`), or gives them back. */
  const fill = (full: boolean) =>
    ext.evaluate(async (on) => {
      const bg = await (globalThis as unknown as { browser: Api }).browser.runtime.getBackgroundPage();
      const stores = bg.IDBObjectStore.prototype as unknown as Record<string, unknown>;
      for (const name of ['put', 'add']) {
        if (on) {
          stores[`real_${name}`] = stores[name];
          stores[name] = () => {
            throw new bg.DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        } else stores[name] = stores[`real_${name}`];
      }
    }, full);
  const noticeShown = (page: Page, shown: boolean) =>
    waitInPage(page, shown ? 'the full-storage notice' : 'the notice gone', (arg) => {
      const [text, want] = JSON.parse(arg) as [string, boolean];
      return document.body.innerText.includes(text) === want;
    }, JSON.stringify([FULL_TEXT, shown]));

  beforeAll(async () => {
    server = await startFixtureServer();
    // The background page stays up, so the writes it was told to refuse stay refused until given back.
    firefox = await launchWithExtension(build, { prefs: KEEP_BACKGROUND_UP });
    ext = firefox.page;
    await openExtensionPage(ext, '/dashboard.html#/data');
    await useProfile(ext, 'denyOptional');
    await (await visit('news.test')).close();
    await until('news.test recorded', async () => (await sites()).includes('news.test'), 20_000);
    dashboard = await firefox.browser.newPage();
    await openExtensionPage(dashboard, '/dashboard.html#/sites');
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  /** Visits a site while writes are refused: the refusal is reported in the dashboard and the popup, and the stored rows stay. */
  const refusedAndReported = async () => {
    const before = await readTable(ext, 'sites');
    const page = await visit('shop.test');
    await until('storage full reported', async () => (await storageFull()) !== null, 20_000);
    expect(await storageFull()).toMatchObject({ where: 'ledger' });
    await dashboard.bringToFront();
    await noticeShown(dashboard, true);
    await waitInPage(dashboard, 'the notice as an alert', (more) => [...document.querySelectorAll('[role="alert"]')].some((el) => el.textContent?.includes(more)), 'could not save new records');
    const popup = await firefox.browser.newPage();
    await openExtensionPage(popup, `/popup.html?tab=${await tabIdOf(ext, page.url())}`);
    await noticeShown(popup, true);
    expect(await readTable(ext, 'sites')).toEqual(before);
    expect(await sites()).not.toContain('shop.test');
    await popup.close();
    await page.close();
  };

  it('a write the browser refuses is reported in the dashboard and the popup, and what was stored stays', async () => {
    await fill(true);
    try {
      await refusedAndReported();
    } finally {
      await fill(false);
    }
  });

  it('once there is room again, the next write succeeds and the notice goes away', async () => {
    await (await visit('policy.test')).close();
    await until('policy.test recorded', async () => (await sites()).includes('policy.test'), 20_000);
    await until('report cleared', async () => (await storageFull()) === null, 20_000);
    await dashboard.bringToFront();
    await noticeShown(dashboard, false);
    expect(await sites()).toEqual(expect.arrayContaining(['news.test', 'policy.test']));
  });
});
