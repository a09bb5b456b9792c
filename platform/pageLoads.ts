import { browser } from 'wxt/browser';
import { newTopPage, type ResponseFacts } from '../core/sites/pageLoad';
import { pageConfig } from '../core/settings/siteRules';
import { siteOf } from '../core/sites/domain';
import { resetTab } from './consent/engine';
import { readConsent } from './consent/tabConsent';
import { database, recordVisit } from './db';
import { recordGpcDeclaration } from './gpc/declaration';
import { loadSettings } from './settingsStorage';

/**
 * The background learns of each page a tab loads from the browser, not from
 * the page: the content script then needs no word with the background on a
 * page where it finds nothing to do, and a page costs it no extension API at
 * all. A new top page clears the last page's consent result, counts a visit
 * and checks the site's GPC declaration, unless the user paused it.
 */
export async function onNewTopPage(tabId: number, url: string): Promise<void> {
  await resetTab(tabId);
  const settings = await loadSettings();
  const config = pageConfig(settings, url);
  if (!config.active || !config.site) return;
  await recordVisit(database(), config.site, Date.now());
  if (settings.gpc) void recordGpcDeclaration(config.site, url);
}

/**
 * A page served by the site's own service worker makes no request the
 * extension sees: when the tab's address moves to another site, the old
 * site's consent result is cleared all the same.
 */
export async function onTabAddress(tabId: number, url: string): Promise<void> {
  const record = await readConsent(tabId);
  if (record?.site && record.site !== siteOf(url)) await resetTab(tabId);
}

const fail = (error: unknown) => console.warn('Privacy Ledger: a page load was not recorded', error);

/** Listeners are added synchronously, so a woken worker sees its event. */
export function startPageLoads(): void {
  browser.webRequest.onResponseStarted.addListener(
    (details) => {
      const url = newTopPage(details as unknown as ResponseFacts);
      if (url) void onNewTopPage(details.tabId, url).catch(fail);
      return undefined;
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
    ['responseHeaders'],
  );
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void onTabAddress(tabId, change.url).catch(fail);
  });
}
