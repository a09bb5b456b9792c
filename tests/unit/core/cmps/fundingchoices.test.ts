import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import { fundingchoices, type FundingChoicesRaw } from '../../../../core/consent/cmps/fundingchoices';
import { TCF_PURPOSES, TCF_SPECIAL_FEATURES } from '../../../../core/consent/tcf/mapping';
import { verify } from '../../../../core/consent/verify';
import { EXPECTED, intentOf, PROFILES, tcString } from './tcfCmpSample';

const before: FundingChoicesRaw = { tcString: '', eventStatus: 'cmpuishown', gdprApplies: true, cookie: null, hasDoNotConsent: true };
const fccdcf = (tc: string) => JSON.stringify([null, null, null, [tc, 1741082400], null, null, []]);
const answered = (bits: Parameters<typeof tcString>[0]): FundingChoicesRaw => {
  const tc = tcString(bits, 300);
  return { tcString: tc, eventStatus: 'useractioncomplete', gdprApplies: true, cookie: fccdcf(tc), hasDoNotConsent: false };
};

describe('Google Funding Choices adapter', () => {
  it('answers for autoconsent\'s funding-choices rule, in the banner\'s own frame', () => {
    expect(fundingchoices.autoconsentNames).toEqual(['funding-choices']);
    expect(fundingchoices.runIn ?? 'bannerFrame').toBe('bannerFrame');
  });

  it('has an official name for every row it may have to find in the dialog', () => {
    const plan = fundingchoices.plan(fundingchoices.snapshot(before), intentOf('acceptAll'));
    expect(plan.rows.filter((r) => r.kind === 'purpose').map((r) => r.name)).toEqual([...TCF_PURPOSES.values()].map((e) => e.name));
    expect(plan.rows.filter((r) => r.kind === 'specialFeature').map((r) => r.name)).toEqual([...TCF_SPECIAL_FEATURES.values()].map((e) => e.name));
    // apply() tells rows apart by name: no name may contain another.
    const names = plan.rows.map((r) => r.name.toLowerCase());
    for (const a of names) expect(names.filter((b) => b !== a && b.includes(a))).toEqual([]);
  });

  it('holds no answer before the user made one, and sees the first-layer reject', () => {
    const snap = fundingchoices.snapshot(before);
    expect(snap).toMatchObject({ cmp: 'Google Funding Choices', answered: false, firstLayerReject: true });
    expect(snap.categories.every((c) => c.consented === null)).toBe(true);
  });

  it('decodes the TC string, from the API or from FCCDCF, with the cookie as evidence', () => {
    const raw = answered({ consents: [1, 2, 3, 4, 7], li: [8] });
    const snap = fundingchoices.snapshot(raw);
    expect(storedFromSnapshot(snap).purposes).toEqual({ advertising: true, personalization: false, analytics: false });
    expect(snap.legitimateInterestOn).toHaveLength(1);
    expect(snap.evidence).toBe(`FCCDCF=${raw.cookie}`);
    const cookieOnly = fundingchoices.snapshot({ ...raw, tcString: '' });
    expect(cookieOnly.categories).toEqual(snap.categories);
  });

  it('"Do not consent" leaving legitimate interest on is not what an objecting user asked for', () => {
    const after = fundingchoices.snapshot(answered({ consents: [], li: [2, 7, 8, 9, 10, 11] }));
    expect(verify(intentOf('denyOptional'), storedFromSnapshot(after)).status).toBe('notRespected');
  });

  it.each(Object.keys(PROFILES))('plans exactly the switches of profile %s, and verifies them stored', (name) => {
    const plan = fundingchoices.plan(fundingchoices.snapshot(before), intentOf(name));
    expect({ consents: plan.purposes, li: plan.legitimateInterests, sf: plan.specialFeatures }).toEqual(EXPECTED[name]);
    expect(plan.rows.filter((r) => r.consent).length).toBe(EXPECTED[name]!.consents.length + EXPECTED[name]!.sf.length);
    const after = fundingchoices.snapshot(answered({ consents: plan.purposes, li: plan.legitimateInterests, sf: plan.specialFeatures }));
    expect(verify(intentOf(name), storedFromSnapshot(after)).status).toBe('respected');
  });
});
