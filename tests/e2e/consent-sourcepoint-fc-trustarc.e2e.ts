import { TCString, type Vector } from '@iabtcf/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieValue, PROFILES, storedCookie, useProfile, visit, type ProfileName } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

const profiles = Object.keys(PROFILES) as ProfileName[];
/** The page globals the tests look at, as the imitations define them. */
type TrustArcWindow = { PrivacyManagerAPI: { callApi: (action: string, host: string) => { consentDecision: number } }; truste: { eu: { bindMap: { prefCookie?: string } } } };
type FcWindow = { googlefc: { showRevocationMessage: () => void } };

/**
 * The TC bits each profile must leave in the CMP's own record, written out by
 * hand from the TCF table (core/consent/tcf/purposes.json): no TCF purpose is
 * "functional", so functionalOnly stores nothing; LI is objected to in every
 * profile but acceptAll.
 */
const TCF: Record<string, { consents: number[]; li: number[]; sf: number[] }> = {
  denyOptional: { consents: [], li: [], sf: [] },
  functionalOnly: { consents: [], li: [], sf: [] },
  functionalAnalytics: { consents: [1, 8, 9, 10], li: [], sf: [] },
  acceptAll: { consents: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], li: [2, 7, 8, 9, 10, 11], sf: [1, 2] },
};
/**
 * TrustArc levels (core/consent/cmps/trustarc.json): Functional holds analytics too, so "functional only" cannot
 * be given; the fallback setting (deny optional) answers it, and the record says so.
 */
const TRUSTARC: Record<string, number[]> = { denyOptional: [1], functionalOnly: [1], functionalAnalytics: [1, 2], acceptAll: [1, 2, 3] };

function tcBits(tc: string) {
  const model = TCString.decode(tc);
  const on = (vector: Vector) => {
    const ids: number[] = [];
    vector.forEach((value, id) => value && ids.push(id));
    return ids;
  };
  return { consents: on(model.purposeConsents), li: on(model.purposeLegitimateInterests), sf: on(model.specialFeatureOptins) };
}

/** The TC string Funding Choices keeps in FCCDCF (a JSON array; its fourth item is [TC string, seconds]). */
const fcTcString = async (page: Page) => (JSON.parse(await storedCookie(page, 'FCCDCF')) as [null, null, null, [string, number]])[3][0];

const spMessage = (page: Page) => page.frameLocator('div[id^="sp_message_container_"] iframe');

