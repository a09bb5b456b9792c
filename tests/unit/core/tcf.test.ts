import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GVL, Segment, TCModel, TCString } from '@iabtcf/core';
import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../core/consent/cmps/categories';
import { adapterById, GENERIC_ADAPTERS } from '../../../core/consent/cmps/registry';
import { tcf, withTcfLegitimateInterest, type TcfRaw } from '../../../core/consent/cmps/tcf';
import type { ConsentIntent } from '../../../core/consent/intent';
import { allPurposes } from '../../../core/consent/purposes';
import { TCF_PURPOSE_IDS, TCF_PURPOSES, TCF_SPECIAL_FEATURE_IDS, TCF_SPECIAL_FEATURES } from '../../../core/consent/tcf/mapping';
import { verify } from '../../../core/consent/verify';

// The fixture CMP's own vendor list: the strings here are encoded exactly as that CMP encodes them.
const VENDOR_LIST = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/sites/tcf.test/vendor-list.json'), 'utf8'));

function tcString(choice: { consents?: number[]; interests?: number[]; features?: number[] }): string {
  const model = new TCModel(new GVL(structuredClone(VENDOR_LIST)));
  model.cmpId = 999;
  model.cmpVersion = 1;
  model.isServiceSpecific = true;
  choice.consents?.forEach((id) => model.purposeConsents.set(id));
  choice.interests?.forEach((id) => model.purposeLegitimateInterests.set(id));
  choice.features?.forEach((id) => model.specialFeatureOptins.set(id));
  return TCString.encode(model, { segments: [Segment.CORE, Segment.VENDORS_DISCLOSED] });
}

/** What `read` returns after an answer; the API's own bits are left empty so only the TC string can explain the result. */
const raw = (string: string, extra: Partial<TcfRaw> = {}): TcfRaw => ({
  tcString: string,
  eventStatus: 'useractioncomplete',
  cmpId: 999,
  gdprApplies: true,
  purpose: { consents: {}, legitimateInterests: {} },
  specialFeatureOptins: {},
  vendorCount: null,
  ...extra,
});

const DENY: ConsentIntent = { purposes: allPurposes(false), legitimateInterest: 'object', source: 'preferences' };
const ALLOW: ConsentIntent = { purposes: allPurposes(true), legitimateInterest: 'allow', source: 'preferences' };
const ALL_PURPOSES = [...TCF_PURPOSE_IDS];

describe('TCF purpose mapping', () => {
  it('maps every TCF v2.2 purpose and special feature, each with a reason', () => {
    expect([...TCF_PURPOSES.keys()].sort((a, b) => a - b)).toEqual(ALL_PURPOSES);
    expect([...TCF_SPECIAL_FEATURES.keys()]).toEqual([...TCF_SPECIAL_FEATURE_IDS]);
    for (const entry of [...TCF_PURPOSES.values(), ...TCF_SPECIAL_FEATURES.values()]) {
      expect(entry.name.length).toBeGreaterThan(5);
      expect(entry.why.length).toBeGreaterThan(10);
    }
  });

  it('places each purpose where the policy intends', () => {
    const ours = Object.fromEntries([...TCF_PURPOSES].map(([id, e]) => [id, e.ours]));
    expect(ours).toEqual({
      1: 'anyOptional', 2: 'advertising', 3: 'advertising', 4: 'advertising', 5: 'personalization', 6: 'personalization',
      7: 'advertising', 8: 'analytics', 9: 'analytics', 10: 'analytics', 11: 'personalization',
    });
    expect([...TCF_SPECIAL_FEATURES.values()].map((e) => e.ours)).toEqual(['advertising', 'advertising']);
  });
});

