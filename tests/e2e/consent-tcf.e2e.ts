import { TCString } from '@iabtcf/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../core/consent/cmps/categories';
import { tcf, type TcfRaw } from '../../core/consent/cmps/tcf';
import { verify } from '../../core/consent/verify';
import { cookieValue, storedCookie, useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

/** The TC string the fixture CMP stored, decoded here with @iabtcf/core, independently of the extension. */
async function storedTcf(page: Page) {
  const string = await storedCookie(page, 'euconsent-v2');
  const model = TCString.decode(string);
  const on = (vector: { forEach: (fn: (value: boolean, id: number) => void) => void }) => {
    const ids: number[] = [];
    vector.forEach((value, id) => value && ids.push(id));
    return ids;
  };
  return {
    string,
    cmpId: model.cmpId,
    consents: on(model.purposeConsents),
    interests: on(model.purposeLegitimateInterests),
    features: on(model.specialFeatureOptins),
    vendorConsents: on(model.vendorConsents),
    vendorInterests: on(model.vendorLegitimateInterests),
  };
}

const LI_DEFAULT = [2, 7, 8, 9, 10];
const ALL_PURPOSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const LI_MISMATCH = [{ purpose: 'legitimateInterest', intended: false, stored: true }];

describe('a real IAB TCF v2 CMP (@iabtcf/cmpapi + @iabtcf/core), read through __tcfapi', () => {
  it('denyOptional: autoconsent rejects all, the TC string holds no consent, and the kept legitimate interest is reported', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'tcf.test');
    const stored = await storedTcf(page);
    expect(stored).toMatchObject({ cmpId: 999, consents: [], features: [], vendorConsents: [], interests: LI_DEFAULT });
    // The engine's record: asked while the banner was up, verified from the string the CMP stored.
    // No rule knows this CMP: autoconsent's heuristic found the banner and pressed its reject button.
    expect(record).toMatchObject({ detectedBy: 'HEURISTIC-REJECT', site: 'tcf.test', cmp: 'IAB TCF v2 CMP', adapterId: 'tcf', method: 'optOut', fallback: false, outcome: 'notRespected' });
    expect(record.asked).toMatchObject({ cmp: 'IAB TCF v2 CMP (CMP ID 999)', answered: false, vendorCount: null });
    expect(record.asked?.categories).toHaveLength(13);
    expect(record.stored).toMatchObject({
      purposes: { advertising: false, personalization: false, analytics: false },
      legitimateInterestOn: LI_DEFAULT.map((id) => `TCF purpose ${id} (legitimate interest)`),
      evidence: stored.string,
      otherOn: [],
    });
    expect(record.verdict).toEqual({ status: 'notRespected', mismatches: LI_MISMATCH, checked: ['analytics', 'personalization', 'advertising'] });
    await page.locator('#tcfx-banner').waitFor({ state: 'hidden' });
    await page.close();
  });

  it('functionalAnalytics: a per-purpose mix the generic adapter cannot set falls back to denyOptional, and says so', async () => {
    await useProfile(h, 'functionalAnalytics');
    const { page, record } = await visit(h, 'tcf.test');
    const stored = await storedTcf(page);
    expect(stored).toMatchObject({ consents: [], interests: LI_DEFAULT });
    expect(record).toMatchObject({ adapterId: 'tcf', method: 'optOut', fallback: true, outcome: 'notRespected' });
    expect(record.intent).toMatchObject({ purposes: { functional: false, analytics: false }, legitimateInterest: 'object' });
    expect(record.verdict?.mismatches).toEqual(LI_MISMATCH);
    await page.close();
  });

  it('acceptAll: autoconsent\'s heuristic has no accept path, so the banner is left to the user at once; the adapter verifies a real accept-all', async () => {
    await useProfile(h, 'acceptAll');
    const { page, record } = await visit(h, 'tcf.test');
    // The heuristic detector only ever presses reject buttons: the engine says so instead of waiting.
    expect(record).toMatchObject({ adapterId: 'tcf', method: 'none', fallback: false, outcome: 'leftAlone', reason: 'noAcceptPath', stored: null });
    expect(record.asked).toMatchObject({ answered: false, evidence: '__tcfapi: eventStatus cmpuishown, no TC string yet' });
    await page.locator('#tcfx-banner').waitFor({ state: 'visible' });
    expect(await cookieValue(page, 'euconsent-v2')).toBeNull();
    // What the engine would find had it pressed "Accept all": the same read, run in the page, decoded and verified.
    await page.locator('#tcfx-first .tcfx-accept').click();
    const stored = await storedTcf(page);
    expect(stored).toMatchObject({ consents: ALL_PURPOSES, features: [1, 2], interests: LI_DEFAULT, vendorConsents: [1, 2, 3, 4, 5], vendorInterests: [1, 2, 3, 4, 5] });
    const raw = (await page.evaluate(tcf.read as unknown as () => Promise<TcfRaw | null>))!;
    expect(raw).toMatchObject({ eventStatus: 'useractioncomplete', tcString: stored.string, cmpId: 999, vendorCount: 5 });
    const snapshot = tcf.snapshot(raw);
    expect(verify(record.intent!, storedFromSnapshot(snapshot))).toEqual({ status: 'respected', mismatches: [], checked: ['analytics', 'personalization', 'advertising'] });
    await page.close();
  });
});
