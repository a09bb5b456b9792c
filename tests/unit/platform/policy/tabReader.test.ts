import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../../core/settings/defaults';
import type { Settings } from '../../../../core/settings/schema';
import { database } from '../../../../platform/db';
import { policyHandlers } from '../../../../platform/handlers/policy';
import type { CallerContext } from '../../../../platform/messaging/router';
import { saveFailure, saveVersion } from '../../../../platform/policy/policyStore';
import { isDue, maybeReadOnLoad, READ_PERIOD_MS } from '../../../../platform/policy/tabReader';
import { saveSettings } from '../../../../platform/settingsStorage';
import { fullSummary } from '../../../support/policySummary';

const POLICY = `<html><head><title>Privacy policy</title></head><body><h1>Privacy policy</h1>
<p>Shop Ltd is the controller of your personal data. We collect your name and email address to deliver your orders.
We do not sell your personal data. We keep orders for 6 years. You have the right to access and delete your data: email privacy@shop.test.</p></body></html>`;

/** The page scan runs through `scripting`, which WXT's fake browser lacks: a stand-in answers with the page's links. */
function fakeScripting(links: { href: string; text: string }[]) {
  const executeScript = vi.fn(async () => [{ result: {
    url: 'https://shop.test/', title: 'Shop', lang: 'en', text: 'Welcome',
    links: links.map((l) => ({ ...l, ariaLabel: null, rel: null, title: null, region: 'footer' })),
  } }]);
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  return executeScript;
}

const ext = { sender: {}, tabId: null, frameId: null } as CallerContext;
const settings = (over: Partial<Settings> = {}) => saveSettings({ ...defaultSettings(), onboarded: true, ...over });
const rowsOf = async (site: string) => (await database().policies.toArray()).filter((p) => p.site === site);

beforeEach(async () => {
  await database().policies.clear();
  await database().events.clear();
  vi.stubGlobal('fetch', vi.fn(async (url: string) => Object.defineProperty(new Response(POLICY, { headers: { 'content-type': 'text/html' } }), 'url', { value: url })));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('automatic reading on page load', () => {
  it('reads a site never tried, scanning only the top frame', async () => {
    await settings();
    const scan = fakeScripting([{ href: 'https://shop.test/privacy', text: 'Privacy policy' }]);
    await maybeReadOnLoad(7, 'https://www.shop.test/');
    expect(scan).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7, frameIds: [0] } }));
    expect((await rowsOf('shop.test')).map((r) => r.status)).toEqual(['ok']);
    expect((await database().events.toArray()).map((e) => e.kind)).toEqual(['policy.read']);
  });

  it('does nothing when automatic reading is off, the site is paused, or it was tried within the period', async () => {
    const scan = fakeScripting([{ href: 'https://shop.test/privacy', text: 'Privacy policy' }]);
    await settings({ policyAutoRead: false });
    await maybeReadOnLoad(7, 'https://shop.test/');
    await settings({ pausedSites: ['shop.test'] });
    await maybeReadOnLoad(7, 'https://shop.test/');
    await settings();
    await saveFailure(database(), 'shop.test', 'https://shop.test/privacy', 'timeout', null, Date.now() - 1000);
    await maybeReadOnLoad(7, 'https://shop.test/');
    expect(scan).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is due again once the period has passed', () => {
    expect(isDue(null, 0)).toBe(true);
    expect(isDue(1000, 1000 + READ_PERIOD_MS - 1)).toBe(false);
    expect(isDue(1000, 1000 + READ_PERIOD_MS)).toBe(true);
  });
});

describe('policy handlers', () => {
  it('reads the tab\'s site when asked, whatever the period', async () => {
    await settings({ policyAutoRead: false });
    fakeScripting([{ href: 'https://shop.test/privacy', text: 'Privacy policy' }]);
    await saveVersion(database(), 'shop.test', 'https://shop.test/privacy', 'older text', fullSummary(), Date.now());
    const tab = await fakeBrowser.tabs.create({ url: 'https://shop.test/' });
    const result = await policyHandlers.extension!['policy.read']!({ tabId: tab.id! }, ext);
    expect(result).toEqual({ status: 'ok', outcome: 'changed', url: 'https://shop.test/privacy' });
    expect(await policyHandlers.extension!['policy.status']!({ site: 'shop.test' }, ext)).toEqual({ reading: false });
    await policyHandlers.extension!['policy.seen']!({ site: 'shop.test' }, ext);
    expect((await rowsOf('shop.test')).every((r) => typeof r.seenAt === 'number')).toBe(true);
  });

  it('refuses a tab that does not show a website, and a site with no known policy address', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await expect(policyHandlers.extension!['policy.read']!({ tabId: tab.id! }, ext)).rejects.toThrow('does not show a website');
    await expect(policyHandlers.extension!['policy.readSite']!({ site: 'new.test' }, ext)).rejects.toThrow('no policy address');
  });

  it('reads again from the known address for the Site page', async () => {
    await saveFailure(database(), 'shop.test', 'https://shop.test/privacy', 'timeout', null, 1);
    expect(await policyHandlers.extension!['policy.readSite']!({ site: 'shop.test' }, ext)).toMatchObject({ status: 'ok', outcome: 'first' });
  });
});
