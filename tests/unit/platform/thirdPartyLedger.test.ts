import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestFacts } from '../../../core/ledger/requestContext';
import { localDay } from '../../../core/ledger/thirdParties';
import { defaultSettings } from '../../../core/settings/defaults';
import { database } from '../../../platform/db';
import { dataHandlers } from '../../../platform/handlers/data';
import { eraseSite } from '../../../platform/ledger/eraseSite';
import type { CallerContext } from '../../../platform/messaging/router';
import { flushThirdParties, startThirdPartyLedger } from '../../../platform/ledger/thirdParties';
import { tabContacts } from '../../../platform/ledger/tabContacts';
import { saveSettings } from '../../../platform/settingsStorage';

// WXT's fake browser has no webRequest: this stands in for the one event the ledger listens to.
type Listener = (details: RequestFacts) => void;
let listeners: Listener[] = [];
const fire = (facts: Partial<RequestFacts> & { url: string }) =>
  listeners.forEach((l) => l({ type: 'image', tabId: 1, frameId: 0, parentFrameId: -1, ...facts }));

beforeEach(async () => {
  listeners = [];
  Object.assign(fakeBrowser, { webRequest: { onBeforeRequest: { addListener: (l: Listener) => listeners.push(l) } } });
  await database().thirdParties.clear();
  await database().sites.clear();
});

