import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ExtensionBrowser } from '../../../scripts/lib/chromium';
import { startFixtureServer, type FixtureServer } from '../../../scripts/lib/fixtureServer';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface Harness extends ExtensionBrowser {
  server: FixtureServer;
  /** Everything in the extension's `storage.local`, read in its service worker. */
  storage: () => Promise<Record<string, unknown>>;
  /** Every row of a table of the extension's database, read in its service worker. */
  table: <T = Record<string, unknown>>(name: string) => Promise<T[]>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf: (page: Page) => Promise<number>;
  /** Opens an extension page (`popup.html?tab=1`, `dashboard.html#/data`). */
  openExtensionPage: (path: string) => Promise<Page>;
  shutdown: () => Promise<void>;
}

/** The built Chrome extension in headless Chromium, with the local demo sites. */
export async function startHarness(): Promise<Harness> {
  const server = await startFixtureServer();
  const browser = await launchChromium({ extensionDir: CHROME_BUILD, headless: true, locale: 'en-GB' });
  const inWorker = async <T>(fn: (arg: string) => Promise<T>, arg = ''): Promise<T> => (await browser.worker()).evaluate(fn, arg);
  return {
    ...browser,
    server,
    storage: () => inWorker(() => chrome.storage.local.get(null)),
    table: <T>(name: string) =>
      inWorker(
        (store) =>
          new Promise<T[]>((done, fail) => {
            const open = indexedDB.open('privacy-ledger');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction(store).objectStore(store).getAll();
              all.onsuccess = () => done(all.result as T[]);
              all.onerror = () => fail(all.error);
            };
          }),
        name,
      ),
    tabIdOf: async (page) => {
      const id = await inWorker(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
      if (id < 0) throw new Error(`no tab shows ${page.url()}`);
      return id;
    },
    openExtensionPage: async (path) => {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl(path));
      return page;
    },
    shutdown: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The onboarding tab the extension opens on install, once it has appeared. */
export async function onboardingPage(h: Harness): Promise<Page> {
  const isOnboarding = (p: Page) => p.url().endsWith('/onboarding.html');
  return h.context.pages().find(isOnboarding) ?? (await h.context.waitForEvent('page', { predicate: isOnboarding, timeout: 10_000 }));
}
