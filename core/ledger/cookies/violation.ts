import type { Purpose } from '../../consent/purposes';
import type { CookiePurpose, CookieViolation } from '../records';
import type { Refusal } from './refusal';

/** The consent purpose each cookie purpose needs. Necessary and unknown cookies need none. */
export const CONSENT_PURPOSE_OF: Readonly<Partial<Record<CookiePurpose, Purpose>>> = {
  functional: 'functional',
  analytics: 'analytics',
  advertising: 'advertising',
};

/**
 * The violation rule: a cookie set strictly after the user refused the purpose
 * it serves, on the site where it was refused. Null otherwise.
 */
export function cookieViolation(purpose: CookiePurpose, setAt: number, refusal: Refusal | null): CookieViolation | null {
  const needs = CONSENT_PURPOSE_OF[purpose];
  if (!needs || !refusal || refusal.choices[needs] !== false || setAt <= refusal.at) return null;
  return { at: setAt, purpose: needs, refusedAt: refusal.at };
}
