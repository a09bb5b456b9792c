import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../core/settings/defaults';
import { newSite } from '../../../core/ledger/records';
import { database } from '../../../platform/db';
import { consentHandlers } from '../../../platform/handlers/consent';
import { dataHandlers } from '../../../platform/handlers/data';
import { pageHandlers } from '../../../platform/handlers/page';
import { siteHandlers } from '../../../platform/handlers/site';
import { tabHandlers } from '../../../platform/handlers/tab';
import { tabContacts } from '../../../platform/ledger/tabContacts';
import type { CallerContext } from '../../../platform/messaging/router';
import { loadSettings, saveSettings } from '../../../platform/settingsStorage';

const hello = pageHandlers.content!['page.hello']!;
const fromFrame = (tabId: number, frameId: number, url: string): CallerContext => ({ sender: { id: fakeBrowser.runtime.id, url, tab: { id: tabId } as never, frameId }, tabId, frameId });
const ext = { sender: {}, tabId: null, frameId: null } as CallerContext;

describe('page.hello', () => {
  it('tells a frame what to do on its page, and records nothing', async () => {
    await database().sites.clear();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.news.example/a' });
    const config = await hello({ url: 'https://www.news.example/a', top: true }, fromFrame(tab.id!, 0, 'https://www.news.example/a'));
    expect(config).toMatchObject({ site: 'news.example', active: true });
    expect(await hello({ url: 'https://video.example/embed', top: false }, fromFrame(tab.id!, 4, 'https://video.example/embed'))).toMatchObject({ site: 'video.example' });
    // Visits are counted from the browser's page loads (pageLoads.test.ts), not from what frames say.
    expect(await database().sites.count()).toBe(0);
    const status = await tabHandlers.extension!['tab.status']!({ tabId: tab.id! }, ext);
    expect(status).toMatchObject({ site: 'news.example', config: { active: true } });
  });

  it('trusts the URL the browser reports over the one the page claims', async () => {
    const config = await hello({ url: 'https://bank.example/', top: true }, fromFrame(1, 0, 'https://evil.example/'));
    expect(config.site).toBe('evil.example');
  });

  it('says a paused site is paused', async () => {
    await saveSettings({ ...defaultSettings(), pausedSites: ['quiet.example'] });
    const config = await hello({ url: 'https://quiet.example/', top: true }, fromFrame(2, 0, 'https://quiet.example/'));
    expect(config).toMatchObject({ active: false, inactiveReason: 'sitePaused' });
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
  it("erases the database, every setting and what the browser session kept of the user's sites", async () => {
    await saveSettings({ ...defaultSettings(), onboarded: true });
    await database().sites.put({ ...newSite('a.com', 1), visits: 1 });
    await fakeBrowser.storage.session.set({ 'gpcChecked.a.com': true, 'answers.4.a.com': [1], 'identity.key': 'k' });
    tabContacts.noteContact(4, 'a.com', 'tracker.example');
    await tabContacts.flush();
    await dataHandlers.extension!['data.eraseAll']!({}, ext);
    expect(await database().sites.count()).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect([...(await tabContacts.partiesOf(4, 'a.com'))]).toEqual([]);
  });
});

describe('consent.load', () => {
  const load = consentHandlers.content!['consent.load']!;

  it('injects the engine where the page is active, and refuses it where the site is paused', async () => {
    const executeScript = vi.fn(async () => [{ result: undefined }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    try {
      await saveSettings({ ...defaultSettings(), pausedSites: ['quiet.example'] });
      expect(await load({ adapter: null }, fromFrame(3, 0, 'https://quiet.example/'))).toBe(false);
      expect(executeScript).not.toHaveBeenCalled();
      expect(await load({ adapter: null }, fromFrame(3, 0, 'https://news.example/'))).toBe(true);
      expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 3, frameIds: [0] } }));
    } finally {
      delete (fakeBrowser as unknown as { scripting?: unknown }).scripting;
    }
  });
});
