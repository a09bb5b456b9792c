import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Settings } from '../../../core/settings/schema';
import { startFixtureServer, type FixtureServer } from '../../../scripts/lib/fixtureServer';
import { injectedElements, nothingInjected } from '../../support/pageProbes';
import { backgroundErrors, watchBackground, watchLog, type CollectedError } from './extensionErrors';
import { tabIdOf, useProfile } from './extensionPage';
import { EXTENSION_UUID, KEEP_BACKGROUND_UP, launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './firefox';

const ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * One Firefox build with everything a suite of visits watches: the errors of
 * the content scripts (the BiDi log) and of the background page, and every
 * dialog in any tab (data that managed to run as script would open one).
 */
export interface FirefoxVisits {
  server: FixtureServer;
  firefox: FirefoxWithExtension;
  /** The extension page state is read from; it stays put, since the background's error list lives in its realm. */
  ext: Page;
  /** Where the popup and the dashboard are opened. */
  ui: Page;
  dialogs: string[];
  newTab: () => Promise<Page>;
  /** Opens `host` in a new tab and waits for its load. */
  visit: (host: string) => Promise<Page>;
  /** Opens the popup for `page`'s tab, in `ui`. */
  popupFor: (page: Page) => Promise<void>;
  /** No element in `page` came from data: no `img[src=x]`, no inline handler or script, no script but the extension's own. */
  expectNoInjectedElement: (page: Page) => Promise<void>;
  /** Every uncaught error from the extension so far, the background page's included. */
  errors: () => Promise<CollectedError[]>;
  close: () => Promise<void>;
}

export async function startFirefoxVisits(build: string, options: { hosts: string[]; settings?: Partial<Settings> }): Promise<FirefoxVisits> {
  const server = await startFixtureServer();
  const firefox = await launchWithExtension(build, {
    hosts: options.hosts,
    // The background page stays up, so the listeners the test adds to it watch the whole run.
    prefs: KEEP_BACKGROUND_UP,
  });
  const dialogs: string[] = [];
  const logged: CollectedError[] = [];
  const recordDialogs = (page: Page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()} on ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  const newTab = async () => {
    const page = await firefox.browser.newPage();
    recordDialogs(page);
    return page;
  };
  const ext = firefox.page;
  recordDialogs(ext);
  await openExtensionPage(ext, '/dashboard.html#/data');
  await useProfile(ext, 'denyOptional', options.settings);
  await watchBackground(ext);
  const stopLog = watchLog(ext, ORIGIN, (e) => logged.push(e), (context) => `browsing context ${context}`);
  const ui = await newTab();
  return {
    server,
    firefox,
    ext,
    ui,
    dialogs,
    newTab,
    visit: async (host) => {
      const page = await newTab();
      await page.goto(server.url(host, '/'), { waitUntil: 'load' });
      return page;
    },
    popupFor: async (page) => {
      const host = new URL(page.url()).hostname;
      await openExtensionPage(ui, `/popup.html?tab=${await tabIdOf(ext, page.url())}`);
      await waitInPage(ui, `the popup for ${host}`, (h) => document.querySelector('[data-testid="popup-site"]')?.textContent === h, host);
    },
    expectNoInjectedElement: async (page) => {
      const found = await page.evaluate(injectedElements);
      expect(nothingInjected(found, `${ORIGIN}/`), JSON.stringify(found)).toBe(true);
    },
    errors: async () => {
      const background = (await backgroundErrors(ext)) ?? [{ where: 'background', message: 'the background page was not watched throughout', source: 'the background page' }];
      return [...logged, ...background];
    },
    close: async () => {
      stopLog();
      await firefox.browser.close();
      await server.close();
    },
  };
}
