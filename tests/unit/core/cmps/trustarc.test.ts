import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/trustarc.json';
import { permittedOf, trustarc, type TrustArcRaw } from '../../../../core/consent/cmps/trustarc';
import { PURPOSES } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';
import { intentOf, PROFILES } from './tcfCmpSample';

const before: TrustArcRaw = { decision: 0, permit: null, gdprPrefs: null, hasRequiredOnly: true };
const stored = (permit: number[]): TrustArcRaw => ({
  decision: permit.includes(2) ? (permit.includes(3) ? 3 : 2) : 1,
  permit: `permit ${permit.join(',')}`,
  gdprPrefs: `${permit.map((n) => n - 1).join(',')}:`,
  hasRequiredOnly: false,
});
/** Functional holds analytics too, so "functional only" cannot be given: null, and the fallback answers. */
const EXPECTED: Record<string, number[] | null> = { denyOptional: [1], functionalOnly: null, functionalAnalytics: [1, 2], acceptAll: [1, 2, 3] };

describe('TrustArc adapter', () => {
  it('maps TrustArc\'s three default levels, each to known purposes', () => {
    expect(Object.keys(mapping.categories)).toEqual(['1', '2', '3']);
    for (const c of Object.values(mapping.categories)) for (const p of c.purposes) expect(['necessary', ...PURPOSES]).toContain(p);
    expect(trustarc.autoconsentNames).toEqual(['TrustArc-top']);
  });

  it('shows Functional as analytics (where TrustArc files it) and Advertising as advertising, each covering all its purposes', () => {
    expect(trustarc.snapshot(before).categories.map((c) => [c.id, c.purpose, c.required, c.covers])).toEqual([
      ['1', 'necessary', true, undefined], ['2', 'analytics', false, ['functional', 'analytics']], ['3', 'advertising', false, ['advertising', 'personalization', 'social']],
    ]);
  });

  it('holds no answer before the user made one', () => {
    const snap = trustarc.snapshot(before);
    expect(snap).toMatchObject({ answered: false, firstLayerReject: true, legitimateInterestOn: [] });
    expect(snap.evidence).toBe('PrivacyManagerAPI getGDPRConsentDecision: 0');
  });

  it('reads the permitted levels from the most precise record there is', () => {
    expect(permittedOf(stored([1, 3]))).toEqual([1, 3]);
    expect(permittedOf({ ...before, gdprPrefs: '0,1:' })).toEqual([1, 2]);
    expect(permittedOf({ ...before, decision: 2 })).toEqual([1, 2]);
    expect(permittedOf(before)).toBeNull();
  });

  it('shows the stored cookies as evidence', () => {
    const snap = trustarc.snapshot(stored([1, 2]));
    expect(snap.answered).toBe(true);
    expect(snap.evidence).toBe('cmapi_cookie_privacy=permit 1,2; notice_gdpr_prefs=0,1:; PrivacyManagerAPI getGDPRConsentDecision: 2');
    expect(storedFromSnapshot(snap).purposes).toEqual({ functional: true, analytics: true, advertising: false, personalization: false, social: false });
  });

  it.each(Object.keys(PROFILES).filter((name) => EXPECTED[name]))('plans the levels of profile %s, and verifies them stored', (name) => {
    const plan = trustarc.plan(trustarc.snapshot(before), intentOf(name))!;
    expect(plan.permit).toEqual(EXPECTED[name]);
    expect(plan.all).toBe(name === 'acceptAll');
    expect(verify(intentOf(name), storedFromSnapshot(trustarc.snapshot(stored(plan.permit)))).status).toBe('respected');
  });

  it('cannot give a choice that splits a level: no plan, and either level stored is reported against it', () => {
    const functionalOnly = intentOf('functionalOnly');
    expect(trustarc.plan(trustarc.snapshot(before), functionalOnly)).toBeNull();
    const adsNotSocial = { ...intentOf('denyOptional'), purposes: { ...intentOf('denyOptional').purposes, advertising: true } };
    expect(trustarc.plan(trustarc.snapshot(before), adsNotSocial)).toBeNull();
    // Had the site stored level 3 for it, social and personalization would show as stored against the refusal.
    expect(verify(adsNotSocial, storedFromSnapshot(trustarc.snapshot(stored([1, 3])))).mismatches.map((m) => m.purpose).sort()).toEqual(['personalization', 'social']);
    expect(verify(functionalOnly, storedFromSnapshot(trustarc.snapshot(stored([1])))).mismatches).toEqual([{ purpose: 'functional', intended: true, stored: false }]);
  });

  it('catches advertising stored against a reject, with the purposes the level holds besides', () => {
    const verdict = verify(intentOf('denyOptional'), storedFromSnapshot(trustarc.snapshot(stored([1, 3]))));
    expect(verdict.mismatches.map((m) => m.purpose).sort()).toEqual(['advertising', 'personalization', 'social']);
  });
});
