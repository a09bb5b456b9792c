import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../core/settings/defaults';
import { newSite } from '../../../core/ledger/records';
import { database } from '../../../platform/db';
import { dataHandlers } from '../../../platform/handlers/data';
import { pageHandlers } from '../../../platform/handlers/page';
import { siteHandlers } from '../../../platform/handlers/site';
import { tabHandlers } from '../../../platform/handlers/tab';
import type { CallerContext } from '../../../platform/messaging/router';
import { loadSettings, saveSettings } from '../../../platform/settingsStorage';

const hello = pageHandlers.content!['page.hello']!;
const fromFrame = (tabId: number, frameId: number, url: string): CallerContext => ({ sender: { id: fakeBrowser.runtime.id, url, tab: { id: tabId } as never, frameId }, tabId, frameId });
const ext = { sender: {}, tabId: null, frameId: null } as CallerContext;

describe('page.hello', () => {
  it('records a visit from the top frame only, and counts every frame', async () => {
    await database().sites.clear();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.news.example/a' });
    const config = await hello({ url: 'https://www.news.example/a', top: true }, fromFrame(tab.id!, 0, 'https://www.news.example/a'));
    expect(config).toMatchObject({ site: 'news.example', active: true });
    await Promise.all([
      hello({ url: 'https://video.example/embed', top: false }, fromFrame(tab.id!, 4, 'https://video.example/embed')),
      hello({ url: 'https://ads.example/x', top: false }, fromFrame(tab.id!, 9, 'https://ads.example/x')),
    ]);
    expect((await database().sites.get('news.example'))?.visits).toBe(1);
    expect(await database().sites.get('video.example')).toBeUndefined();
    const status = await tabHandlers.extension!['tab.status']!({ tabId: tab.id! }, ext);
    expect(status).toMatchObject({ site: 'news.example', framesSeen: 3, config: { active: true } });
  });

  it('trusts the URL the browser reports over the one the page claims', async () => {
    const config = await hello({ url: 'https://bank.example/', top: true }, fromFrame(1, 0, 'https://evil.example/'));
    expect(config.site).toBe('evil.example');
  });

  it('records nothing on a paused site', async () => {
    await database().sites.clear();
    await saveSettings({ ...defaultSettings(), pausedSites: ['quiet.example'] });
    const config = await hello({ url: 'https://quiet.example/', top: true }, fromFrame(2, 0, 'https://quiet.example/'));
    expect(config).toMatchObject({ active: false, inactiveReason: 'sitePaused' });
    expect(await database().sites.count()).toBe(0);
  });
});

describe('site rules', () => {
  it('pauses a site and sets an override', async () => {
    await siteHandlers.extension!['site.setPaused']!({ site: 'example.com', paused: true }, ext);
    await siteHandlers.extension!['site.setOverride']!({ site: 'example.com', override: { mode: 'denyAll' } }, ext);
    expect(await loadSettings()).toMatchObject({ pausedSites: ['example.com'], siteOverrides: { 'example.com': { mode: 'denyAll' } } });
  });

  it('refuses a host that is not a registrable domain', async () => {
    await expect(siteHandlers.extension!['site.setPaused']!({ site: 'www.example.com', paused: true }, ext)).rejects.toThrow(/registrable/);
    expect((await loadSettings()).pausedSites).toEqual([]);
  });
});

describe('data.eraseAll', () => {
  it('erases the database and every setting', async () => {
    await saveSettings({ ...defaultSettings(), onboarded: true });
    await database().sites.put({ ...newSite('a.com', 1), visits: 1 });
    await dataHandlers.extension!['data.eraseAll']!({}, ext);
    expect(await database().sites.count()).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
