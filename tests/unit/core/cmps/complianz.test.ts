import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/complianz.json';
import { complianz, purposeOfCategory, type ComplianzRaw } from '../../../../core/consent/cmps/complianz';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';
import { PROFILE_PURPOSES, objectingIntent } from '../../../support/profiles';

const intent = objectingIntent;
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

/** The fixture's Dutch banner before an answer: 'Functioneel' is Complianz's always-on category. */
const before: ComplianzRaw = {
  categories: [
    { id: 'functional', label: 'Functioneel', required: true },
    { id: 'preferences', label: 'Voorkeuren', required: false },
    { id: 'statistics', label: 'Statistieken', required: false },
    { id: 'marketing', label: 'Marketing', required: false },
  ],
  cookies: {},
  prefix: 'cmplz_',
  consentType: 'optin',
  hasDeny: true,
};
const storing = (plan: Record<string, boolean>): ComplianzRaw => ({
  ...before,
  cookies: {
    ...Object.fromEntries(Object.entries(plan).map(([id, on]) => [`cmplz_${id}`, on ? 'allow' : 'deny'])),
    'cmplz_banner-status': 'dismissed',
  },
});

describe('Complianz adapter', () => {
  it('maps every category of its data file; its "functional" is the necessary one', () => {
    const allowed: string[] = ['necessary', ...PURPOSES];
    expect(Object.keys(mapping.categories).sort()).toEqual(['functional', 'marketing', 'preferences', 'statistics']);
    for (const purpose of Object.values(mapping.categories)) expect(allowed).toContain(purpose);
    expect(purposeOfCategory('functional', 'Functioneel')).toBe('necessary');
    expect(purposeOfCategory('preferences', 'Voorkeuren')).toBe('functional');
  });

  it('places a category it does not know by its name', () => {
    expect(purposeOfCategory('social-media', 'Sociale media')).toBe('social');
    expect(purposeOfCategory('x', 'Overig')).toBeNull();
  });

  it('asks the four categories before an answer, with Weigeren on the first layer', () => {
    const asked = complianz.snapshot(before);
    expect(asked.categories.map((c) => [c.id, c.purpose, c.required, c.consented])).toEqual([
      ['functional', 'necessary', true, null],
      ['preferences', 'functional', false, null],
      ['statistics', 'analytics', false, null],
      ['marketing', 'advertising', false, null],
    ]);
    expect(asked).toMatchObject({ cmp: 'Complianz', answered: false, firstLayerReject: true, evidence: 'no cmplz_* cookies' });
  });

  it.each([
    ['denyOptional', { functional: true, preferences: false, statistics: false, marketing: false }],
    ['functionalOnly', { functional: true, preferences: true, statistics: false, marketing: false }],
    ['functionalAnalytics', { functional: true, preferences: true, statistics: true, marketing: false }],
    ['acceptAll', { functional: true, preferences: true, statistics: true, marketing: true }],
  ])('plans %s', (profile, expected) => {
    expect(complianz.plan(complianz.snapshot(before), intent(PROFILES[profile]!))).toEqual(expected);
  });

  it.each(Object.keys(PROFILES))('verifies %s as respected from the cookies Complianz wrote', (profile) => {
    const wanted = intent(PROFILES[profile]!);
    const after = complianz.snapshot(storing(complianz.plan(complianz.snapshot(before), wanted)));
    expect(after.answered).toBe(true);
    expect(after.evidence).toContain('cmplz_banner-status=dismissed');
    expect(verify(wanted, storedFromSnapshot(after)).status).toBe('respected');
  });

  it('reads a missing category cookie the way Complianz does: denied where consent is opt-in, allowed where opt-out', () => {
    const dismissed = { ...before, cookies: { 'cmplz_banner-status': 'dismissed' } };
    expect(complianz.snapshot(dismissed).categories.find((c) => c.id === 'marketing')?.consented).toBe(false);
    expect(complianz.snapshot({ ...dismissed, consentType: 'optout' }).categories.find((c) => c.id === 'marketing')?.consented).toBe(true);
  });
});
