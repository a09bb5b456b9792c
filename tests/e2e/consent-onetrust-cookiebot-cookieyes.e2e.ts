import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurposeChoices } from '../../core/consent/purposes';
import { PROFILES, storedCookie, useProfile, visit, type ProfileName } from './support/consent';
import { startHarness, type Harness } from './support/harness';

/*
 * OneTrust, Cookiebot and CookieYes, imitated on local pages (tests/fixtures/sites/<cmp>.test)
 * from their documented ids, APIs and cookies. autoconsent's own rules must find each banner;
 * the engine answers through our adapter; each CMP's own record must then hold exactly the profile.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

const profiles = Object.keys(PROFILES) as ProfileName[];

/** `key:value` pairs of a cookie, whatever separates them. */
function pairs(text: string, separator: RegExp): Record<string, string> {
  return Object.fromEntries(text.split(separator).map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)]));
}

interface Case {
  host: string;
  cmp: string;
  banner: string;
  /** The CMP's own record, decoded, and what it must equal for the profile. */
  stored: (page: Page) => Promise<unknown>;
  expected: (want: PurposeChoices) => unknown;
  checked: string[];
  /** The page's own controls: first-layer reject, settings, the functional toggle, save. */
  buttons: { reject: string; settings: string; functional: string; save: string };
}

const CASES: Case[] = [
  {
    host: 'onetrust.test',
    cmp: 'OneTrust',
    banner: '#onetrust-banner-sdk',
    stored: async (page) => {
      const cookie = await storedCookie(page, 'OptanonConsent');
      const groups = pairs(/(?:^|&)groups=([^&]*)/.exec(cookie)![1]!, /,/);
      const api = await page.evaluate(() => ({
        active: (window as unknown as { OnetrustActiveGroups: string }).OnetrustActiveGroups,
        closed: (window as unknown as { OneTrust: { IsAlertBoxClosed: () => boolean } }).OneTrust.IsAlertBoxClosed(),
      }));
      await storedCookie(page, 'OptanonAlertBoxClosed');
      return { groups, ...api };
    },
    expected: (want) => {
      const groups = { C0001: true, C0002: want.analytics, C0003: want.functional, C0004: want.advertising, C0005: want.social };
      const on = Object.entries(groups).filter(([, v]) => v).map(([id]) => id);
      return { groups: Object.fromEntries(Object.entries(groups).map(([id, v]) => [id, v ? '1' : '0'])), active: `,${on.join(',')},`, closed: true };
    },
    checked: ['advertising', 'analytics', 'functional', 'social'],
    buttons: { reject: '#onetrust-reject-all-handler', settings: '#onetrust-pc-btn-handler', functional: '#ot-group-id-C0003', save: '.save-preference-btn-handler' },
  },
  {
    host: 'cookiebot.test',
    cmp: 'Cookiebot',
    banner: '#CybotCookiebotDialog',
    stored: async (page) => {
      const literal = await storedCookie(page, 'CookieConsent');
      const record = pairs(literal.replace(/^\{|\}$/g, ''), /,/);
      const api = await page.evaluate(() => {
        const cb = (window as unknown as { Cookiebot: { consent: Record<string, unknown>; hasResponse: boolean } }).Cookiebot;
        return { ...cb.consent, hasResponse: cb.hasResponse };
      });
      return { necessary: record.necessary, preferences: record.preferences, statistics: record.statistics, marketing: record.marketing, method: record.method, api };
    },
    expected: (want) => ({
      necessary: 'true',
      preferences: String(want.functional),
      statistics: String(want.analytics),
      marketing: String(want.advertising),
      method: "'explicit'",
      api: expect.objectContaining({ necessary: true, preferences: want.functional, statistics: want.analytics, marketing: want.advertising, hasResponse: true }),
    }),
    checked: ['advertising', 'analytics', 'functional'],
    buttons: {
      reject: '#CybotCookiebotDialogBodyButtonDecline',
      settings: '#CybotCookiebotDialogBodyLevelButtonCustomize',
      functional: '#CybotCookiebotDialogBodyLevelButtonPreferences',
      save: '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection',
    },
  },
  {
    host: 'cookieyes.test',
    cmp: 'CookieYes',
    banner: '.cky-consent-container',
    stored: async (page) => {
      const { consentid: _id, ...record } = pairs(await storedCookie(page, 'cookieyes-consent'), /,/);
      const api = await page.evaluate(() => (window as unknown as { getCkyConsent: () => { categories: unknown; isUserActionCompleted: boolean } }).getCkyConsent());
      return { record, categories: api.categories, done: api.isUserActionCompleted };
    },
    expected: (want) => {
      const yes = (v: boolean) => (v ? 'yes' : 'no');
      const all = Object.values(want).every(Boolean);
      return {
        record: {
          consent: yes(want.functional || want.analytics || want.advertising),
          action: 'yes',
          necessary: 'yes',
          functional: yes(want.functional),
          analytics: yes(want.analytics),
          performance: yes(want.analytics),
          advertisement: yes(want.advertising),
          other: yes(all),
        },
        categories: { necessary: true, functional: want.functional, analytics: want.analytics, performance: want.analytics, advertisement: want.advertising },
        done: true,
      };
    },
    checked: ['advertising', 'analytics', 'functional'],
    buttons: {
      reject: '.cky-consent-container [data-cky-tag=reject-button]',
      settings: '.cky-consent-container [data-cky-tag=settings-button]',
      functional: '#ckySwitchfunctional',
      save: '[data-cky-tag=detail-save-button]',
    },
  },
];

