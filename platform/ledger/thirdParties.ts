import { browser } from 'wxt/browser';
import type { ThirdPartyDay } from '../../core/ledger/records';
import { requestContext, thirdPartyOf, type RequestFacts } from '../../core/ledger/requestContext';
import { addObservation } from '../../core/ledger/thirdParties';
import { trackerOf, type TrackerInfo } from '../../core/ledger/trackers/lookup';
import { pausedOn } from '../../core/settings/siteRules';
import type { Settings } from '../../core/settings/schema';
import { database } from '../db';
import { loadSettings, onSettingsChanged } from '../settingsStorage';
import { recordThirdParties } from './thirdPartyStore';
import { flushTabContacts, tabContacts } from './tabContacts';
import { forgetTabSite, noteNavigation, siteOfTab } from './tabSites';

/**
 * The third parties each site contacts: every request of a page is watched
 * (never blocked or changed), noted for its tab and site (`tabContacts.ts`,
 * which the cookie watch reads), counted in memory per site, day and party, and
 * written every couple of seconds in one transaction. A Manifest V3 service
 * worker can be stopped at any time, so the batch is kept short rather than
 * trusted to a last-moment write.
 */
export const FLUSH_MS = 2000;

let pending = new Map<string, ThirdPartyDay>();
let timer: ReturnType<typeof setTimeout> | null = null;
let writing: Promise<void> = Promise.resolve();
let settings: Settings | null = null;
const trackers = new Map<string, TrackerInfo | null>();

function trackerOfHost(host: string): TrackerInfo | null {
  let info = trackers.get(host);
  if (info === undefined) {
    info = trackerOf(host);
    if (trackers.size > 5000) trackers.clear();
    trackers.set(host, info);
  }
  return info;
}

function observe(tabId: number, site: string | null, url: string, at: number): void {
  if (!site || (settings && pausedOn(settings, site))) return;
  const target = thirdPartyOf(site, url);
  if (!target) return;
  tabContacts.noteContact(tabId, site, target.party);
  const info = trackerOfHost(target.host);
  addObservation(pending, { site, party: target.party, at, org: info?.org ?? null, category: info?.category ?? null });
  timer ??= setTimeout(() => void flushThirdParties(), FLUSH_MS);
}

type RequestDetails = Parameters<Parameters<typeof browser.webRequest.onBeforeRequest.addListener>[0]>[0];

function onRequest(details: RequestDetails): undefined {
  const at = Date.now();
  const context = requestContext(details as unknown as RequestFacts);
  if (context.kind === 'navigation') noteNavigation(details.tabId, context.site);
  else if (context.kind === 'site') observe(details.tabId, context.site, details.url, at);
  else if (context.kind === 'tab') void siteOfTab(details.tabId).then((site) => observe(details.tabId, site, details.url, at));
  return undefined;
}

/**
 * Writes what was counted so far. Settings are read afresh, so a site paused
 * since its requests were counted gets nothing written either.
 */
export function flushThirdParties(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  if (pending.size === 0) return writing;
  const batch = [...pending.values()];
  pending = new Map();
  writing = writing
    .then(async () => {
      const now = await loadSettings();
      await recordThirdParties(database(), batch.filter((row) => !pausedOn(now, row.site)));
    })
    .catch((e: unknown) => console.warn('Privacy Ledger: third-party requests not recorded', e));
  return writing;
}

/**
 * The site's records (every site's, with null) are about to be erased: what
 * was counted for it and not written yet is dropped, and the promise settles
 * once the write under way, if any, is done, so the erase comes after it.
 */
export function forgetThirdParties(site: string | null): Promise<void> {
  for (const [key, row] of pending) if (site === null || row.site === site) pending.delete(key);
  if (site === null) trackers.clear();
  return writing;
}

/** Starts watching requests. Listeners are added synchronously, so a woken worker sees its event. */
export function startThirdPartyLedger(): void {
  const refresh = () => void loadSettings().then((s) => (settings = s)).catch(() => (settings = null));
  onSettingsChanged(refresh);
  refresh();
  browser.webRequest.onBeforeRequest.addListener(onRequest, { urls: ['<all_urls>'] });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTabSite(tabId);
    tabContacts.forget(tabId);
  });
  // Where the browser says the background is about to stop, write at once.
  browser.runtime.onSuspend?.addListener(() => {
    void flushThirdParties();
    void flushTabContacts();
  });
}
