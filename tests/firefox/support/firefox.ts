/**
 * Drives Debian's firefox-esr with the extension loaded as a temporary add-on:
 * puppeteer-core over WebDriver BiDi (Playwright's Firefox and geckodriver do
 * not work offline here; see /work/shared/facts/toolchain.md).
 */
import { isAbsolute, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureBrowser } from '../../../scripts/lib/browsers';
import { REAL_FIXTURE_HOSTS } from '../../../scripts/lib/fixtureHosts';
import { GECKO_ID } from '../../../wxt.config';

/** Fixed through a pref, so extension pages live at a known moz-extension:// origin. */
export const EXTENSION_UUID = '5b0c6f1e-7a2d-4e93-9c41-2f8d6a1b3e70';
export const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}${path}`;

/**
 * Keeps an MV3 background page up for as long as Firefox allows: five minutes
 * without an event before it is stopped (30 s by default). Firefox ESR has no
 * preference that turns the stopping off (`extensions.background.idle.enabled`
 * is not read), so a test that must watch one background page throughout may
 * not leave it without events for that long.
 */
export const KEEP_BACKGROUND_UP = { 'extensions.background.idle.timeout': 300_000 } as const;

/** The fixture sites these tests visit; Firefox must resolve them to this machine. */
const FIXTURE_HOSTS = ['news.test', 'video.test', 'shop.test', 'forms.test', 'asks.test', 'widgets.test', 'www.widgets.test', 'cdn-widgets.test', 'pixel-ads.test', 'tracked.test', 'cdn-tracker.test', 'policy.test', ...REAL_FIXTURE_HOSTS];

export interface FirefoxWithExtension {
  browser: Browser;
  /** What `installExtension` answered: the add-on's id. */
  addonId: string;
  /** A tab in the foreground, for the test to drive. */
  page: Page;
}

/** A build's folder: `.output/<build>`, or the folder itself when given a path. */
export const buildDir = (build: string): string => (isAbsolute(build) ? build : resolve(import.meta.dirname, '../../../.output', build));

/** Launches headless Firefox and installs the build in `.output/<build>` (or the folder `build`) as a temporary add-on; `prefs` adds preferences of a test's own, `hosts` fixture hosts of its own. */
export async function launchWithExtension(build: string, options: { prefs?: Record<string, unknown>; hosts?: string[] } = {}): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureBrowser('firefox'),
    headless: true,
    // Lets BiDi install add-ons (a privileged command).
    args: ['--remote-allow-system-access'],
    // The Remote Agent already applies its recommended prefs (no captive-portal or
    // connectivity probes, telemetry, updates or Safe Browsing), so only ours are here.
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // These hosts resolve to 127.0.0.1, where the fixture server listens.
      'network.dns.localDomains': [...FIXTURE_HOSTS, ...(options.hosts ?? [])].join(','),
      // Direct connections: a proxy from the environment must not see the fixture hosts.
      'network.proxy.type': 0,
      ...options.prefs,
    },
  });
  try {
    const before = new Set(browser.targets());
    const addonId = await browser.installExtension(buildDir(build));
    // The extension opens its onboarding tab on install, which takes the foreground.
    // Wait for it, so that it cannot steal the foreground from our page later.
    await browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 10_000 });
    const page = await browser.newPage();
    return { browser, addonId, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens an extension page in `page` and brings the tab to the foreground: Firefox
 * throttles timers in background tabs so hard that the pages' first database
 * queries (started with setTimeout by Dexie's liveQuery) wait for many seconds.
 * `page.goto('moz-extension://...')` never resolves, so navigate through BiDi.
 */
export async function openExtensionPage(page: Page, path: string): Promise<void> {
  await page.bringToFront();
  const frame = page.mainFrame() as unknown as {
    browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
  };
  const url = extensionUrl(path);
  await frame.browsingContext.navigate(url, 'none');
  await waitInPage(page, url, (expected) => location.href === expected && document.readyState === 'complete', url, 10_000);
}

/**
 * Waits until `predicate(arg)` holds in the page, polling by interval (rAF does not
 * run in background tabs). On timeout, says what it waited for and what the page shows.
 */
export async function waitInPage(page: Page, what: string, predicate: (arg: string) => boolean, arg: string, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(predicate, { polling: 100, timeout }, arg);
  } catch (error) {
    const shown = await page.evaluate(() => `${location.href}: ${document.body?.innerText ?? ''}`).catch(() => '(unreadable)');
    throw new Error(`Waited ${timeout} ms for ${what}. The page shows ${shown.replace(/\s+/g, ' ').slice(0, 600)}`, { cause: error });
  }
}

/**
 * Clicks the popup's "Delete my data" in `popup` and returns the dashboard tab it opens, in front and
 * loaded. Puppeteer's targets do not follow a tab to an extension page (they stay at about:blank): the page itself is asked.
 */
export async function composerFromPopup(firefox: FirefoxWithExtension, popup: Page): Promise<Page> {
  const before = new Set(firefox.browser.targets());
  await popup.click('[data-testid="popup-delete-data"]');
  const target = await firefox.browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 10_000 });
  const dashboard = (await target.page())!;
  await dashboard.bringToFront();
  await waitInPage(dashboard, 'the dashboard', (prefix) => location.href.startsWith(prefix), extensionUrl('/dashboard.html'));
  return dashboard;
}
