import type { LabelPurpose } from '../consent/labels/match';
import { PURPOSES, type Purpose } from '../consent/purposes';
import type { ConsentRecord } from '../consent/record';
import type { CookieViolationData, FormFieldsData, PermissionPromptData } from './eventData';
import type { FieldKind, LedgerEvent, PermissionKind, ThirdPartyDay } from './records';
import { summarizeThirdParties, type ThirdPartySummary } from './thirdPartySummary';

/** A category a banner asked about, as the site named it, and whether it was refused for the user. */
export interface AskedPurpose {
  label: string;
  purpose: LabelPurpose | null;
  refused: boolean;
}

/** What the popup says about the current site today. */
export interface TodaySummary {
  consent: { cmp: string; asked: AskedPurpose[]; vendorCount: number | null } | null;
  fields: { kind: FieldKind; hint: string }[];
  /** The latest answer per permission. */
  permissions: { permission: PermissionKind; result: PermissionPromptData['result'] }[];
  thirdParties: { count: number; requests: number; top: ThirdPartySummary[] };
  violations: CookieViolationData[];
  /** Events of kinds this summary does not describe. */
  other: number;
}

const isPurpose = (p: LabelPurpose | null): p is Purpose => p !== null && (PURPOSES as readonly string[]).includes(p);

function consentOf(record: ConsentRecord): TodaySummary['consent'] {
  const asked = (record.asked?.categories ?? [])
    .filter((c) => !c.required && c.purpose !== 'necessary')
    .map((c) => ({ label: c.label, purpose: c.purpose, refused: isPurpose(c.purpose) && record.intent?.purposes[c.purpose] === false }));
  return { cmp: record.cmp, asked, vendorCount: record.asked?.vendorCount ?? null };
}

/**
 * Today's events and third-party rows of one site, in the words the popup
 * needs. `events` are newest first, as the `[site+at]` index gives them
 * reversed, so the first of each kind is the latest.
 */
export function summarizeToday(events: readonly LedgerEvent[], thirdParties: readonly ThirdPartyDay[]): TodaySummary {
  let consent: TodaySummary['consent'] = null;
  const fields = new Map<FieldKind, string>();
  const permissions = new Map<PermissionKind, PermissionPromptData['result']>();
  const violations = new Map<string, CookieViolationData>();
  let other = 0;
  for (const event of events) {
    switch (event.kind) {
      case 'consent.answer':
        consent ??= consentOf(event.data as ConsentRecord);
        break;
      case 'form.fields':
        for (const f of (event.data as FormFieldsData).fields) if (!fields.has(f.kind)) fields.set(f.kind, f.hint);
        break;
      case 'permission.prompt': {
        const data = event.data as PermissionPromptData;
        if (!permissions.has(data.permission)) permissions.set(data.permission, data.result);
        break;
      }
      case 'cookie.violation': {
        const data = event.data as CookieViolationData;
        const key = `${data.domain}|${data.name}`;
        if (!violations.has(key)) violations.set(key, data);
        break;
      }
      case 'gpc.declaration':
        break;
      default:
        other += 1;
    }
  }
  const parties = summarizeThirdParties(thirdParties);
  return {
    consent,
    fields: [...fields].map(([kind, hint]) => ({ kind, hint })),
    permissions: [...permissions].map(([permission, result]) => ({ permission, result })),
    thirdParties: { count: parties.length, requests: parties.reduce((sum, p) => sum + p.requests, 0), top: parties.slice(0, 3) },
    violations: [...violations.values()],
    other,
  };
}

