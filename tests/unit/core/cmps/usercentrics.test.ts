import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/usercentrics.json';
import { purposeOfService, usercentrics, type UsercentricsRaw } from '../../../../core/consent/cmps/usercentrics';
import type { ConsentIntent } from '../../../../core/consent/intent';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';
import { PROFILE_PURPOSES } from '../../../support/profiles';

const intent = (purposes: PurposeChoices, legitimateInterest: 'object' | 'allow' = 'object'): ConsentIntent => ({ purposes, legitimateInterest, source: 'preferences' });
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

/** A v2 read before the answer: a custom 'Statistik' category, and implicit defaults stored. */
const v2: UsercentricsRaw = {
  version: 2,
  services: [
    { id: 'H1Vl5NidjWX', name: 'Usercentrics Consent Management Platform', category: 'essential', categoryLabel: 'Essenziell', essential: true, consent: true },
    { id: 'S1pcEj_jZX', name: 'Google Maps', category: 'functional', categoryLabel: 'Funktional', essential: false, consent: false },
    { id: 'u4Kq1Zs0M', name: 'Matomo', category: 'customCategory-3f9c2a70', categoryLabel: 'Statistik', essential: false, consent: false },
    { id: 'S1_9Vsuj-Q', name: 'Google Ads', category: 'marketing', categoryLabel: 'Marketing', essential: false, consent: false },
  ],
  answered: false,
  record: 'uc_settings={"services":[]}',
  hasDeny: true,
};
/** A v3 read: no category labels, one service only its name can place, one nothing can. */
const v3: UsercentricsRaw = {
  version: 3,
  services: [
    { id: 'H1Vl5NidjWX', name: 'Usercentrics Consent Management Platform', category: 'essential', categoryLabel: '', essential: true, consent: true },
    { id: 'r1Fhc4iOoWX', name: 'Zendesk Chat', category: 'functional', categoryLabel: '', essential: false, consent: false },
    { id: 'HkocEodjb7', name: 'Google Analytics', category: 'customCategory-8a1b04', categoryLabel: '', essential: false, consent: false },
    { id: 'S1kgcNo_j-m', name: 'Hotjar', category: 'customCategory-8a1b04', categoryLabel: '', essential: false, consent: false },
    { id: 'B1Hk_zoTX', name: 'Google Ads Remarketing', category: 'marketing', categoryLabel: '', essential: false, consent: false },
  ],
  answered: false,
  record: 'ucString=e30=\nucData={}',
  hasDeny: true,
};
/** What the CMP reports after storing a plan. */
const storing = (raw: UsercentricsRaw, plan: Record<string, boolean>): UsercentricsRaw => ({
  ...raw,
  answered: true,
  services: raw.services.map((s) => ({ ...s, consent: s.essential || plan[s.id] === true })),
});

describe('Usercentrics adapter', () => {
  it('maps the default category slugs of its data file to known purposes', () => {
    expect(Object.keys(mapping.categories).sort()).toEqual(['essential', 'functional', 'marketing']);
    for (const purpose of Object.values(mapping.categories)) expect(['necessary', ...PURPOSES]).toContain(purpose);
  });

  it('places a service by slug, then its category label, then its own name', () => {
    expect(purposeOfService({ category: 'marketing', categoryLabel: 'Funktional', name: 'x', essential: false })).toBe('advertising');
    expect(purposeOfService({ category: 'customCategory-1', categoryLabel: 'Statistik', name: 'Matomo', essential: false })).toBe('analytics');
    expect(purposeOfService({ category: 'customCategory-1', categoryLabel: '', name: 'Google Analytics', essential: false })).toBe('analytics');
    expect(purposeOfService({ category: 'customCategory-1', categoryLabel: '', name: 'Hotjar', essential: false })).toBeNull();
    expect(purposeOfService({ category: 'marketing', categoryLabel: '', name: 'x', essential: true })).toBe('necessary');
  });

  it('asks per service before an answer, with the deny button on the first layer', () => {
    const asked = usercentrics.snapshot(v2);
    expect(asked.categories.map((c) => [c.id, c.purpose, c.required, c.consented])).toEqual([
      ['H1Vl5NidjWX', 'necessary', true, null],
      ['S1pcEj_jZX', 'functional', false, null],
      ['u4Kq1Zs0M', 'analytics', false, null],
      ['S1_9Vsuj-Q', 'advertising', false, null],
    ]);
    expect(asked).toMatchObject({ cmp: 'Usercentrics v2', answered: false, firstLayerReject: true, vendorCount: 4, legitimateInterestOn: [] });
    expect(asked.categories[2]!.label).toBe('Matomo · Statistik');
    expect(usercentrics.snapshot(v3).cmp).toBe('Usercentrics v3');
  });

  it.each(Object.entries(PROFILES))('plans %s per optional service', (_name, purposes) => {
    const all = PURPOSES.every((p) => purposes[p]);
    expect(usercentrics.plan(usercentrics.snapshot(v2), intent(purposes))).toEqual({
      services: { S1pcEj_jZX: purposes.functional, u4Kq1Zs0M: purposes.analytics, 'S1_9Vsuj-Q': purposes.advertising },
    });
    // Hotjar cannot be placed: it is allowed only when everything is.
    expect(usercentrics.plan(usercentrics.snapshot(v3), intent(purposes))).toEqual({
      services: { r1Fhc4iOoWX: purposes.functional, HkocEodjb7: purposes.analytics, 'S1kgcNo_j-m': all, B1Hk_zoTX: purposes.advertising },
    });
  });

  it.each(Object.entries(PROFILES))('verifies %s as respected once stored as planned, for v2 and v3', (_name, purposes) => {
    for (const raw of [v2, v3]) {
      const plan = usercentrics.plan(usercentrics.snapshot(raw), intent(purposes));
      const after = usercentrics.snapshot(storing(raw, plan.services));
      expect(verify(intent(purposes), storedFromSnapshot(after)).status).toBe('respected');
    }
  });

  it('calls a service left on against the profile a mismatch', () => {
    const after = usercentrics.snapshot(storing(v2, { S1pcEj_jZX: true, u4Kq1Zs0M: false, 'S1_9Vsuj-Q': true }));
    expect(verify(intent(PROFILES.functionalOnly!), storedFromSnapshot(after))).toMatchObject({
      status: 'notRespected',
      mismatches: [{ purpose: 'advertising', intended: false, stored: true }],
    });
  });
});
