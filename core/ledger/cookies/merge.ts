import type { CookieRecord } from '../records';
import { classifyCookie } from './classify';
import type { Refusal } from './refusal';
import { cookieViolation } from './violation';

/** One cookie set, attributed to one site. */
export interface CookieObservation {
  site: string;
  /** The cookie's domain, without a leading dot. */
  domain: string;
  name: string;
  firstParty: boolean;
  /** Expiry in ms since epoch; null for a session cookie. */
  expiresAt: number | null;
  /** When it was seen set. */
  at: number;
}

const DAY_MS = 86_400_000;

export const cookieId = (site: string, domain: string, name: string) => `${site}|${domain}|${name}`;

/** Days from `at` to `expiresAt`, to the hundredth. */
export function lifetimeDays(at: number, expiresAt: number | null): number | null {
  return expiresAt === null ? null : Math.max(0, Math.round(((expiresAt - at) / DAY_MS) * 100) / 100);
}

/**
 * Folds one setting of a cookie into its row: one row per site, domain and
 * name, however often it is set. A row keeps its first violation.
 */
export function mergeCookie(row: CookieRecord | undefined, seen: CookieObservation, refusal: Refusal | null): CookieRecord {
  const purpose = row?.purpose ?? classifyCookie(seen.name, seen.domain);
  return {
    id: cookieId(seen.site, seen.domain, seen.name),
    site: seen.site,
    domain: seen.domain,
    name: seen.name,
    firstParty: seen.firstParty,
    session: seen.expiresAt === null,
    lifetimeDays: lifetimeDays(seen.at, seen.expiresAt),
    purpose,
    firstSetAt: Math.min(row?.firstSetAt ?? seen.at, seen.at),
    lastSetAt: Math.max(row?.lastSetAt ?? seen.at, seen.at),
    times: (row?.times ?? 0) + 1,
    violation: row?.violation ?? cookieViolation(purpose, seen.at, refusal),
  };
}

/** A row seen again in the light of a refusal recorded after it was set: its violation, if it now has one. */
export function flagLate(row: CookieRecord, refusal: Refusal): CookieRecord | null {
  if (row.violation) return null;
  const violation = cookieViolation(row.purpose, row.lastSetAt, refusal);
  return violation ? { ...row, violation } : null;
}
