import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ExtensionBrowser } from '../../../scripts/lib/chromium';
import { startFixtureServer, type FixtureServer } from '../../../scripts/lib/fixtureServer';
import { readStorage, readTable, tabIdOf } from '../../../scripts/lib/workerState';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../..', process.env.PRIVACY_LEDGER_OUT ?? '.output', 'chrome-mv3');

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

export interface HarnessOptions {
  /**
   * Fixture hosts Chromium treats as secure contexts although they are served
   * over plain HTTP, for APIs only secure pages have (geolocation, notifications,
   * camera). Their cameras and microphones are Chromium's fake devices.
   */
  secureHosts?: string[];
  /** The unpacked extension to load; the current Chrome build by default. */
  extensionDir?: string;
  /** A profile folder kept across launches (see `launchChromium`). */
  userDataDir?: string;
}

/** The built Chrome extension in headless Chromium, with the local demo sites. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = await startFixtureServer();
  const secure = (options.secureHosts ?? []).map((host) => new URL(server.url(host)).origin);
  const args = secure.length ? [`--unsafely-treat-insecure-origin-as-secure=${secure.join(',')}`, '--use-fake-device-for-media-stream'] : [];
  const browser = await launchChromium({ extensionDir: options.extensionDir ?? CHROME_BUILD, userDataDir: options.userDataDir, headless: true, locale: 'en-GB', args });
  return {
    ...browser,
    server,
    storage: async () => readStorage(await browser.worker(), 'local'),
    table: async <T>(name: string) => readTable<T>(await browser.worker(), name),
    tabIdOf: async (page) => {
      const id = await tabIdOf(await browser.worker(), page.url());
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
