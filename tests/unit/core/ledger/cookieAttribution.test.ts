import { describe, expect, it } from 'vitest';
import { attributeCookie, type OpenTab, type SetCookie } from '../../../../core/ledger/cookies/attribution';

const cookie = (domain: string, over: Partial<SetCookie> = {}): SetCookie => ({ domain, name: 'c', expiresAt: null, at: 5, partitionSite: null, ...over });
const tabs: OpenTab[] = [
  { tabId: 1, site: 'tracked.test' },
  { tabId: 2, site: 'news.test' },
  { tabId: 3, site: 'tracked.test' },
];
const contactedBy: Record<number, string[]> = { 1: ['cdn-tracker.test'], 2: ['cdn-tracker.test', 'video.test'], 3: [] };
/** What the pages of `site` in `tabId` contacted: only the site the tab shows has any. */
const contacted = async (tabId: number, site: string) => new Set(tabs.find((t) => t.tabId === tabId)?.site === site ? (contactedBy[tabId] ?? []) : []);
const sitesOf = async (c: SetCookie, open = tabs) => (await attributeCookie(c, open, contacted)).map((o) => [o.site, o.firstParty]);

describe('attributeCookie', () => {
  it('gives a cookie of an open site to that site, as first party', async () => {
    expect(await sitesOf(cookie('www.tracked.test'))).toEqual([['tracked.test', true]]);
  });

  it('gives a third-party cookie to every open site whose page contacted its domain, once each', async () => {
    expect(await sitesOf(cookie('px.cdn-tracker.test'))).toEqual([['tracked.test', false], ['news.test', false]]);
    expect(await sitesOf(cookie('video.test'))).toEqual([['news.test', false]]);
  });

  it('asks each tab for what the pages of the site it shows contacted', async () => {
    const asked: [number, string][] = [];
    await attributeCookie(cookie('px.cdn-tracker.test'), tabs, async (tabId, site) => (asked.push([tabId, site]), new Set()));
    expect(asked).toEqual([[1, 'tracked.test'], [2, 'news.test'], [3, 'tracked.test']]);
  });

  it('prefers first party when the cookie\'s own site is open too', async () => {
    expect(await sitesOf(cookie('cdn-tracker.test'), [...tabs, { tabId: 4, site: 'cdn-tracker.test' }])).toEqual([['cdn-tracker.test', true]]);
  });

  it('follows the partition the browser put a cookie in', async () => {
    expect(await sitesOf(cookie('cdn-tracker.test', { partitionSite: 'https://shop.test' }), [])).toEqual([['shop.test', false]]);
  });

  it('gives a cookie no open page explains to no site', async () => {
    expect(await sitesOf(cookie('elsewhere.test'))).toEqual([]);
    expect(await sitesOf(cookie(''))).toEqual([]);
  });

  it('keeps what the browser said about the cookie', async () => {
    expect(await attributeCookie(cookie('tracked.test', { name: '_ga', expiresAt: 99, at: 7 }), tabs, contacted)).toEqual([
      { site: 'tracked.test', domain: 'tracked.test', name: '_ga', expiresAt: 99, at: 7, firstParty: true },
    ]);
  });
});
