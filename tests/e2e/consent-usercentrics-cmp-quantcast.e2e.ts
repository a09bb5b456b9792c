import { TCString } from '@iabtcf/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import table from '../../core/consent/cmps/quantcast.json';
import type { PurposeChoices } from '../../core/consent/purposes';
import { PROFILES, storedCookie, useProfile, visit, type ProfileName } from './support/consent';
import { startHarness, type Harness } from './support/harness';

/*
 * Usercentrics v2 and v3 (banners in shadow roots), consentmanager.net and Quantcast Choice,
 * imitated on local pages (tests/fixtures/sites/<cmp>.test) from their documented ids, APIs and
 * storage. autoconsent's own rules must find each banner; the engine answers through our adapter;
 * each CMP's own record must then hold exactly the profile, legitimate interest included.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

const profiles = Object.keys(PROFILES) as ProfileName[];
const LI_PURPOSES = [2, 7, 8, 9, 10, 11];

interface Stored {
  li: unknown[];
  [key: string]: unknown;
}
interface Case {
  host: string;
  cmp: string;
  /** Whether the banner is still showing (inside the shadow root for Usercentrics). */
  bannerShown: (page: Page) => Promise<boolean>;
  /** The CMP's own record, decoded; `li` lists what it still claims under legitimate interest. */
  stored: (page: Page) => Promise<Stored>;
  expected: (want: PurposeChoices) => Record<string, unknown>;
  /** What the site's own functional switch and save store, where that is not `expected` of "functional only". */
  functionalSave?: Record<string, unknown>;
  li: { adapter: (want: PurposeChoices, allow: boolean) => unknown[]; reject: unknown[]; functionalSave: unknown[] };
  checked: string[];
  evidence: RegExp;
  /** The page's own controls: first-layer reject, settings, the functional toggle, save. */
  buttons: { reject: string; settings: string; functional: string; save: string };
}

const inShadow = (host: string, selector: string) => (page: Page) =>
  page.evaluate(([h, s]) => Boolean(document.getElementById(h!)?.shadowRoot?.querySelector(s!)), [host, selector]);
const fromLocalStorage = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

