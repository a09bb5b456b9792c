import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/cookiebot.json';
import { cookiebot, purposeOfCategory, type CookiebotRaw } from '../../../../core/consent/cmps/cookiebot';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { PROFILE_PURPOSES, objectingIntent } from '../../../support/profiles';

const intent = objectingIntent;
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

const consent = (preferences: boolean, statistics: boolean, marketing: boolean): CookiebotRaw['consent'] => [
  { id: 'necessary', on: true },
  { id: 'preferences', on: preferences },
  { id: 'statistics', on: statistics },
  { id: 'marketing', on: marketing },
];
const COOKIE =
  "CookieConsent={stamp:%27kP3vYw0xQm2s%3D%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:false%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1741082400000%2Cregion:%27dk%27}";
const before: CookiebotRaw = { consent: consent(false, false, false), hasResponse: false, cookie: null, hasDecline: true };
const after: CookiebotRaw = { consent: consent(true, false, false), hasResponse: true, cookie: COOKIE, hasDecline: true };

describe('Cookiebot adapter', () => {
  it('maps every category of its data file to a purpose or necessary', () => {
    const allowed: string[] = ['necessary', ...PURPOSES];
    expect(Object.keys(mapping.categories).sort()).toEqual(['marketing', 'necessary', 'preferences', 'statistics']);
    for (const purpose of Object.values(mapping.categories)) expect(allowed).toContain(purpose);
  });

  it('places a category it does not know by its name', () => {
    expect(purposeOfCategory('statistics')).toBe('analytics');
    expect(purposeOfCategory('unclassified')).toBeNull();
    expect(purposeOfCategory('social')).toBe('social');
  });

  it('asks before an answer: the four categories, no stored consent, decline on the first layer', () => {
    const snap = cookiebot.snapshot(before);
    expect(snap.categories.map((c) => [c.id, c.purpose, c.required, c.consented])).toEqual([
      ['necessary', 'necessary', true, null],
      ['preferences', 'functional', false, null],
      ['statistics', 'analytics', false, null],
      ['marketing', 'advertising', false, null],
    ]);
    expect(snap).toMatchObject({ cmp: 'Cookiebot', answered: false, firstLayerReject: true });
  });

  it('reports what Cookiebot.consent holds, with the CookieConsent cookie as proof', () => {
    const snap = cookiebot.snapshot(after);
    expect(snap.evidence).toBe(COOKIE);
    expect(storedFromSnapshot(snap).purposes).toEqual({ functional: true, analytics: false, advertising: false });
  });

  it('shows the API answer as proof when the cookie cannot be read', () => {
    expect(cookiebot.snapshot({ ...after, cookie: null }).evidence).toBe(
      'Cookiebot.consent {"necessary":true,"preferences":true,"statistics":false,"marketing":false}',
    );
  });

  it.each([
    ['denyOptional', { preferences: false, statistics: false, marketing: false }],
    ['functionalOnly', { preferences: true, statistics: false, marketing: false }],
    ['functionalAnalytics', { preferences: true, statistics: true, marketing: false }],
    ['acceptAll', { preferences: true, statistics: true, marketing: true }],
  ])('plans %s as the three choices of submitCustomConsent', (profile, expected) => {
    expect(cookiebot.plan(cookiebot.snapshot(before), intent(PROFILES[profile]!))).toEqual(expected);
  });
});
