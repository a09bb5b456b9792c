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
const EXPECTED: Record<string, number[]> = { denyOptional: [1], functionalOnly: [1], functionalAnalytics: [1, 2], acceptAll: [1, 2, 3] };

describe('TrustArc adapter', () => {
  it('maps TrustArc\'s three default levels, each to known purposes', () => {
    expect(Object.keys(mapping.categories)).toEqual(['1', '2', '3']);
    for (const c of Object.values(mapping.categories)) for (const p of c.purposes) expect(['necessary', ...PURPOSES]).toContain(p);
    expect(trustarc.autoconsentNames).toEqual(['TrustArc-top']);
  });

  it('treats Functional as analytics (where TrustArc files it) and Advertising as advertising', () => {
    expect(trustarc.snapshot(before).categories.map((c) => [c.id, c.purpose, c.required])).toEqual([
      ['1', 'necessary', true], ['2', 'analytics', false], ['3', 'advertising', false],
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
    expect(storedFromSnapshot(snap).purposes).toEqual({ analytics: true, advertising: false });
  });

  it.each(Object.keys(PROFILES))('plans the levels of profile %s, and verifies them stored', (name) => {
    const plan = trustarc.plan(trustarc.snapshot(before), intentOf(name));
    expect(plan.permit).toEqual(EXPECTED[name]);
    expect(plan.all).toBe(name === 'acceptAll');
    expect(verify(intentOf(name), storedFromSnapshot(trustarc.snapshot(stored(plan.permit)))).status).toBe('respected');
  });

  it('catches advertising stored against a reject', () => {
    const verdict = verify(intentOf('denyOptional'), storedFromSnapshot(trustarc.snapshot(stored([1, 3]))));
    expect(verdict.mismatches).toEqual([{ purpose: 'advertising', intended: false, stored: true }]);
  });
});
