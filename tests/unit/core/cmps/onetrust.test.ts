import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/onetrust.json';
import { onetrust, purposeOfGroup, storedGroups, type OneTrustRaw } from '../../../../core/consent/cmps/onetrust';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { PROFILE_PURPOSES, objectingIntent } from '../../../support/profiles';

const intent = objectingIntent;
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

const GROUPS: OneTrustRaw['groups'] = [
  { id: 'C0001', name: 'Strictly Necessary Cookies', alwaysActive: true },
  { id: 'C0002', name: 'Performance Cookies', alwaysActive: false },
  { id: 'C0003', name: 'Functional Cookies', alwaysActive: false },
  { id: 'C0004', name: 'Targeting Cookies', alwaysActive: false },
  { id: 'C0005', name: 'Social Media Cookies', alwaysActive: false },
];
const COOKIE =
  'OptanonConsent=isGpcEnabled=0&datestamp=Tue+Mar+04+2025+10%3A00%3A00+GMT%2B0000&version=202409.1.0&interactionCount=1' +
  '&groups=C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A0%2CC0005%3A0&intType=3&AwaitingReconsent=false';
const before: OneTrustRaw = { groups: GROUPS, activeGroups: ',C0001,', closed: false, cookie: null, hasReject: true };
const after: OneTrustRaw = { ...before, activeGroups: ',C0001,C0003,', closed: true, cookie: COOKIE };

describe('OneTrust adapter', () => {
  it('maps every default group of its data file to a purpose or necessary', () => {
    const allowed: string[] = ['necessary', ...PURPOSES];
    expect(Object.keys(mapping.groups).sort()).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005']);
    for (const purpose of Object.values(mapping.groups)) expect(allowed).toContain(purpose);
  });

  it('places groups a site added by their name, and unknown ones nowhere', () => {
    expect(purposeOfGroup('C0002', 'Whatever the site calls it')).toBe('analytics');
    expect(purposeOfGroup('C0009', 'Statistik')).toBe('analytics');
    expect(purposeOfGroup('SPD_BG', 'Sale of personal data')).toBeNull();
  });

  it('reads the groups field of the OptanonConsent cookie', () => {
    expect(storedGroups(COOKIE)).toEqual({ C0001: true, C0002: false, C0003: true, C0004: false, C0005: false });
    expect(storedGroups('OptanonConsent=isGpcEnabled=0')).toBeNull();
    expect(storedGroups(null)).toBeNull();
  });

  it('asks before an answer: categories with no stored consent, reject on the first layer', () => {
    const snap = onetrust.snapshot(before);
    expect(snap.categories.map((c) => [c.id, c.purpose, c.required, c.consented])).toEqual([
      ['C0001', 'necessary', true, null],
      ['C0002', 'analytics', false, null],
      ['C0003', 'functional', false, null],
      ['C0004', 'advertising', false, null],
      ['C0005', 'social', false, null],
    ]);
    expect(snap).toMatchObject({ cmp: 'OneTrust', answered: false, firstLayerReject: true });
  });

  it('takes what was stored from the cookie, and shows the cookie as proof', () => {
    const snap = onetrust.snapshot(after);
    expect(snap.evidence).toBe(COOKIE);
    expect(storedFromSnapshot(snap).purposes).toEqual({ analytics: false, functional: true, advertising: false, social: false });
  });

  it('falls back to OnetrustActiveGroups when the cookie lacks a group', () => {
    const snap = onetrust.snapshot({ ...after, cookie: null, activeGroups: ',C0001,C0002,' });
    expect(storedFromSnapshot(snap).purposes).toEqual({ analytics: true, functional: false, advertising: false, social: false });
    expect(snap.evidence).toBe('OnetrustActiveGroups=,C0001,C0002,');
  });

  it.each([
    ['denyOptional', { C0002: false, C0003: false, C0004: false, C0005: false }],
    ['functionalOnly', { C0002: false, C0003: true, C0004: false, C0005: false }],
    ['functionalAnalytics', { C0002: true, C0003: true, C0004: false, C0005: false }],
    ['acceptAll', { C0002: true, C0003: true, C0004: true, C0005: true }],
  ])('plans %s group by group, leaving out the required group', (profile, expected) => {
    expect(onetrust.plan(onetrust.snapshot(before), intent(PROFILES[profile]!))).toEqual(expected);
  });
});
