import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/osano.json';
import { osano, purposeOfCategory, type OsanoRaw } from '../../../../core/consent/cmps/osano';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';
import { PROFILE_PURPOSES, objectingIntent } from '../../../support/profiles';

const intent = objectingIntent;
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

const LABELS = { ESSENTIAL: 'Essential', STORAGE: 'Storage', MARKETING: 'Marketing', PERSONALIZATION: 'Personalization', ANALYTICS: 'Analytics' };
/** `Osano.cm.getConsent()` before any answer, as the fixture page and Osano's docs show it. */
const before: OsanoRaw = {
  consent: { ESSENTIAL: 'ACCEPT', STORAGE: 'DENY', MARKETING: 'DENY', PERSONALIZATION: 'DENY', ANALYTICS: 'DENY', OPT_OUT: 'DENY' },
  labels: LABELS,
  saved: false,
  hasDeny: true,
};
const storing = (plan: Record<string, boolean>): OsanoRaw => ({
  ...before,
  consent: { ...before.consent, ...Object.fromEntries(Object.entries(plan).map(([k, on]) => [k, on ? 'ACCEPT' : 'DENY'])) },
  saved: true,
});

describe('Osano adapter', () => {
  it('maps every category of its data file, and sets OPT_OUT aside', () => {
    const allowed: string[] = ['necessary', ...PURPOSES];
    expect(Object.keys(mapping.categories).sort()).toEqual(['ANALYTICS', 'ESSENTIAL', 'MARKETING', 'PERSONALIZATION', 'STORAGE']);
    for (const purpose of Object.values(mapping.categories)) expect(allowed).toContain(purpose);
    expect(mapping.ignored).toEqual(['OPT_OUT']);
  });

  it('places a category it does not know by its name', () => {
    expect(purposeOfCategory('STORAGE', 'Speicher')).toBe('functional');
    expect(purposeOfCategory('CUSTOM_1', 'Advertising partners')).toBe('advertising');
    expect(purposeOfCategory('CUSTOM_2')).toBeNull();
  });

  it('asks the five categories before an answer, Essential required, Deny on the first layer', () => {
    const asked = osano.snapshot(before);
    expect(asked.categories.map((c) => [c.id, c.purpose, c.required])).toEqual([
      ['ESSENTIAL', 'necessary', true],
      ['STORAGE', 'functional', false],
      ['MARKETING', 'advertising', false],
      ['PERSONALIZATION', 'personalization', false],
      ['ANALYTICS', 'analytics', false],
    ]);
    expect(asked.categories.every((c) => c.consented === null)).toBe(true);
    expect(asked).toMatchObject({ cmp: 'Osano', answered: false, firstLayerReject: true, legitimateInterestOn: [] });
    expect(JSON.parse(asked.evidence)).toEqual(before.consent);
  });

  it("keeps Osano's order when the browser hands the answer back with sorted keys", () => {
    const sorted = { ...before, consent: Object.fromEntries(Object.entries(before.consent).sort(([a], [b]) => a.localeCompare(b))) };
    expect(osano.snapshot(sorted).categories.map((c) => c.id)).toEqual(['ESSENTIAL', 'STORAGE', 'MARKETING', 'PERSONALIZATION', 'ANALYTICS']);
  });

  it.each([
    ['denyOptional', { ESSENTIAL: true, STORAGE: false, MARKETING: false, PERSONALIZATION: false, ANALYTICS: false }],
    ['functionalOnly', { ESSENTIAL: true, STORAGE: true, MARKETING: false, PERSONALIZATION: false, ANALYTICS: false }],
    ['functionalAnalytics', { ESSENTIAL: true, STORAGE: true, MARKETING: false, PERSONALIZATION: false, ANALYTICS: true }],
    ['acceptAll', { ESSENTIAL: true, STORAGE: true, MARKETING: true, PERSONALIZATION: true, ANALYTICS: true }],
  ])('plans %s', (profile, expected) => {
    expect(osano.plan(osano.snapshot(before), intent(PROFILES[profile]!))).toEqual(expected);
  });

  it.each(Object.keys(PROFILES))('verifies %s as respected once Osano saved the plan', (profile) => {
    const wanted = intent(PROFILES[profile]!);
    const after = osano.snapshot(storing(osano.plan(osano.snapshot(before), wanted)));
    expect(after.answered).toBe(true);
    expect(verify(wanted, storedFromSnapshot(after)).status).toBe('respected');
  });

  it('catches a category Osano kept on', () => {
    const after = osano.snapshot(storing({ STORAGE: false, MARKETING: true, PERSONALIZATION: false, ANALYTICS: false }));
    expect(verify(intent(PROFILES.denyOptional!), storedFromSnapshot(after)).mismatches).toEqual([{ purpose: 'advertising', intended: false, stored: true }]);
  });
});
