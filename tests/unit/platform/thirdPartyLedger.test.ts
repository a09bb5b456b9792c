import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestFacts } from '../../../core/ledger/requestContext';
import { localDay } from '../../../core/ledger/thirdParties';
import { defaultSettings } from '../../../core/settings/defaults';
import { database } from '../../../platform/db';
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
});
