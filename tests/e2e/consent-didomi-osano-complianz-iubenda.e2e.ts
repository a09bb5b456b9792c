import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Purpose, PurposeChoices } from '../../core/consent/purposes';
import { PROFILES, storedCookie, useProfile, visit, type ProfileName } from './support/consent';
import { startHarness, type Harness } from './support/harness';

/** The page globals the imitations expose, as far as these tests read them. */
interface PageGlobals {
  Didomi: { getCurrentUserStatus: () => { purposes: Record<string, { enabled: boolean }>; vendors: Record<string, { enabled: boolean }> } };
  Osano: { cm: { getConsent: () => Record<string, string>; dialogOpen: boolean } };
  _iub: { cs: { api: { getPreferences: () => { purposes: Record<string, boolean> } } } };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

// The engine finds a tab by its URL: a page left open by a failed test would answer for the next visit to its site.
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
});
async function open(host: string) {
  const visited = await visit(h, host);
  opened.push(visited.page);
  return visited;
}

const profiles = Object.keys(PROFILES) as ProfileName[];
const SITES = ['didomi.test', 'osano.test', 'complianz.test', 'iubenda.test'];

const fromBase64 = (text: string) => JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
const anyOn = (want: PurposeChoices) => Object.values(want).some(Boolean);
const ids = (on: Record<string, boolean>, value: boolean) => Object.keys(on).filter((id) => on[id] === value).sort();

/** The fixture's Didomi purposes and what each stands for; 'any' is storage (TCF purpose 1), on when any purpose is. */
const DIDOMI_CONSENT: Record<string, Purpose | 'any'> = {
  cookies: 'any', select_basic_ads: 'advertising', create_ads_profile: 'advertising',
  'audience-Hk3nQ2': 'analytics', 'preferences-Pz81Lc': 'functional', 'social-R7xw2m': 'social',
};
const DIDOMI_LI: Record<string, Purpose> = { measure_ad_performance: 'advertising', improve_products: 'analytics' };
const DIDOMI_VENDORS: Record<string, string[]> = {
  google: ['cookies', 'select_basic_ads', 'create_ads_profile', 'measure_ad_performance'],
  'c:matomo-Xa9': ['audience-Hk3nQ2'], 'c:livechat-Qm4': ['preferences-Pz81Lc'], 'c:facebook-K2v': ['social-R7xw2m'], 'c:abtasty-7Lp': ['improve_products'],
};

async function expectAnswered(page: Page, record: Awaited<ReturnType<typeof visit>>['record'], host: string, cmp: string, banner: string) {
  expect(record).toMatchObject({ site: host, cmp, method: 'adapter', outcome: 'respected', fallback: false });
  expect(record.asked).toMatchObject({ answered: false, firstLayerReject: true });
  await page.locator(banner).waitFor({ state: 'hidden' });
}

