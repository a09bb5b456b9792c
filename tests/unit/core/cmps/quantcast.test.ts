import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import table from '../../../../core/consent/cmps/quantcast.json';
import { quantcast, QUANTCAST_KEYS, type QuantcastRaw } from '../../../../core/consent/cmps/quantcast';
import type { ConsentIntent } from '../../../../core/consent/intent';
import { allPurposes, PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';

const PROFILES: Record<string, { purposes: PurposeChoices; li: 'object' | 'allow' }> = {
  denyOptional: { purposes: allPurposes(false), li: 'object' },
  functionalOnly: { purposes: { ...allPurposes(false), functional: true }, li: 'object' },
  functionalAnalytics: { purposes: { ...allPurposes(false), functional: true, analytics: true }, li: 'object' },
  acceptAll: { purposes: allPurposes(true), li: 'allow' },
};
const intent = ({ purposes, li }: { purposes: PurposeChoices; li: 'object' | 'allow' }): ConsentIntent => ({ purposes, legitimateInterest: li, source: 'preferences' });
const LI = ['2', '7', '8', '9', '10', '11'];

/** `__tcfapi` while the banner shows: no string yet. */
const before: QuantcastRaw = {
  tcString: '',
  eventStatus: 'cmpuishown',
  purposeConsents: {},
  purposeLegitimateInterests: {},
  specialFeatureOptins: {},
  vendorCount: null,
  cookie: null,
  hasReject: true,
};
/** `__tcfapi` after the second layer saved a plan (legitimate interest kept unless objected). */
const storing = (plan: Record<string, boolean>, object: boolean): QuantcastRaw => ({
  tcString: 'CQx.YAAA',
  eventStatus: 'useractioncomplete',
  purposeConsents: Object.fromEntries(Object.keys(table.purposes).map((id) => [id, plan[`p${id}`] === true])),
  purposeLegitimateInterests: Object.fromEntries(LI.map((id) => [id, !object])),
  specialFeatureOptins: { 1: plan.sf1 === true, 2: plan.sf2 === true },
  vendorCount: 4,
  cookie: 'euconsent-v2=CQx.YAAA',
  hasReject: false,
});

describe('Quantcast Choice adapter', () => {
  it('has all eleven TCF purposes and both special features, each with a name and a known purpose', () => {
    expect(Object.keys(table.purposes).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(Object.keys(table.specialFeatures).map(Number)).toEqual([1, 2]);
    for (const entry of [...Object.values(table.purposes), ...Object.values(table.specialFeatures)]) {
      expect(entry.name.length).toBeGreaterThan(10);
      expect(['necessary', ...PURPOSES]).toContain(entry.purpose);
    }
    expect(QUANTCAST_KEYS.map((k) => k.key)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'sf1', 'sf2']);
    for (const words of Object.values(table.words)) expect(words.every((w) => w === w.toLowerCase())).toBe(true);
  });

  it('asks every purpose and special feature before an answer, with Disagree on the first layer', () => {
    const asked = quantcast.snapshot(before);
    expect(asked.categories).toHaveLength(13);
    expect(asked.categories.every((c) => c.consented === null && !c.required)).toBe(true);
    expect(asked.categories.find((c) => c.id === 'p8')).toMatchObject({ purpose: 'analytics', label: 'Purpose 8: Measure content performance' });
    expect(asked).toMatchObject({ cmp: 'Quantcast Choice', answered: false, firstLayerReject: true, legitimateInterestOn: [], evidence: '__tcfapi addEventListener' });
  });

  it.each(Object.entries(PROFILES))('plans %s', (name, profile) => {
    const plan = quantcast.plan(quantcast.snapshot(before), intent(profile));
    const want = (purpose: string) => profile.purposes[purpose as keyof PurposeChoices] === true;
    // Purpose 1 (storage) is the means of the others: consented exactly when one of them is.
    const anyOther = QUANTCAST_KEYS.some((k) => k.key !== 'p1' && want(k.purpose));
    expect(plan.consents).toEqual(Object.fromEntries(QUANTCAST_KEYS.map((k) => [k.key, k.key === 'p1' ? anyOther : want(k.purpose)])));
    expect(plan.consents.p1).toBe(name !== 'denyOptional' && name !== 'functionalOnly');
    expect(plan.objectLegitimateInterest).toBe(profile.li === 'object');
    expect(plan.acceptAll).toBe(name === 'acceptAll');
    expect(plan.unknown).toBe(name === 'acceptAll');
    // apply finds toggles by their normalised title.
    expect(plan.names['measure content performance']).toBe('p8');
    expect(plan.names['use precise geolocation data']).toBe('sf1');
  });

  it.each(Object.entries(PROFILES))('verifies %s as respected once stored as planned', (_name, profile) => {
    const plan = quantcast.plan(quantcast.snapshot(before), intent(profile));
    const after = quantcast.snapshot(storing(plan.consents, plan.objectLegitimateInterest));
    expect(after).toMatchObject({ answered: true, evidence: 'euconsent-v2=CQx.YAAA' });
    expect(verify(intent(profile), storedFromSnapshot(after)).status).toBe('respected');
  });

  it('fills legitimateInterestOn from the purposes still claimed, and a refusal that leaves them fails an objection', () => {
    const disagreed = quantcast.snapshot(storing({}, false));
    expect(disagreed.legitimateInterestOn).toEqual(LI.map((id) => `Purpose ${id}: ${table.purposes[id as keyof typeof table.purposes].name} (legitimate interest)`));
    expect(verify(intent(PROFILES.denyOptional!), storedFromSnapshot(disagreed))).toMatchObject({
      status: 'notRespected',
      mismatches: [{ purpose: 'legitimateInterest' }],
    });
  });
});