describe.each(profiles)('OneTrust, Cookiebot and CookieYes imitations, profile %s', (profile) => {
  const want = PROFILES[profile]!.purposes;

  it.each(CASES.map((c) => [c.cmp, c] as const))('%s stores exactly the profile, and the ledger says so', async (_name, c) => {
    await useProfile(h, profile);
    const { page, record } = await visit(h, c.host);
    expect(record).toMatchObject({ site: c.host, cmp: c.cmp, method: 'adapter', outcome: 'respected', fallback: false });
    expect(record.verdict?.checked.sort()).toEqual(c.checked);
    expect(record.asked).toMatchObject({ answered: false, firstLayerReject: true });
    expect(await c.stored(page)).toEqual(c.expected(want));
    // The proof shown to the user is the CMP's own cookie.
    expect(record.stored?.evidence).toMatch(/^(OptanonConsent|CookieConsent|cookieyes-consent)=/);
    expect(await page.locator(c.banner).isVisible()).toBe(false);
    await page.close();
  });
});

// autoconsent may press these buttons itself (its fallback), so they must store the same records.
describe.each(CASES.map((c) => [c.cmp, c] as const))('the %s imitation\'s own buttons', (_name, c) => {
  const leaveAlone = () => useProfile(h, 'acceptAll', { siteOverrides: { [c.host]: { mode: 'off' } } });

  it('reject stores what the denyOptional profile stores', async () => {
    await leaveAlone();
    const { page, record } = await visit(h, c.host);
    expect(record).toMatchObject({ outcome: 'leftAlone', cmp: c.cmp });
    await page.click(c.buttons.reject);
    expect(await c.stored(page)).toEqual(c.expected(PROFILES.denyOptional!.purposes));
    expect(await page.locator(c.banner).isVisible()).toBe(false);
    await page.close();
  });

  it('settings, the functional toggle and save store what the functionalOnly profile stores', async () => {
    await leaveAlone();
    const { page } = await visit(h, c.host);
    await page.click(c.buttons.settings);
    await page.check(c.buttons.functional);
    await page.click(c.buttons.save);
    expect(await c.stored(page)).toEqual(c.expected(PROFILES.functionalOnly!.purposes));
    expect(await page.locator(c.banner).isVisible()).toBe(false);
    await page.close();
  });
});

describe("OneTrust with its IAB TCF integration, which keeps legitimate interest after a refusal", () => {
  it("says the site did not store the objection: the categories are refused, the TCF answer still claims legitimate interest", async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'onetrust.test', '/?tcf');
    expect(record).toMatchObject({ site: 'onetrust.test', cmp: 'OneTrust', method: 'adapter', outcome: 'notRespected' });
    expect(record.verdict?.mismatches).toEqual([{ purpose: 'legitimateInterest', intended: false, stored: true }]);
    expect(record.stored?.legitimateInterestOn).toEqual([2, 7, 8, 9, 10].map((id) => `TCF purpose ${id} (legitimate interest)`));
    // The proof names both records: OneTrust's cookie and the TCF answer.
    expect(record.stored?.evidence).toMatch(/^OptanonConsent=.*; __tcfapi: eventStatus useractioncomplete/);
    expect(pairs(decodeURIComponent(new URLSearchParams(await storedCookie(page, 'OptanonConsent')).get('groups') ?? ''), /,/)).toMatchObject({ C0002: '0', C0004: '0' });
    await page.close();
  });

  it('stays respected where the user allows legitimate interest', async () => {
    await useProfile(h, 'acceptAll');
    const { page, record } = await visit(h, 'onetrust.test', '/?tcf');
    expect(record).toMatchObject({ cmp: 'OneTrust', outcome: 'respected' });
    await page.close();
  });
});