describe.each(profiles)('Sourcepoint, Funding Choices and TrustArc, profile %s', (profile) => {
  it('Sourcepoint, banner in a cross-origin iframe: euconsent-v2 holds exactly the profile', async () => {
    await useProfile(h, profile);
    const { page, record } = await visit(h, 'sourcepoint.test');
    expect(tcBits(await storedCookie(page, 'euconsent-v2'))).toEqual(TCF[profile]);
    expect(await cookieValue(page, 'consentUUID')).toMatch(/^[0-9a-f-]{36}$/);
    expect(record).toMatchObject({ site: 'sourcepoint.test', cmp: 'Sourcepoint', adapterId: 'sourcepoint', method: 'adapter', outcome: 'respected', fallback: false });
    // autoconsent found the banner inside the message iframe, not in the page.
    expect(new URL(record.frameUrl).host).toBe(`sp-cdn.test:${h.server.port}`);
    expect(record.stored?.evidence).toMatch(/^euconsent-v2=/);
    expect(await page.locator('div[id^="sp_message_container_"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('sp-message-open'))).toBe(false);
    await page.close();
  });

  it('Google Funding Choices: the TC string in FCCDCF holds exactly the profile', async () => {
    await useProfile(h, profile);
    const { page, record } = await visit(h, 'fundingchoices.test');
    expect(tcBits(await fcTcString(page))).toEqual(TCF[profile]);
    expect(record).toMatchObject({ site: 'fundingchoices.test', cmp: 'Google Funding Choices', method: 'adapter', outcome: 'respected', fallback: false });
    expect(record.asked?.firstLayerReject).toBe(true);
    expect(await page.locator('.fc-consent-root').count()).toBe(0);
    await page.close();
  });

  it('TrustArc: cmapi_cookie_privacy, notice_gdpr_prefs and the API hold exactly the profile', async () => {
    await useProfile(h, profile);
    const { page, record } = await visit(h, 'trustarc.test');
    const levels = TRUSTARC[profile]!;
    expect(await storedCookie(page, 'cmapi_cookie_privacy')).toBe(`permit ${levels.join(',')}`);
    expect(await storedCookie(page, 'notice_gdpr_prefs')).toBe(`${levels.map((n) => n - 1).join(',')}:`);
    const decision = await page.evaluate(() => (window as unknown as TrustArcWindow).PrivacyManagerAPI.callApi('getGDPRConsentDecision', location.hostname).consentDecision);
    expect(decision).toBe(levels.length);
    const fallback = profile === 'functionalOnly';
    expect(record).toMatchObject({ site: 'trustarc.test', cmp: 'TrustArc', method: fallback ? 'optOut' : 'adapter', outcome: 'respected', fallback });
    expect(record.verdict?.checked.sort()).toEqual(['advertising', 'analytics', 'functional', 'personalization', 'social']);
    expect(await page.locator('#truste-consent-track').isVisible()).toBe(false);
    await page.close();
  });
});

describe('the imitations answer their own buttons (site rule "don\'t answer")', () => {
  const leaveAlone = (site: string) => useProfile(h, 'denyOptional', { siteOverrides: { [site]: { mode: 'off' } } });

  it('Sourcepoint: settings, per-purpose switches in the privacy manager, save and exit', async () => {
    await leaveAlone('sourcepoint.test');
    const { page, record } = await visit(h, 'sourcepoint.test');
    expect(record).toMatchObject({ outcome: 'leftAlone', reason: 'siteRuleOff' });
    await spMessage(page).locator('.sp_choice_type_12').click();
    const pm = spMessage(page);
    await pm.locator('.type-modal .pm-switch[data-kind="consent"][data-id="8"]').click();
    for (const id of [2, 7, 8, 9, 10, 11]) await pm.locator(`.pm-switch[data-kind="li"][data-id="${id}"]`).click();
    await pm.locator('.sp_choice_type_SAVE_AND_EXIT').click();
    await page.locator('div[id^="sp_message_container_"]').waitFor({ state: 'detached' });
    expect(tcBits(await storedCookie(page, 'euconsent-v2'))).toEqual({ consents: [8], li: [], sf: [] });
    await page.close();
  });

  it('Funding Choices: "Do not consent" keeps legitimate interest; "Manage options" can object to it', async () => {
    await leaveAlone('fundingchoices.test');
    const { page } = await visit(h, 'fundingchoices.test');
    await page.locator('.fc-cta-do-not-consent').click();
    expect(tcBits(await fcTcString(page))).toEqual({ consents: [], li: [2, 7, 8, 9, 10, 11], sf: [] });
    await page.evaluate(() => (window as unknown as FcWindow).googlefc.showRevocationMessage());
    await page.locator('.fc-cta-manage-options').click();
    for (const box of await page.locator('.fc-preference-legitimate-interest').all()) await box.uncheck();
    await page.locator('.fc-confirm-choices').click();
    await page.locator('.fc-consent-root').waitFor({ state: 'detached' });
    expect(tcBits(await fcTcString(page))).toEqual({ consents: [], li: [], sf: [] });
    await page.close();
  });

  it('TrustArc: "Required Only", then the preferences panel', async () => {
    await leaveAlone('trustarc.test');
    const { page } = await visit(h, 'trustarc.test');
    await page.locator('#truste-consent-required').click();
    expect(await storedCookie(page, 'cmapi_cookie_privacy')).toBe('permit 1');
    await page.locator('#truste-cookie-preferences').click();
    await page.locator('input[data-level="3"]').check();
    await page.locator('#truste-prefs-submit').click();
    await expect.poll(() => cookieValue(page, 'cmapi_cookie_privacy')).toBe('permit 1,3');
    expect(await page.evaluate(() => (window as unknown as TrustArcWindow).truste.eu.bindMap.prefCookie)).toBe('0,2');
    await page.close();
  });
});

describe('Sourcepoint as documented: postCustomConsent refuses IAB ids, so the engine falls back to the message frame', () => {
  const path = '/?postCustomConsent=ownIdsOnly';

  it('acceptAll: autoconsent presses "Accept all" inside the cross-origin frame, verified in the page', async () => {
    await useProfile(h, 'acceptAll');
    const { page, record } = await visit(h, 'sourcepoint.test', path);
    expect(record).toMatchObject({ cmp: 'Sourcepoint', method: 'optIn', fallback: false, outcome: 'respected' });
    expect(tcBits(await storedCookie(page, 'euconsent-v2'))).toEqual(TCF.acceptAll);
    await page.locator('div[id^="sp_message_container_"]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('a mix: the fallback setting (deny optional) answers through "Reject all" inside the frame', async () => {
    await useProfile(h, 'functionalAnalytics');
    const { page, record } = await visit(h, 'sourcepoint.test', path);
    expect(record).toMatchObject({ cmp: 'Sourcepoint', method: 'optOut', fallback: true, outcome: 'respected' });
    expect(tcBits(await storedCookie(page, 'euconsent-v2'))).toEqual(TCF.denyOptional);
    await page.locator('div[id^="sp_message_container_"]').waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('the ledger', () => {
  it('holds one answer per visit: respected for every profile, left alone where the site rule says so', async () => {
    const events = await h.table<{ kind: string; site: string; data: { outcome: string } }>('events');
    const answers = events.filter((e) => e.kind === 'consent.answer');
    const fallbacks: Record<string, number> = { 'sourcepoint.test': 2, 'fundingchoices.test': 0, 'trustarc.test': 0 };
    for (const [site, extra] of Object.entries(fallbacks)) {
      const respected = Array.from({ length: profiles.length + extra }, () => 'respected');
      expect(answers.filter((e) => e.site === site).map((e) => e.data.outcome).sort()).toEqual(['leftAlone', ...respected]);
    }
  });
});
