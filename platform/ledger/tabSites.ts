import { browser } from 'wxt/browser';
import { siteOf } from '../../core/sites/domain';

/**
 * The site of each tab's top page, learnt from its navigations (main-frame
 * requests), for requests whose details do not name it (Chrome, inside
 * frames). A woken service worker has forgotten them: then the browser's tab
 * record answers.
 */
const tops = new Map<number, string | null>();

export function noteNavigation(tabId: number, site: string | null): void {
  tops.set(tabId, site);
}

export function forgetTabSite(tabId: number): void {
  tops.delete(tabId);
}

export async function siteOfTab(tabId: number): Promise<string | null> {
  const known = tops.get(tabId);
  if (known !== undefined) return known;
  try {
    const tab = await browser.tabs.get(tabId);
    const site = tab.url ? siteOf(tab.url) : null;
    if (!tops.has(tabId)) tops.set(tabId, site);
    return tops.get(tabId) ?? null;
  } catch {
    return null; // The tab is gone, or is no tab (a prerender).
  }
}