describe('third-party ledger', () => {
  it("counts a page's requests to other sites per party, by the tab's top site, and writes them on flush", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.news.example/' });
    startThirdPartyLedger();
    fire({ type: 'main_frame', tabId: tab.id!, url: 'https://www.news.example/' });
    fire({ tabId: tab.id!, url: 'https://cdn.example/a.js', type: 'script', initiator: 'https://www.news.example' });
    fire({ tabId: tab.id!, url: 'https://img.cdn.example/b.png', initiator: 'https://www.news.example' });
    fire({ tabId: tab.id!, url: 'https://static.news.example/c.css', initiator: 'https://www.news.example' });
    // Inside a frame of another site, Chrome names only the frame: the tab's top site counts.
    fire({ tabId: tab.id!, frameId: 4, parentFrameId: 0, url: 'https://www.google-analytics.com/collect', initiator: 'https://video.example' });
    // Not from a page: a service worker, the extension.
    fire({ tabId: -1, url: 'https://cdn.example/sw.js', initiator: 'https://www.news.example' });
    fire({ url: 'https://cdn.example/x', initiator: 'chrome-extension://abc' });
    await expect.poll(async () => (await flushThirdParties(), database().thirdParties.count())).toBe(2);
    const today = localDay(Date.now());
    const rows = await database().thirdParties.orderBy('id').toArray();
    expect(rows.map((r) => [r.id, r.requests, r.org, r.category])).toEqual([
      [`news.example|${today}|cdn.example`, 2, null, null],
      [`news.example|${today}|google-analytics.com`, 1, 'Google', 'site_analytics'],
    ]);
    expect((await database().sites.get('news.example'))?.thirdParties).toBe(2);
  });

  it("notes for each tab and site the parties its pages contacted, for the cookie watch, and none of a paused site's", async () => {
    await saveSettings({ ...defaultSettings(), pausedSites: ['quiet.example'] });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.news.example/' });
    startThirdPartyLedger();
    // The ledger reads the settings as it starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const parties = async (tabId: number, site: string) => [...(await tabContacts.partiesOf(tabId, site))].sort();
    fire({ type: 'main_frame', tabId: tab.id!, url: 'https://www.news.example/' });
    fire({ tabId: tab.id!, url: 'https://cdn.example/a.js', initiator: 'https://www.news.example' });
    fire({ tabId: tab.id!, url: 'https://static.news.example/c.css', initiator: 'https://www.news.example' });
    fire({ tabId: tab.id!, url: 'wss://live.example/feed', initiator: 'https://www.news.example' });
    // Inside a frame of another site, Chrome names only the frame: the tab's top site counts.
    fire({ tabId: tab.id!, frameId: 4, parentFrameId: 0, url: 'https://www.google-analytics.com/collect', initiator: 'https://video.example' });
    fire({ tabId: 22, url: 'https://cdn.example/a.js', initiator: 'https://quiet.example' });
    await expect.poll(() => parties(tab.id!, 'news.example')).toEqual(['cdn.example', 'google-analytics.com', 'live.example']);
    expect(await parties(22, 'quiet.example')).toEqual([]);
    // The tab moves on: the new site's parties are its own.
    fire({ type: 'main_frame', tabId: tab.id!, url: 'https://shop.example/' });
    fire({ tabId: tab.id!, url: 'https://pay.example/sdk.js', initiator: 'https://shop.example' });
    expect(await parties(tab.id!, 'shop.example')).toEqual(['pay.example']);
    await flushThirdParties();
    await tabContacts.flush();
  });

  it('records nothing for a paused site, nor anywhere while paused', async () => {
    await saveSettings({ ...defaultSettings(), pausedSites: ['quiet.example'] });
    startThirdPartyLedger();
    fire({ url: 'https://cdn.example/a.js', initiator: 'https://quiet.example' });
    fire({ url: 'https://cdn.example/a.js', initiator: 'https://loud.example' });
    await flushThirdParties();
    await saveSettings({ ...defaultSettings(), paused: true });
    fire({ url: 'https://cdn.example/b.js', initiator: 'https://loud.example' });
    await flushThirdParties();
    expect((await database().thirdParties.toArray()).map((r) => [r.site, r.requests])).toEqual([['loud.example', 1]]);
    expect(await database().sites.get('quiet.example')).toBeUndefined();
  });

  describe('an erase before the counts are written', () => {
    const sitesCounted = async () => [...new Set((await database().thirdParties.toArray()).map((r) => r.site))].sort();
    afterEach(() => {
      vi.restoreAllMocks();
    });
    /** The ledger reads the settings as it starts. */
    const start = async () => {
      startThirdPartyLedger();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };

    it("writes none of the erased site's counts gathered before Erase this site, and keeps other sites' and later ones", async () => {
      await start();
      fire({ tabId: 7, url: 'https://cdn.example/a.js', initiator: 'https://news.example' });
      fire({ tabId: 8, url: 'https://cdn.example/a.js', initiator: 'https://loud.example' });
      await eraseSite(database(), 'news.example');
      fire({ tabId: 7, url: 'https://ads.example/p.gif', initiator: 'https://news.example' });
      await flushThirdParties();
      expect((await database().thirdParties.toArray()).map((r) => [r.site, r.party]).sort()).toEqual([
        ['loud.example', 'cdn.example'], ['news.example', 'ads.example'],
      ]);
    });

    it('writes none gathered before Erase everything', async () => {
      await start();
      fire({ tabId: 7, url: 'https://cdn.example/a.js', initiator: 'https://news.example' });
      fire({ tabId: 8, url: 'https://cdn.example/a.js', initiator: 'https://loud.example' });
      await dataHandlers.extension!['data.eraseAll']!({}, { sender: {}, tabId: null, frameId: null } as CallerContext);
      await flushThirdParties();
      expect(await sitesCounted()).toEqual([]);
    });

    it('lets a write already under way finish first, and erases what it wrote', async () => {
      await start();
      fire({ tabId: 7, url: 'https://cdn.example/a.js', initiator: 'https://news.example' });
      // The write reads the settings first: held there, it is under way when the erase starts.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
      vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (...args) => (await held, get(...args)));
      const writing = flushThirdParties();
      const erasing = eraseSite(database(), 'news.example');
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      await Promise.all([writing, erasing]);
      expect(await sitesCounted()).toEqual([]);
      expect(await database().sites.get('news.example')).toBeUndefined();
    });
  });
});
