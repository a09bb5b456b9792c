import { describe, expect, it } from 'vitest';
import { allPurposes } from '../../../../core/consent/purposes';
import type { ConsentRecord } from '../../../../core/consent/record';
import { cookieId, flagLate, lifetimeDays, mergeCookie, type CookieObservation } from '../../../../core/ledger/cookies/merge';
import { refusalOf, type Refusal } from '../../../../core/ledger/cookies/refusal';
import { cookieViolation } from '../../../../core/ledger/cookies/violation';

const refusedAnalytics: Refusal = { at: 1000, choices: { ...allPurposes(false), functional: true } };

describe('the violation rule', () => {
  it('flags an analytics cookie set after analytics was refused', () => {
    expect(cookieViolation('analytics', 1001, refusedAnalytics)).toEqual({ at: 1001, purpose: 'analytics', refusedAt: 1000 });
    expect(cookieViolation('advertising', 5000, refusedAnalytics)).toEqual({ at: 5000, purpose: 'advertising', refusedAt: 1000 });
  });

  it('does not flag a cookie set before, or at the moment of, the refusal', () => {
    expect(cookieViolation('analytics', 999, refusedAnalytics)).toBeNull();
    expect(cookieViolation('analytics', 1000, refusedAnalytics)).toBeNull();
  });

  it('does not flag a purpose the user allowed', () => {
    expect(cookieViolation('functional', 2000, refusedAnalytics)).toBeNull();
    expect(cookieViolation('analytics', 2000, { at: 1000, choices: allPurposes(true) })).toBeNull();
  });

  it('never flags necessary or unknown cookies, nor anything without a refusal', () => {
    expect(cookieViolation('necessary', 2000, { at: 1000, choices: allPurposes(false) })).toBeNull();
    expect(cookieViolation('unknown', 2000, { at: 1000, choices: allPurposes(false) })).toBeNull();
    expect(cookieViolation('analytics', 2000, null)).toBeNull();
  });
});

const answer = (outcome: ConsentRecord['outcome'], purposes = allPurposes(false)): ConsentRecord => ({
  site: 'tracked.test', frameUrl: 'http://tracked.test/', cmp: 'Klaro', adapterId: 'klaro', asked: null,
  intent: { purposes, legitimateInterest: 'object', source: 'preferences' }, method: 'adapter', fallback: false,
  reason: null, stored: null, verdict: null, outcome, startedAt: 1000, durationMs: 50,
});

describe('refusalOf', () => {
  it('reads what a given answer refused', () => {
    expect(refusalOf(answer('respected'), 1000)).toEqual({ at: 1000, choices: allPurposes(false) });
    expect(refusalOf(answer('notRespected'), 7)?.at).toBe(7);
    expect(refusalOf(answer('unverified', allPurposes(true)), 7)?.choices.analytics).toBe(true);
  });

  it('finds no refusal where the site was never told one', () => {
    expect(refusalOf(answer('leftAlone'), 1000)).toBeNull();
    expect(refusalOf(answer('failed'), 1000)).toBeNull();
    expect(refusalOf({ ...answer('respected'), intent: null }, 1000)).toBeNull();
  });
});

const seen = (over: Partial<CookieObservation> = {}): CookieObservation => ({
  site: 'tracked.test', domain: 'tracked.test', name: '_ga', firstParty: true, expiresAt: 2000 + 400 * 86_400_000, at: 2000, ...over,
});

describe('mergeCookie', () => {
  it('starts a row with its purpose, lifetime and violation', () => {
    expect(mergeCookie(undefined, seen(), refusedAnalytics)).toEqual({
      id: 'tracked.test|tracked.test|_ga', site: 'tracked.test', domain: 'tracked.test', name: '_ga', firstParty: true,
      session: false, lifetimeDays: 400, purpose: 'analytics', firstSetAt: 2000, lastSetAt: 2000, times: 1,
      violation: { at: 2000, purpose: 'analytics', refusedAt: 1000 },
    });
  });

  it('counts each setting in one row and keeps the first violation', () => {
    const first = mergeCookie(undefined, seen(), refusedAnalytics);
    const again = mergeCookie(first, seen({ at: 9000, expiresAt: null }), { ...refusedAnalytics, at: 8000 });
    expect(again).toMatchObject({ times: 2, firstSetAt: 2000, lastSetAt: 9000, session: true, lifetimeDays: null });
    expect(again.violation).toEqual(first.violation);
  });

  it('records a cookie set before any refusal without a violation', () => {
    expect(mergeCookie(undefined, seen({ at: 500 }), refusedAnalytics).violation).toBeNull();
    expect(mergeCookie(undefined, seen({ name: 'sessionid', expiresAt: null }), refusedAnalytics)).toMatchObject({ purpose: 'necessary', session: true, violation: null });
  });

  it('flags a row when a refusal turns out to precede its last setting', () => {
    const row = mergeCookie(undefined, seen({ at: 1500 }), null);
    expect(flagLate(row, refusedAnalytics)?.violation).toEqual({ at: 1500, purpose: 'analytics', refusedAt: 1000 });
    expect(flagLate(row, { ...refusedAnalytics, at: 1600 })).toBeNull();
    expect(flagLate(mergeCookie(undefined, seen(), refusedAnalytics), refusedAnalytics)).toBeNull();
  });

  it('builds ids and lifetimes as the data model says', () => {
    expect(cookieId('a.com', 'cdn.b.com', 'x')).toBe('a.com|cdn.b.com|x');
    expect(lifetimeDays(0, 86_400_000 * 1.5)).toBe(1.5);
    expect(lifetimeDays(0, null)).toBeNull();
  });
});
