import type { FormFieldsReport, PermissionReport } from '../messaging/protocol';
import type { FieldChange } from '../policy/types';
import type { CookiePurpose } from './records';

/**
 * The `data` of each ledger event kind the interface knows. Kinds added later
 * (`policy.*`) are shown with a generic line until they get one.
 */

/** `gpc.declaration`: what the site's `/.well-known/gpc.json` says. */
export interface GpcDeclarationData {
  declared: boolean;
  lastUpdate: string | null;
}

/** `cookie.violation`: a cookie set for a purpose the user refused on the site. */
export interface CookieViolationData {
  name: string;
  domain: string;
  purpose: CookiePurpose | string;
  refusedAt: number;
  firstParty: boolean;
}

/** `form.fields`: what a page's forms asked for, never what was typed. */
export type FormFieldsData = FormFieldsReport;

/** `permission.prompt`: a permission the page asked for, and the answer. */
export type PermissionPromptData = PermissionReport;

/** `request.sent`: the user sent the site a rights request (one event per request). */
export interface RequestSentData {
  /** The request's row in the `requests` table. */
  id: string;
  regime: string;
  type: string;
  channel: string | null;
  to: string | null;
  /** `YYYY-MM-DD` days. */
  sentOn: string;
  /** Null for a letter by post whose day of receipt was not yet known. */
  dueDate: string | null;
}

/** `policy.read`: the site's privacy policy was read for the first time. */
export interface PolicyReadData {
  url: string;
  /** SHA-256 (hex) of the normalised text: the version's row in `policies`. */
  hash: string;
  language: string;
}

/** `policy.changed`: a new version of the site's policy, and what changed in the extracted fields. */
export interface PolicyChangedData extends PolicyReadData {
  previousHash: string;
  changes: FieldChange[];
}

export const EVENT_KINDS = ['consent.answer', 'gpc.declaration', 'cookie.violation', 'form.fields', 'permission.prompt', 'policy.read', 'policy.changed', 'request.sent'] as const;
export type KnownEventKind = (typeof EVENT_KINDS)[number];

/** Event kinds the Site detail page gives a section of their own (besides consent). */
export const ASKED_KINDS = ['form.fields', 'permission.prompt', 'gpc.declaration'] as const;
