/**
 * The rows of the extension's database (docs/data-model.md). Only the
 * background writes them; extension pages read them live.
 */
import type { FieldChange, PolicySummary } from '../policy/types';

/** What a cookie is for, from the table of well-known cookie names. */
export type CookiePurpose = 'necessary' | 'functional' | 'analytics' | 'advertising' | 'unknown';

/** Personal data a form field asks for. */
export const FIELD_KINDS = ['email', 'phone', 'name', 'address', 'birthDate', 'card', 'governmentId', 'password', 'gender'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Permission prompts a page can raise. */
export const PERMISSION_KINDS = ['geolocation', 'notifications', 'camera', 'microphone', 'clipboardRead'] as const;
export type PermissionKind = (typeof PERMISSION_KINDS)[number];

/** One website, keyed by its registrable domain, with counters the Sites view sorts on. */
export interface SiteRecord {
  site: string;
  firstSeen: number;
  lastSeen: number;
  /** Top-level page loads seen on the site. */
  visits: number;
  /** Distinct third parties (registrable domains) contacted from the site. */
  thirdParties: number;
  /** Distinct cookies set while on the site. */
  cookies: number;
  /** Cookies set against the user's refusal. */
  violations: number;
  /** Kinds of personal data its forms asked for. */
  fields: FieldKind[];
  /** Permissions it asked for. */
  permissions: PermissionKind[];
}

/** Something a site asked for or did, or something the extension did there. */
export interface LedgerEvent {
  id?: number;
  site: string;
  at: number;
  kind: string;
  data: unknown;
}

/** A cookie set while on a site: one row per site, cookie domain and name. */
export interface CookieRecord {
  /** `${site}|${domain}|${name}` */
  id: string;
  site: string;
  /** The cookie's domain, without a leading dot. */
  domain: string;
  name: string;
  /** The cookie's registrable domain is the site's. */
  firstParty: boolean;
  /** No expiry: gone when the browser closes. */
  session: boolean;
  /** Days from being set to expiring, for persistent cookies. */
  lifetimeDays: number | null;
  purpose: CookiePurpose;
  firstSetAt: number;
  lastSetAt: number;
  /** Times it was set or changed. */
  times: number;
  /** Set after the user refused its purpose on this site. */
  violation: CookieViolation | null;
}

export interface CookieViolation {
  /** When it was first set against the refusal. */
  at: number;
  /** The refused purpose it serves. */
  purpose: string;
  /** When the user's refusal was recorded. */
  refusedAt: number;
}

/** Requests from one site to one third party on one day, counted, not listed. */
export interface ThirdPartyDay {
  /** `${site}|${day}|${party}` */
  id: string;
  site: string;
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** The third party's registrable domain. */
  party: string;
  requests: number;
  /** Organisation and category from the tracker dataset, when it knows the domain. */
  org: string | null;
  category: string | null;
  firstAt: number;
  lastAt: number;
}

/**
 * How reading a site's policy went. `ok`: a version was read; the others say
 * why not, in words the interface shows: `noLink` (no policy link on the page),
 * `blocked` (the link leads off the site and the page did not offer it),
 * `notFound` (the server answered 4xx/5xx), `tooBig`, `notHtml` (neither HTML
 * nor plain text), `timeout`, `failed` (network error), `notAPolicy` (the
 * page read does not look like a privacy policy).
 */
export const POLICY_STATUSES = ['ok', 'noLink', 'blocked', 'notFound', 'tooBig', 'notHtml', 'timeout', 'failed', 'notAPolicy'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * One fetched version of a site's privacy policy, or (status other than
 * `ok`, empty hash and text) the site's last failed attempt, kept once per site.
 */
export interface PolicyRecord {
  id?: number;
  site: string;
  url: string;
  fetchedAt: number;
  /** SHA-256 (hex) of the normalised text; empty for a failed attempt. */
  hash: string;
  /** The normalised text the summary's evidence offsets point into. */
  text: string;
  // The fields below came with the policy reader: rows written before it, or imported from older files, lack them.
  status?: PolicyStatus;
  /** Last time this same text was read again (no change). */
  checkedAt?: number;
  language?: string;
  summary?: PolicySummary | null;
  /** The extractors' version that made `summary` (POLICY_SUMMARY_VERSION). */
  summaryVersion?: number;
  /** What changed in the extracted fields since the site's previous version; null for a first version. */
  changes?: FieldChange[] | null;
  /** When the user saw the "policy changed" notice; null while it is still to be shown. */
  seenAt?: number | null;
  /** For a failure: the HTTP status or error, in English, for the details view. */
  detail?: string | null;
}

/** A rights request the user prepared or sent (core/requests names the regimes, types and statuses). */
export interface RequestRecord {
  id: string;
  site: string;
  /** The company the letter was addressed to, as it names it (absent in requests saved before it was kept). */
  company?: string | null;
  regime: string;
  type: string;
  status: string;
  createdAt: number;
  /** Local midnight of the day it was sent (the day the law counts from). */
  sentAt: number | null;
  /** That day as the user gave it, `YYYY-MM-DD`: the same in any time zone (absent in rows saved before it was kept). */
  sentOn?: string | null;
  /**
   * By post only: the day the company received the letter, `YYYY-MM-DD`, as the user gave it once known.
   * The period counts from it; until then the request has no due day. Absent or null otherwise.
   */
  receivedOn?: string | null;
  /**
   * While `paused`: what the company asked for first (`identity`, `clarification` or `fee`), the day it asked,
   * and the status to go back to once the user has sent it. Null or absent otherwise.
   */
  pause?: { kind: string; since: string; from: string } | null;
  /** Days the clock stood still for clarifications, added to the period (UK GDPR Art. 12A). Absent: none. */
  pausedDays?: number;
  /** The day the period started again, once the company had the identity details or fee it asked for. Absent or null: never. */
  restartOn?: string | null;
  /** Local midnight of the day the answer is due, the extension included once granted. */
  dueAt: number | null;
  /** Letter language. */
  language: string;
  /** How it went out: mailto, copy, eml, print or webForm; null while a draft. */
  channel: string | null;
  /** Where it was addressed, where that address came from, and how sure that source is. */
  contact: RequestContact | null;
  subject: string;
  /** The letter as sent. */
  body: string;
  /** `YYYY-MM-DD` due day as the deadline engine computed it, and the day if the company extends. */
  dueDate: string | null;
  extendedDueDate: string | null;
  /** Every status change, oldest first. */
  history: { status: string; at: number }[];
}

export interface RequestContact {
  channel: string;
  value: string;
  source: string;
  confidence: number;
}

/** A site row with nothing counted yet. */
export function newSite(site: string, at: number): SiteRecord {
  return { site, firstSeen: at, lastSeen: at, visits: 0, thirdParties: 0, cookies: 0, violations: 0, fields: [], permissions: [] };
}
