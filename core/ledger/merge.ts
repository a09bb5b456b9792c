import { canonicalJson } from './canonicalJson';
import type { FormFieldsData, PermissionPromptData } from './eventData';
import type { CookieRecord, FieldKind, LedgerEvent, PermissionKind, PolicyRecord, SiteRecord, ThirdPartyDay } from './records';

/**
 * How an imported ledger joins what the database holds (docs/data-model.md,
 * "Merge rules"). Three promises: importing a file into an empty ledger
 * restores it exactly; importing it again changes nothing; importing into a
 * ledger that kept recording loses nothing recorded since.
 */

/** Events have no key of their own: on one site, the same time, kind and details are the same event. */
export function eventIdentity(event: Omit<LedgerEvent, 'id'>): string {
  return `${event.at}\u0000${event.kind}\u0000${canonicalJson(event.data)}`;
}

/** A policy version is its text's hash on a site. */
export const policyIdentity = (policy: Omit<PolicyRecord, 'id'>): string => policy.hash;

/** The same cookie seen in two ledgers: the widest span, the most times, what the later sighting says it is. */
export function mergeCookie(current: CookieRecord | undefined, incoming: CookieRecord): CookieRecord {
  if (!current) return incoming;
  const latest = incoming.lastSetAt > current.lastSetAt ? incoming : current;
  return {
    ...latest,
    firstSetAt: Math.min(current.firstSetAt, incoming.firstSetAt),
    lastSetAt: Math.max(current.lastSetAt, incoming.lastSetAt),
    times: Math.max(current.times, incoming.times),
    violation: earliest(current.violation, incoming.violation),
  };
}

function earliest<T extends { at: number }>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  return b.at < a.at ? b : a;
}

/** The same site, day and party in two ledgers: counts are of the same requests, so the larger stands. */
export function mergeThirdParty(current: ThirdPartyDay | undefined, incoming: ThirdPartyDay): ThirdPartyDay {
  if (!current) return incoming;
  return {
    ...current,
    requests: Math.max(current.requests, incoming.requests),
    org: current.org ?? incoming.org,
    category: current.category ?? incoming.category,
    firstAt: Math.min(current.firstAt, incoming.firstAt),
    lastAt: Math.max(current.lastAt, incoming.lastAt),
  };
}

/** Counters a site row keeps that the cookie and third-party tables can tell again. */
export interface SiteCounts {
  cookies: number;
  violations: number;
  thirdParties: number;
}

export function countSite(cookies: readonly CookieRecord[], parties: readonly ThirdPartyDay[]): SiteCounts {
  return {
    cookies: cookies.length,
    violations: cookies.filter((c) => c.violation !== null).length,
    thirdParties: new Set(parties.map((p) => p.party)).size,
  };
}

/**
 * A site row after an import. Counters take the largest of the two rows and of
 * the count over the merged tables: a ledger never counted fewer than it
 * holds, and two copies of the same history are not added up. Visits have no
 * rows behind them, so the larger count stands.
 */
export function mergeSite(current: SiteRecord | undefined, incoming: SiteRecord, counted: SiteCounts): SiteRecord {
  const rows = current ? [current, incoming] : [incoming];
  const most = (key: keyof SiteCounts | 'visits') => Math.max(...rows.map((r) => r[key]), key === 'visits' ? 0 : counted[key]);
  return {
    site: incoming.site,
    firstSeen: Math.min(...rows.map((r) => r.firstSeen)),
    lastSeen: Math.max(...rows.map((r) => r.lastSeen)),
    visits: most('visits'),
    thirdParties: most('thirdParties'),
    cookies: most('cookies'),
    violations: most('violations'),
    fields: union(rows.map((r) => r.fields)),
    permissions: union(rows.map((r) => r.permissions)),
  };
}

function union<T>(lists: readonly (readonly T[])[]): T[] {
  return [...new Set(lists.flat())];
}

/** True when a merge left a row exactly as it was. */
export const unchanged = (before: unknown, after: unknown): boolean => canonicalJson(before) === canonicalJson(after);

/** The kinds of personal data and the permissions a site's remaining events show it asked for. */
export function askedBy(events: readonly { kind: string; data: unknown }[]): Pick<SiteRecord, 'fields' | 'permissions'> {
  const fields = new Set<FieldKind>();
  const permissions = new Set<PermissionKind>();
  for (const { kind, data } of events) {
    if (kind === 'form.fields') for (const f of (data as FormFieldsData | null)?.fields ?? []) fields.add(f.kind);
    if (kind === 'permission.prompt' && (data as PermissionPromptData | null)?.permission) permissions.add((data as PermissionPromptData).permission);
  }
  return { fields: [...fields].sort(), permissions: [...permissions].sort() };
}
