import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/consentmanager.json';
import { consentmanager, type ConsentmanagerRaw } from '../../../../core/consent/cmps/consentmanager';
import type { ConsentIntent } from '../../../../core/consent/intent';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';
import { PROFILE_PURPOSES } from '../../../support/profiles';

const intent = (purposes: PurposeChoices, legitimateInterest: 'object' | 'allow' = 'object'): ConsentIntent => ({ purposes, legitimateInterest, source: 'preferences' });
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

/** The fixture's German layer before an answer: custom purposes by name, Statistik claimed under legitimate interest. */
const before: ConsentmanagerRaw = {
  purposes: [
    { id: 'c51', name: 'Funktional' },
    { id: 'c53', name: 'Statistik' },
    { id: 'c56', name: 'Personalisierung' },
    { id: 'c52', name: 'Marketing' },
    { id: 'c54', name: 'Soziale Medien' },
    { id: 'c99', name: 'Sonstige Zwecke' },
  ],
  consents: { c51: false, c53: false, c56: false, c52: false, c54: false, c99: false },
  legitimateInterest: { c53: true },
  vendorCount: 6,
  answered: false,
  record: '',
  hasReject: true,
};
/** The layer after per-purpose setters: a refused purpose is also objected to. */
const storing = (plan: Record<string, boolean>): ConsentmanagerRaw => ({
  ...before,
  consents: plan,
  legitimateInterest: { c53: plan.c53 === true },
  answered: true,
  record: '__cmpconsentx40123=eyJwIjp7fX0',
});

describe('consentmanager.net adapter', () => {
  it('maps the eleven IAB purpose ids of its data file to known purposes', () => {
    expect(Object.keys(mapping.purposes).map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const purpose of Object.values(mapping.purposes)) expect(['necessary', ...PURPOSES]).toContain(purpose);
  });

  it('consents to IAB purpose 1 (storage) exactly when to another purpose, and reports it consented alone', () => {
    const tcf = { ...before, purposes: [{ id: '1', name: 'Store and/or access information on a device' }, { id: '8', name: 'Measure content performance' }], consents: {}, legitimateInterest: {} };
    const snapshot = consentmanager.snapshot(tcf);
    expect(consentmanager.plan(snapshot, intent(PROFILES.functionalOnly!)).purposes).toEqual({ 1: false, 8: false });
    expect(consentmanager.plan(snapshot, intent(PROFILES.functionalAnalytics!)).purposes).toEqual({ 1: true, 8: true });
    const alone = consentmanager.snapshot({ ...tcf, consents: { 1: true, 8: false }, answered: true, record: 'x' });
    expect(verify(intent(PROFILES.functionalOnly!), storedFromSnapshot(alone)).mismatches).toEqual([{ purpose: 'other', intended: false, stored: true }]);
    const both = consentmanager.snapshot({ ...tcf, consents: { 1: true, 8: true }, answered: true, record: 'x' });
    expect(verify(intent(PROFILES.functionalAnalytics!), storedFromSnapshot(both)).status).toBe('respected');
  });

  it('places IAB purposes by id and custom ones by their name', () => {
    const asked = consentmanager.snapshot({ ...before, purposes: [{ id: '8', name: 'Inhalte messen' }, ...before.purposes] });
    expect(asked.categories.map((c) => [c.id, c.purpose, c.consented])).toEqual([
      ['8', 'analytics', null],
      ['c51', 'functional', null],
      ['c53', 'analytics', null],
      ['c56', 'personalization', null],
      ['c52', 'advertising', null],
      ['c54', 'social', null],
      ['c99', null, null],
    ]);
    expect(asked).toMatchObject({ cmp: 'consentmanager.net', answered: false, firstLayerReject: true, vendorCount: 6 });
    expect(asked.legitimateInterestOn).toEqual(['Statistik (c53)']);
  });

  it.each(Object.entries(PROFILES))('plans %s per purpose; the unplaceable one only when everything is allowed', (_name, purposes) => {
    expect(consentmanager.plan(consentmanager.snapshot(before), intent(purposes))).toEqual({
      purposes: {
        c51: purposes.functional,
        c53: purposes.analytics,
        c56: purposes.personalization,
        c52: purposes.advertising,
        c54: purposes.social,
        c99: PURPOSES.every((p) => purposes[p]),
      },
    });
  });

  it.each(Object.entries(PROFILES))('verifies %s as respected once stored as planned', (_name, purposes) => {
    const plan = consentmanager.plan(consentmanager.snapshot(before), intent(purposes));
    const after = consentmanager.snapshot(storing(plan.purposes));
    expect(after.evidence).toBe('__cmpconsentx40123=eyJwIjp7fX0');
    expect(verify(intent(purposes), storedFromSnapshot(after)).status).toBe('respected');
  });

  it('flags legitimate interest kept on a refused purpose, as "reject all" leaves it', () => {
    const rejected = consentmanager.snapshot({ ...before, answered: true, legitimateInterest: { c53: true } });
    expect(rejected.legitimateInterestOn).toEqual(['Statistik (c53)']);
    expect(verify(intent(PROFILES.denyOptional!), storedFromSnapshot(rejected))).toMatchObject({
      status: 'notRespected',
      mismatches: [{ purpose: 'legitimateInterest', intended: false, stored: true }],
    });
    // A visitor who allows legitimate interest accepts it.
    expect(verify(intent(PROFILES.denyOptional!, 'allow'), storedFromSnapshot(rejected)).status).toBe('respected');
  });
});
