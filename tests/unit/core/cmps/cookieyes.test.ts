import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/cookieyes.json';
import { cookieyes, purposeOfCategory, type CookieYesRaw } from '../../../../core/consent/cmps/cookieyes';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { PROFILE_PURPOSES, objectingIntent } from '../../../support/profiles';

const intent = objectingIntent;
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

const categories = (on: Record<string, boolean>): CookieYesRaw['categories'] =>
  ['necessary', 'functional', 'analytics', 'performance', 'advertisement'].map((id) => ({
    id,
    title: id[0]!.toUpperCase() + id.slice(1),
    on: id === 'necessary' || on[id] === true,
  }));
const COOKIE =
  'cookieyes-consent=consentid:Q2x2bTNkVjhy,consent:yes,action:yes,necessary:yes,functional:yes,analytics:yes,performance:yes,advertisement:no,other:no';
const before: CookieYesRaw = { categories: categories({}), answered: false, cookie: null, hasReject: true };
const after: CookieYesRaw = { categories: categories({ functional: true, analytics: true, performance: true }), answered: true, cookie: COOKIE, hasReject: true };

describe('CookieYes adapter', () => {
  it('maps every default slug of its data file to a purpose or necessary', () => {
    const allowed: string[] = ['necessary', ...PURPOSES];
    expect(Object.keys(mapping.categories).sort()).toEqual(['advertisement', 'analytics', 'functional', 'necessary', 'performance']);
    for (const purpose of Object.values(mapping.categories)) expect(allowed).toContain(purpose);
  });

  it('places a slug it does not know by the slug or its title', () => {
    expect(purposeOfCategory('performance', '')).toBe('analytics');
    expect(purposeOfCategory('social-media', '')).toBe('social');
    expect(purposeOfCategory('custom-1', 'Werbung')).toBe('advertising');
    expect(purposeOfCategory('other', 'Other')).toBeNull();
  });

  it('asks before an answer: five categories, no stored consent, reject on the first layer', () => {
    const snap = cookieyes.snapshot(before);
    expect(snap.categories.map((c) => [c.id, c.purpose, c.required, c.consented])).toEqual([
      ['necessary', 'necessary', true, null],
      ['functional', 'functional', false, null],
      ['analytics', 'analytics', false, null],
      ['performance', 'analytics', false, null],
      ['advertisement', 'advertising', false, null],
    ]);
    expect(snap).toMatchObject({ cmp: 'CookieYes', answered: false, firstLayerReject: true });
  });

  it('reports what getCkyConsent() holds, with the cookieyes-consent cookie as proof', () => {
    const snap = cookieyes.snapshot(after);
    expect(snap.evidence).toBe(COOKIE);
    expect(storedFromSnapshot(snap).purposes).toEqual({ functional: true, analytics: true, advertising: false });
  });

  it('counts analytics as given when either of its two categories is on', () => {
    const snap = cookieyes.snapshot({ ...after, categories: categories({ performance: true }) });
    expect(storedFromSnapshot(snap).purposes).toEqual({ functional: false, analytics: true, advertising: false });
  });

  it.each([
    ['denyOptional', { functional: false, analytics: false, performance: false, advertisement: false }],
    ['functionalOnly', { functional: true, analytics: false, performance: false, advertisement: false }],
    ['functionalAnalytics', { functional: true, analytics: true, performance: true, advertisement: false }],
    ['acceptAll', { functional: true, analytics: true, performance: true, advertisement: true }],
  ])('plans %s slug by slug', (profile, expected) => {
    expect(cookieyes.plan(cookieyes.snapshot(before), intent(PROFILES[profile]!))).toEqual(expected);
  });
});
