import { browser } from 'wxt/browser';
import { scripting } from '../scripting';
import { pageConfig } from '../../core/settings/siteRules';
import { siteOf } from '../../core/sites/domain';
import { database } from '../db';
import { loadSettings } from '../settingsStorage';
import { parsePageScan, scanPageForPolicyLinks, SCAN_LIMITS, type PageScan } from './pageScan';
import { lastAttemptAt } from './policyStore';
import { readFrom, readSitePolicy, type ReadResult } from './reader';

/** A site's policy is read again automatically after this long, whether the last attempt worked or not. */
export const READ_PERIOD_MS = 7 * 24 * 3600_000;

/** Readings under way, per site: a second request for the same site joins the first. */
const reading = new Map<string, Promise<ReadResult>>();

export const isReading = (site: string): boolean => reading.has(site);

/** Scans the tab's top frame for policy links, in the isolated world; the answer is parsed as hostile input. */
async function scanTab(tabId: number): Promise<PageScan | null> {
  try {
    const [first] = await scripting().executeScript({
      target: { tabId, frameIds: [0] },
      func: scanPageForPolicyLinks,
      args: [SCAN_LIMITS],
    });
    return parsePageScan(first?.result);
  } catch (error) {
    console.warn('Privacy Ledger: could not scan the page for its policy link', error);
    return null;
  }
}

/** Reads the policy of the site shown in the tab now (the user asked, or the period is over). */
export function readTabPolicy(tabId: number, site: string): Promise<ReadResult> {
  return once(site, () => readSitePolicy(site, { db: database(), scan: () => scanTab(tabId) }));
}

function once(site: string, read: () => Promise<ReadResult>): Promise<ReadResult> {
  const running = reading.get(site);
  if (running) return running;
  const job = read().finally(() => reading.delete(site));
  reading.set(site, job);
  return job;
}

/**
 * Reads the site's policy again from where it was last found (the Site page
 * has no tab to scan). The URL was offered by the site's own page before.
 */
export function readKnownPolicy(site: string, url: string): Promise<ReadResult> {
  return once(site, () => readFrom(site, [url], { db: database() }));
}

/** Whether a site's policy is due for an automatic reading. */
export function isDue(lastAttempt: number | null, now: number): boolean {
  return lastAttempt === null || now - lastAttempt >= READ_PERIOD_MS;
}

/**
 * When a tab's page has loaded, reads its site's policy if the user lets the
 * extension read policies automatically, the site is not paused, and the
 * policy was not tried within the period.
 */
export async function maybeReadOnLoad(tabId: number, url: string): Promise<void> {
  const site = siteOf(url);
  if (!site || reading.has(site)) return;
  const settings = await loadSettings();
  if (!settings.policyAutoRead || !pageConfig(settings, url).active) return;
  if (!isDue(await lastAttemptAt(database(), site), Date.now())) return;
  await readTabPolicy(tabId, site);
}

export function startPolicyReader(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url || !/^https?:/.test(tab.url)) return;
    maybeReadOnLoad(tabId, tab.url).catch((e: unknown) => console.warn('Privacy Ledger: policy not read', e));
  });
}