describe('generic TCF adapter', () => {
  it('is registered as a generic adapter that only reads', () => {
    expect(GENERIC_ADAPTERS).toContain(tcf);
    expect(adapterById('tcf')).toBe(tcf);
    expect(tcf.apply(null)).toBe(false);
    expect(tcf.plan(tcf.snapshot(raw('')), DENY)).toBeNull();
  });

  it('reads a reject-all that keeps legitimate interest on, and says it is not what the user asked', () => {
    const string = tcString({ interests: [2, 7, 8, 9, 10] });
    const snapshot = tcf.snapshot(raw(string));
    expect(snapshot).toMatchObject({ cmp: 'IAB TCF v2 CMP (CMP ID 999)', answered: true, vendorCount: 5, evidence: string });
    expect(snapshot.categories).toHaveLength(13);
    expect(snapshot.categories.every((c) => c.consented === false)).toBe(true);
    expect(snapshot.legitimateInterestOn).toEqual([2, 7, 8, 9, 10].map((id) => `TCF purpose ${id} (legitimate interest)`));
    const stored = storedFromSnapshot(snapshot);
    expect(stored.purposes).toEqual({ advertising: false, personalization: false, analytics: false });
    expect(verify(DENY, stored)).toEqual({
      status: 'notRespected',
      mismatches: [{ purpose: 'legitimateInterest', intended: false, stored: true }],
      checked: ['analytics', 'personalization', 'advertising'],
    });
  });

  it('reports legitimate interest on purposes TCF v2.2 does not allow it for, as not what the user asked', () => {
    const snapshot = tcf.snapshot(raw(tcString({ interests: [3, 4] })));
    expect(snapshot.legitimateInterestOn).toEqual([3, 4].map((id) => `TCF purpose ${id} (legitimate interest)`));
    expect(verify(DENY, storedFromSnapshot(snapshot)).status).toBe('notRespected');
  });

  it("adds the page's TCF legitimate interest to a CMP record that has none, so an objection is judged on both", () => {
    const own = { purposes: { analytics: false, advertising: false }, legitimateInterestOn: [], evidence: 'OptanonConsent=groups…', otherOn: [] };
    const tcfAnswer = tcf.snapshot(raw(tcString({ interests: [2, 7] })));
    const merged = withTcfLegitimateInterest(own, tcfAnswer);
    expect(merged.legitimateInterestOn).toEqual(['TCF purpose 2 (legitimate interest)', 'TCF purpose 7 (legitimate interest)']);
    expect(merged.evidence).toBe(`OptanonConsent=groups…; ${tcfAnswer.evidence}`);
    expect(verify(DENY, merged).mismatches).toEqual([{ purpose: 'legitimateInterest', intended: false, stored: true }]);
    // No TCF on the page, or an answer without LI, or none yet: the record stands as it is.
    expect(withTcfLegitimateInterest(own, null)).toBe(own);
    expect(withTcfLegitimateInterest(own, tcf.snapshot(raw(tcString({}))))).toBe(own);
    expect(withTcfLegitimateInterest(own, tcf.snapshot(raw('', { eventStatus: 'cmpuishown' })))).toBe(own);
  });

  it('reads accept-all as every purpose consented, purpose 1 as the means', () => {
    const snapshot = tcf.snapshot(raw(tcString({ consents: ALL_PURPOSES, interests: [2, 7, 8, 9, 10], features: [1, 2] })));
    expect(snapshot.categories.find((c) => c.id === 'purpose-1')).toMatchObject({ purpose: 'necessary', consented: true });
    const stored = storedFromSnapshot(snapshot);
    expect(stored).toMatchObject({ purposes: { advertising: true, personalization: true, analytics: true }, otherOn: [] });
    expect(verify(ALLOW, stored).status).toBe('respected');
  });

  it('reads a per-purpose answer purpose by purpose, special features as advertising', () => {
    const stored = storedFromSnapshot(tcf.snapshot(raw(tcString({ consents: [1, 8, 9, 10], features: [1] }))));
    expect(stored.purposes).toEqual({ advertising: true, personalization: false, analytics: true });
    const noFeature = storedFromSnapshot(tcf.snapshot(raw(tcString({ consents: [1, 8, 9, 10] }))));
    expect(noFeature.purposes).toEqual({ advertising: false, personalization: false, analytics: true });
    expect(verify({ ...DENY, purposes: { ...allPurposes(false), analytics: true } }, noFeature).status).toBe('respected');
  });

  it('reports consent to device storage alone as an unplaced category left on', () => {
    const stored = storedFromSnapshot(tcf.snapshot(raw(tcString({ consents: [1] }))));
    expect(stored.otherOn).toEqual(['TCF purpose 1: Store and/or access information on a device']);
    expect(verify(DENY, stored).mismatches).toEqual([{ purpose: 'other', intended: false, stored: true }]);
  });

  it('trusts the TC string over the API answer, and the API answer when there is no string', () => {
    const lying = raw(tcString({}), { purpose: { consents: { 3: true }, legitimateInterests: {} } });
    expect(storedFromSnapshot(tcf.snapshot(lying)).purposes.advertising).toBe(false);
    const apiOnly = raw('', { purpose: { consents: { 1: true, 3: true }, legitimateInterests: { 7: true } }, vendorCount: 2 });
    const snapshot = tcf.snapshot(apiOnly);
    expect(storedFromSnapshot(snapshot).purposes).toEqual({ advertising: true, personalization: false, analytics: false });
    expect(snapshot).toMatchObject({ vendorCount: 2, legitimateInterestOn: ['TCF purpose 7 (legitimate interest)'] });
    expect(snapshot.evidence).toMatch(/no TC string/);
  });

  it('holds no answer while the banner is up for a new visitor', () => {
    const snapshot = tcf.snapshot(raw('', { eventStatus: 'cmpuishown' }));
    expect(snapshot.answered).toBe(false);
    expect(snapshot.categories.every((c) => c.consented === null)).toBe(true);
    expect(snapshot.vendorCount).toBeNull();
  });

  it('reports nothing to verify where GDPR does not apply', () => {
    expect(tcf.snapshot(raw('', { gdprApplies: false, eventStatus: 'tcloaded' }))).toMatchObject({ categories: [], answered: false });
  });
});
