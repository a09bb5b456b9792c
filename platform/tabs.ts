import { browser } from 'wxt/browser';

/**
 * The tab the popup speaks about: `?tab=ID` when a page opened it for a given
 * tab, else the active tab of the window the popup belongs to.
 */
export async function targetTabId(search: string): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Opens the dashboard in a new tab at a route such as `sites/example.com`. */
export async function openDashboard(route: string): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}#/${route}` });
}