const CASES: Case[] = [
  {
    host: 'usercentrics2.test',
    cmp: 'Usercentrics',
    bannerShown: inShadow('usercentrics-root', '[data-testid=uc-container]'),
    stored: async (page) => {
      const settings = JSON.parse((await fromLocalStorage(page, 'uc_settings'))!) as { services: { id: string; status: boolean }[] };
      return { consent: Object.fromEntries(settings.services.map((s) => [s.id, s.status])), interaction: await fromLocalStorage(page, 'uc_user_interaction'), li: [] };
    },
    expected: (want) => ({
      consent: { H1Vl5NidjWX: true, S1pcEj_jZX: want.functional, u4Kq1Zs0M: want.analytics, 'S1_9Vsuj-Q': want.advertising, ixMeq8xPk: want.advertising },
      interaction: 'true',
    }),
    li: { adapter: () => [], reject: [], functionalSave: [] },
    checked: ['advertising', 'analytics', 'functional'],
    evidence: /^uc_settings=\{.*\nuc_user_interaction=true$/s,
    buttons: { reject: '[data-testid=uc-deny-all-button]', settings: '[data-testid=uc-more-button]', functional: 'input[data-slug=functional]', save: '[data-testid=uc-save-button]' },
  },
  {
    host: 'usercentrics3.test',
    cmp: 'Usercentrics',
    bannerShown: inShadow('usercentrics-cmp-ui', '[role=dialog]'),
    stored: async (page) => {
      type Details = { consent: { type: string }; services: Record<string, { consent: { given: boolean } }> };
      const details = await page.evaluate(() => (window as unknown as { __ucCmp: { getConsentDetails: () => Promise<Details> } }).__ucCmp.getConsentDetails());
      const mirror = JSON.parse((await fromLocalStorage(page, 'ucData'))!) as { consent: { services: Record<string, { consent: boolean }> } };
      return {
        consent: Object.fromEntries(Object.entries(details.services).map(([id, s]) => [id, s.consent.given])),
        type: details.consent.type,
        ucData: Object.fromEntries(Object.entries(mirror.consent.services).map(([id, s]) => [id, s.consent])),
        li: [],
      };
    },
    expected: (want) => {
      const all = Object.values(want).every(Boolean);
      // Hotjar sits in a category named only in the UI and its own name says nothing: it stays off unless everything is allowed.
      const consent = { H1Vl5NidjWX: true, 'Hk0x-9Ud7': true, r1Fhc4iOoWX: want.functional, HkocEodjb7: want.analytics, 'S1kgcNo_j-m': all, B1Hk_zoTX: want.advertising, Q0vT7kP2x: want.advertising };
      return { consent, type: 'EXPLICIT', ucData: consent };
    },
    li: { adapter: () => [], reject: [], functionalSave: [] },
    checked: ['advertising', 'analytics', 'functional'],
    evidence: /^ucString=.*\nucData=\{/s,
    buttons: { reject: '[data-action-type=deny]', settings: '[data-action-type=more]', functional: 'input[data-category=functional]', save: '[data-action-type=save]' },
  },
  {
    host: 'consentmanager.test',
    cmp: 'consentmanager.net',
    bannerShown: (page) => page.locator('#cmpbox').isVisible(),
    stored: async (page) => {
      const saved = JSON.parse(Buffer.from(await storedCookie(page, '__cmpconsentx40123'), 'base64url').toString()) as { p: Record<string, boolean>; l: Record<string, boolean> };
      type Data = { purposeConsents: Record<string, boolean>; userChoiceExists: boolean };
      const api = await page.evaluate(() => (window as unknown as { __cmp: (command: string) => Data }).__cmp('getCMPData'));
      return { consent: saved.p, api: api.purposeConsents, choice: api.userChoiceExists, li: Object.keys(saved.l).filter((id) => saved.l[id]) };
    },
    expected: (want) => {
      const consent = { c51: want.functional, c53: want.analytics, c56: want.personalization, c52: want.advertising, c54: want.social, c99: Object.values(want).every(Boolean) };
      return { consent, api: consent, choice: true };
    },
    // Statistik is the one purpose claimed under legitimate interest: it may stay only where consented.
    li: { adapter: (want) => (want.analytics ? ['c53'] : []), reject: ['c53'], functionalSave: [] },
    checked: ['advertising', 'analytics', 'functional', 'personalization', 'social'],
    evidence: /^__cmpconsentx40123=[\w-]+$/,
    buttons: { reject: '#cmpbox .cmpboxbtnno', settings: '#cmpbox .cmpboxbtncustom', functional: '.cmptdchoice > a[data-purpose=c51]', save: '.cmpboxbtnyescustomchoices' },
  },
  {
    host: 'quantcast.test',
    cmp: 'Quantcast Choice',
    bannerShown: (page) => page.locator('#qc-cmp2-ui').isVisible(),
    stored: async (page) => {
      const tc = TCString.decode(await storedCookie(page, 'euconsent-v2'));
      const on = (vector: { has: (id: number) => boolean }, max: number) => Array.from({ length: max }, (_, i) => i + 1).filter((id) => vector.has(id));
      const api = await page.evaluate(
        () => new Promise((resolve) => (window as unknown as { __tcfapi: Function }).__tcfapi('getTCData', 2, (d: { eventStatus: string }) => resolve(d.eventStatus))),
      );
      return { consent: on(tc.purposeConsents, 11), features: on(tc.specialFeatureOptins, 2), cmpId: tc.cmpId, eventStatus: api, li: on(tc.purposeLegitimateInterests, 11) };
    },
    expected: (want) => {
      const consent = Object.entries(table.purposes).filter(([, p]) => want[p.purpose as keyof PurposeChoices]).map(([id]) => Number(id));
      const features = want.advertising ? [1, 2] : [];
      // Purpose 1 (storage on a device) is the means of the others: given exactly when another is.
      return { consent: consent.length || features.length ? [1, ...consent] : [], features, cmpId: 10, eventStatus: 'useractioncomplete' };
    },
    // The site's own switch for storage alone, saved: what the page stores then.
    functionalSave: { consent: [1], features: [], cmpId: 10, eventStatus: 'useractioncomplete' },
    // "Disagree" refuses consent only; an objection takes the legitimate-interest screen.
    li: { adapter: (_want, allow) => (allow ? LI_PURPOSES : []), reject: LI_PURPOSES, functionalSave: LI_PURPOSES },
    checked: ['advertising', 'analytics', 'personalization'],
    evidence: /^euconsent-v2=[\w-]+(\.[\w-]+)*$/,
    buttons: {
      reject: '.qc-cmp2-summary-buttons > button[mode=secondary]:nth-of-type(2)',
      settings: '.qc-cmp2-summary-buttons > button[mode=secondary]:nth-of-type(1)',
      functional: 'button[role=switch][aria-label="Store and/or access information on a device"]',
      save: '.qc-cmp2-buttons-desktop > button[mode=primary]',
    },
  },
];

/** `useProfile` clears cookies only: Usercentrics keeps its answer in localStorage, so empty it on a page of the site without a banner. */
async function forgetSiteStorage(host: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(h.server.url(host, '/no-banner-here'));
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

describe.each(profiles)('Usercentrics, consentmanager and Quantcast imitations, profile %s', (profile) => {
  const { purposes: want, legitimateInterest } = PROFILES[profile]!;

  it.each(CASES.map((c) => [c.host, c] as const))('%s stores exactly the profile, and the ledger says so', async (_host, c) => {
    await useProfile(h, profile);
    await forgetSiteStorage(c.host);
    const { page, record } = await visit(h, c.host);
    expect(record).toMatchObject({ site: c.host, cmp: c.cmp, method: 'adapter', outcome: 'respected', fallback: false });
    expect(record.verdict?.checked.sort()).toEqual(c.checked);
    expect(record.asked).toMatchObject({ answered: false, firstLayerReject: true });
    const { li, ...stored } = await c.stored(page);
    expect(stored).toEqual(c.expected(want));
    expect(li).toEqual(c.li.adapter(want, legitimateInterest === 'allow'));
    // The proof shown to the user is the CMP's own record.
    expect(record.stored?.evidence).toMatch(c.evidence);
    expect(await c.bannerShown(page)).toBe(false);
    await page.close();
  });
});

// autoconsent may press these buttons itself (its fallback), so they must store the same records.
describe.each(CASES.map((c) => [c.host, c] as const))("the %s imitation's own buttons", (_host, c) => {
  const leaveAlone = async () => {
    await useProfile(h, 'acceptAll', { siteOverrides: { [c.host]: { mode: 'off' } } });
    await forgetSiteStorage(c.host);
  };

  it('reject refuses every consent', async () => {
    await leaveAlone();
    const { page, record } = await visit(h, c.host);
    expect(record).toMatchObject({ outcome: 'leftAlone', cmp: c.cmp });
    await page.click(c.buttons.reject);
    const { li, ...stored } = await c.stored(page);
    expect(stored).toEqual(c.expected(PROFILES.denyOptional!.purposes));
    expect(li).toEqual(c.li.reject);
    expect(await c.bannerShown(page)).toBe(false);
    await page.close();
  });

  it('settings, the functional toggle and save store the functionalOnly consents', async () => {
    await leaveAlone();
    const { page } = await visit(h, c.host);
    await page.click(c.buttons.settings);
    await page.click(c.buttons.functional);
    await page.click(c.buttons.save);
    const { li, ...stored } = await c.stored(page);
    expect(stored).toEqual(c.functionalSave ?? c.expected(PROFILES.functionalOnly!.purposes));
    expect(li).toEqual(c.li.functionalSave);
    expect(await c.bannerShown(page)).toBe(false);
    await page.close();
  });
});
