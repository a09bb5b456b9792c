import { tabSite } from '../tabAddress';

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
  const site = await tabSite(tabId);
  if (!tops.has(tabId)) tops.set(tabId, site);
  return tops.get(tabId) ?? null;
}