describe.each(profiles)('Didomi, Osano, Complianz and iubenda imitations, profile %s', (profile) => {
  const { purposes: want, legitimateInterest } = PROFILES[profile]!;
  const allow = (p: Purpose) => want[p];

  it('Didomi stores exactly the profile, legitimate interest objected unless allowed', async () => {
    await useProfile(h, profile);
    const { page, record } = await open('didomi.test');
    const consentOn = Object.fromEntries(Object.entries(DIDOMI_CONSENT).map(([id, p]) => [id, p === 'any' ? anyOn(want) : allow(p)]));
    const liOn = Object.fromEntries(Object.entries(DIDOMI_LI).map(([id, p]) => [id, legitimateInterest === 'allow' && allow(p)]));
    const all = { ...consentOn, ...liOn };
    const vendorsOn = Object.fromEntries(Object.entries(DIDOMI_VENDORS).map(([id, needs]) => [id, needs.every((p) => all[p])]));
    // Didomi's own record: the cookie, and its API.
    const token = fromBase64(await storedCookie(page, 'didomi_token'));
    const sorted = (group: { enabled: string[]; disabled: string[] }) => ({ enabled: [...group.enabled].sort(), disabled: [...group.disabled].sort() });
    expect(sorted(token.purposes)).toEqual({ enabled: ids(consentOn, true), disabled: ids(consentOn, false) });
    expect(sorted(token.purposes_li)).toEqual({ enabled: ids(liOn, true), disabled: ids(liOn, false) });
    const status = await page.evaluate(() => (window as unknown as PageGlobals).Didomi.getCurrentUserStatus());
    expect(Object.fromEntries(Object.entries(status.purposes).map(([id, p]) => [id, p.enabled]))).toEqual(all);
    expect(Object.fromEntries(Object.entries(status.vendors).map(([id, v]) => [id, v.enabled]))).toEqual(vendorsOn);
    await expectAnswered(page, record, 'didomi.test', 'Didomi', '#didomi-notice');
    expect(record.asked?.categories.map((c) => [c.id, c.purpose])).toEqual([
      ['cookies', 'necessary'], ['select_basic_ads', 'advertising'], ['create_ads_profile', 'advertising'],
      ['audience-Hk3nQ2', 'analytics'], ['preferences-Pz81Lc', 'functional'], ['social-R7xw2m', 'social'],
    ]);
    expect(record.asked?.legitimateInterestOn).toEqual(['measure_ad_performance', 'improve_products']);
    expect(record.stored?.legitimateInterestOn).toEqual(ids(liOn, true).length ? ['measure_ad_performance', 'improve_products'] : []);
    expect(record.verdict?.checked.sort()).toEqual(['advertising', 'analytics', 'functional', 'social']);
  });

  it('Osano stores exactly the profile', async () => {
    await useProfile(h, profile);
    const { page, record } = await open('osano.test');
    const yes = (on: boolean) => (on ? 'ACCEPT' : 'DENY');
    const expected = {
      ESSENTIAL: 'ACCEPT', STORAGE: yes(want.functional), MARKETING: yes(want.advertising),
      PERSONALIZATION: yes(want.personalization), ANALYTICS: yes(want.analytics), OPT_OUT: 'DENY',
    };
    expect(fromBase64(await storedCookie(page, 'osano_consentmanager'))).toEqual(expected);
    expect(await page.evaluate(() => (window as unknown as PageGlobals).Osano.cm.getConsent())).toEqual(expected);
    await expectAnswered(page, record, 'osano.test', 'Osano', '.osano-cm-dialog');
    expect(record.asked?.categories.map((c) => [c.id, c.purpose])).toEqual([
      ['ESSENTIAL', 'necessary'], ['STORAGE', 'functional'], ['MARKETING', 'advertising'], ['PERSONALIZATION', 'personalization'], ['ANALYTICS', 'analytics'],
    ]);
    expect(await page.evaluate(() => (window as unknown as PageGlobals).Osano.cm.dialogOpen)).toBe(false);
    expect(record.verdict?.checked.sort()).toEqual(['advertising', 'analytics', 'functional', 'personalization']);
  });

  it('Complianz stores exactly the profile', async () => {
    await useProfile(h, profile);
    const { page, record } = await open('complianz.test');
    const verdictOf = (on: boolean) => (on ? 'allow' : 'deny');
    expect({
      functional: await storedCookie(page, 'cmplz_functional'),
      preferences: await storedCookie(page, 'cmplz_preferences'),
      statistics: await storedCookie(page, 'cmplz_statistics'),
      marketing: await storedCookie(page, 'cmplz_marketing'),
      banner: await storedCookie(page, 'cmplz_banner-status'),
    }).toEqual({ functional: 'allow', preferences: verdictOf(want.functional), statistics: verdictOf(want.analytics), marketing: verdictOf(want.advertising), banner: 'dismissed' });
    await expectAnswered(page, record, 'complianz.test', 'Complianz', '#cmplz-cookiebanner-container .cmplz-cookiebanner');
    expect(record.asked?.categories.map((c) => [c.id, c.label, c.purpose])).toEqual([
      ['functional', 'Functioneel', 'necessary'], ['preferences', 'Voorkeuren', 'functional'], ['statistics', 'Statistieken', 'analytics'], ['marketing', 'Marketing', 'advertising'],
    ]);
    expect(record.verdict?.checked.sort()).toEqual(['advertising', 'analytics', 'functional']);
  });

  it('iubenda stores exactly the profile', async () => {
    await useProfile(h, profile);
    const { page, record } = await open('iubenda.test');
    const expected = { '1': true, '2': want.functional, '3': want.personalization, '4': want.analytics, '5': want.advertising };
    expect(JSON.parse(await storedCookie(page, '_iub_cs-58213577')).purposes).toEqual(expected);
    expect(await page.evaluate(() => (window as unknown as PageGlobals)._iub.cs.api.getPreferences().purposes)).toEqual(expected);
    await expectAnswered(page, record, 'iubenda.test', 'iubenda', '#iubenda-cs-banner');
    expect(record.asked?.categories.map((c) => [c.id, c.purpose])).toEqual([
      ['1', 'necessary'], ['2', 'functional'], ['3', 'personalization'], ['4', 'analytics'], ['5', 'advertising'],
    ]);
    await page.locator('#iubenda-iframe').waitFor({ state: 'hidden' });
    expect(record.verdict?.checked.sort()).toEqual(['advertising', 'analytics', 'functional', 'personalization']);
  });
});

describe('the imitations themselves', () => {
  it('were each answered through their adapter, once per profile', async () => {
    const events = await h.table<{ kind: string; site: string; data: { outcome: string; method: string } }>('events');
    const answers = events.filter((e) => e.kind === 'consent.answer' && SITES.includes(e.site));
    expect(answers).toHaveLength(SITES.length * profiles.length);
    expect(answers.every((e) => e.data.outcome === 'respected' && e.data.method === 'adapter')).toBe(true);
  });

  // What autoconsent's opt-out rule clicks when an adapter cannot answer: the page's own buttons must store a refusal.
  it.each([
    ['didomi.test', '#didomi-notice-disagree-button', async (page: Page) => {
      const token = fromBase64(await storedCookie(page, 'didomi_token'));
      return [...token.purposes.enabled, ...token.purposes_li.enabled, ...token.vendors.enabled];
    }],
    ['osano.test', '.osano-cm-denyAll', async (page: Page) =>
      Object.entries(fromBase64(await storedCookie(page, 'osano_consentmanager'))).filter(([k, v]) => k !== 'ESSENTIAL' && v === 'ACCEPT')],
    ['complianz.test', '.cmplz-cookiebanner .cmplz-deny', async (page: Page) => {
      const on: string[] = [];
      for (const c of ['preferences', 'statistics', 'marketing']) if ((await storedCookie(page, `cmplz_${c}`)) !== 'deny') on.push(c);
      return on;
    }],
    ['iubenda.test', '.iubenda-cs-reject-btn', async (page: Page) =>
      Object.entries(JSON.parse(await storedCookie(page, '_iub_cs-58213577')).purposes).filter(([k, v]) => k !== '1' && v)],
  ])('%s: its reject button stores a refusal', async (host, button, optionalOn) => {
    await useProfile(h, 'denyOptional', { siteOverrides: { [host]: { mode: 'off' } } });
    const { page, record } = await open(host);
    expect(record.outcome).toBe('leftAlone');
    await page.locator(button).click();
    expect(await optionalOn(page)).toEqual([]);
  });
});
