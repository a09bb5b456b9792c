import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import { sourcepoint, type SourcepointRaw } from '../../../../core/consent/cmps/sourcepoint';
import { verify } from '../../../../core/consent/verify';
import { TCF_PURPOSE_IDS, TCF_SPECIAL_FEATURE_IDS } from '../../../../core/consent/tcf/mapping';
import { EXPECTED, intentOf, PROFILES, tcString } from './tcfCmpSample';

const before: SourcepointRaw = { tcString: '', eventStatus: 'cmpuishown', gdprApplies: true, cookie: null, consentUUID: null, messageOpen: true };
const answered = (bits: Parameters<typeof tcString>[0]): SourcepointRaw => {
  const tc = tcString(bits);
  return { tcString: tc, eventStatus: 'useractioncomplete', gdprApplies: true, cookie: tc, consentUUID: '4b1d7d2e-0c2f-4a51-9d0e-6f1f2a3b4c5d', messageOpen: false };
};

describe('Sourcepoint adapter', () => {
  it('answers for autoconsent\'s frame rule and works in the top frame, where __tcfapi lives', () => {
    expect(sourcepoint.autoconsentNames).toEqual(['Sourcepoint-frame']);
    expect(sourcepoint.runIn).toBe('topFrame');
  });

  it('has a category for every TCF purpose and special feature, each placed', () => {
    const categories = sourcepoint.snapshot(answered({ consents: [2, 8] })).categories;
    expect(categories.map((c) => c.id)).toEqual([...TCF_PURPOSE_IDS.map((id) => `purpose-${id}`), ...TCF_SPECIAL_FEATURE_IDS.map((id) => `special-feature-${id}`)]);
    expect(categories.every((c) => c.purpose !== null)).toBe(true);
  });

  it('holds no answer before the user made one', () => {
    const snap = sourcepoint.snapshot(before);
    expect(snap).toMatchObject({ cmp: 'Sourcepoint', answered: false, firstLayerReject: null, legitimateInterestOn: [] });
    expect(snap.categories.every((c) => c.consented === null)).toBe(true);
    expect(snap.evidence).toContain('cmpuishown');
  });

  it('decodes the stored TC string: consent per purpose, LI still claimed, the cookie as evidence', () => {
    const raw = answered({ consents: [1, 8, 9], li: [2, 7, 10] });
    const snap = sourcepoint.snapshot(raw);
    expect(snap.answered).toBe(true);
    expect(storedFromSnapshot(snap).purposes).toEqual({ advertising: false, personalization: false, analytics: true });
    expect(snap.legitimateInterestOn).toHaveLength(3);
    expect(snap.legitimateInterestOn[0]).toMatch(/^TCF purpose 2 \(legitimate interest\)/);
    expect(snap.evidence).toBe(`euconsent-v2=${raw.cookie}; consentUUID=${raw.consentUUID}`);
    expect(snap.vendorCount).toBe(2);
  });

  it('reads the cookie when the API has no string, and nothing when GDPR does not apply', () => {
    const tc = tcString({ consents: [1, 2] });
    expect(sourcepoint.snapshot({ ...before, cookie: tc }).answered).toBe(true);
    expect(sourcepoint.snapshot({ ...before, gdprApplies: false }).categories).toEqual([]);
  });

  it.each(Object.keys(PROFILES))('plans exactly the TC bits of profile %s', (name) => {
    const plan = sourcepoint.plan(sourcepoint.snapshot(before), intentOf(name));
    expect({ consents: plan.purposes, li: plan.legitimateInterests, sf: plan.specialFeatures }).toEqual(EXPECTED[name]);
    expect(plan.rows).toHaveLength(13);
  });

  it.each(Object.keys(PROFILES))('verifies a CMP that stored the plan for %s as respected', (name) => {
    const plan = sourcepoint.plan(sourcepoint.snapshot(before), intentOf(name));
    const after = sourcepoint.snapshot(answered({ consents: plan.purposes, li: plan.legitimateInterests, sf: plan.specialFeatures }));
    expect(verify(intentOf(name), storedFromSnapshot(after)).status).toBe('respected');
  });

  it('catches legitimate interest left on after a reject', () => {
    const after = sourcepoint.snapshot(answered({ consents: [], li: [7, 9] }));
    const verdict = verify(intentOf('denyOptional'), storedFromSnapshot(after));
    expect(verdict.mismatches).toEqual([{ purpose: 'legitimateInterest', intended: false, stored: true }]);
  });

  it('catches storage consented for nothing as an unplaced category', () => {
    const after = sourcepoint.snapshot(answered({ consents: [1] }));
    expect(verify(intentOf('functionalOnly'), storedFromSnapshot(after)).mismatches).toEqual([{ purpose: 'other', intended: false, stored: true }]);
  });
});
