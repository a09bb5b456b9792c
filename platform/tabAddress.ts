import { browser } from 'wxt/browser';
import { siteOf } from '../core/sites/domain';

/**
 * The address of a tab's top page, as the browser reports it now (never what
 * a page claims). Null when the tab is gone or is no tab (a prerender).
 */
export async function tabUrl(tabId: number): Promise<string | null> {
  return (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
}

/** The site of a tab's top page, as the browser reports it now; null as for `tabUrl`. */
export async function tabSite(tabId: number): Promise<string | null> {
  const url = await tabUrl(tabId);
  return url ? siteOf(url) : null;
}
