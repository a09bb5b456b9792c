import { z } from 'zod';
import type { PolicySummary } from '../policy/types';
import { SETTINGS_FORMAT } from '../settings/schema';
import { FIELD_KINDS, PERMISSION_KINDS, POLICY_STATUSES } from './records';
import { ledgerProblem, problemsFromIssues, WHOLE_FILE, type LedgerProblem } from './importProblems';
import { cookieId, LEDGER_TABLES, thirdPartyId, type LedgerRows } from './tables';

/**
 * The ledger file, version 1 (docs/data-model.md): everything the database
 * holds, one array per table, rows without automatic ids. Export writes it and
 * Import reads it; a newer version gets a new schema and this one is kept.
 */
export const LEDGER_FORMAT = 'privacy-ledger/ledger';
export const LEDGER_VERSION = 1;

/** Larger files are refused before parsing (200 MB of text). */
export const MAX_LEDGER_FILE_CHARS = 200 * 1024 * 1024;
/** The details of one event, as JSON text, at most. */
export const MAX_EVENT_DATA_CHARS = 256 * 1024;

const site = z.string().min(1).max(253);
/** Milliseconds since 1970, up to the largest date JavaScript has. */
const time = z.number().int().min(0).max(8.64e15);
const count = z.number().int().min(0);
const text = (max: number) => z.string().max(max);

const siteRow = z.strictObject({
  site,
  firstSeen: time,
  lastSeen: time,
  visits: count,
  thirdParties: count,
  cookies: count,
  violations: count,
  fields: z.array(z.enum(FIELD_KINDS)).max(FIELD_KINDS.length),
  permissions: z.array(z.enum(PERMISSION_KINDS)).max(PERMISSION_KINDS.length),
});

/** How deeply the details of one event may nest (the extension's own go three or four levels). */
export const MAX_EVENT_DATA_DEPTH = 32;

/** True when no array or object in `value` lies deeper than `max`; walks without recursion, so a hostile depth cannot overflow the stack. */
function nestsWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return true;
}

/** Any JSON value (a parsed file holds nothing else), bounded in depth and size. */
const eventData = z.unknown().superRefine((value, ctx) => {
  if (value === undefined) {
    ctx.addIssue({ code: 'invalid_type', expected: 'unknown', input: value });
  } else if (!nestsWithin(value, MAX_EVENT_DATA_DEPTH)) {
    ctx.addIssue({ code: 'custom', params: { reason: 'tooDeep' }, input: value });
  } else if (JSON.stringify(value).length > MAX_EVENT_DATA_CHARS) {
    ctx.addIssue({ code: 'custom', params: { reason: 'tooBig' }, input: value });
  }
});

const eventRow = z.strictObject({ site, at: time, kind: z.string().min(1).max(100), data: eventData });

const cookieRow = z
  .strictObject({
    id: text(2000),
    site,
    domain: text(253),
    name: text(1000),
    firstParty: z.boolean(),
    session: z.boolean(),
    lifetimeDays: z.number().min(0).nullable(),
    purpose: z.enum(['necessary', 'functional', 'analytics', 'advertising', 'unknown']),
    firstSetAt: time,
    lastSetAt: time,
    times: count,
    violation: z.strictObject({ at: time, purpose: text(100), refusedAt: time }).nullable(),
  })
  .refine((c) => c.id === cookieId(c), { path: ['id'], params: { reason: 'idMismatch' } });

const thirdPartyRow = z
  .strictObject({
    id: text(1000),
    site,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    party: site,
    requests: count,
    org: text(200).nullable(),
    category: text(100).nullable(),
    firstAt: time,
    lastAt: time,
  })
  .refine((t) => t.id === thirdPartyId(t), { path: ['id'], params: { reason: 'idMismatch' } });

/** What changed between two versions, as display strings. */
const fieldChange = z.strictObject({ field: text(100), before: text(2000), after: text(2000) });
// A summary is the extractors' JSON: checked for its version and size here; the views read every field defensively.
const policySummary = z.custom<PolicySummary>(
  (s) => typeof s === 'object' && s !== null && Number.isInteger((s as { version?: unknown }).version) && JSON.stringify(s).length <= 1_000_000,
);
/** Fields from `status` on came with the policy reader; files from before it lack them. */
const policyRow = z.strictObject({
  site, url: text(8192), fetchedAt: time, hash: text(200), text: text(2_000_000),
  status: z.enum(POLICY_STATUSES).optional(),
  checkedAt: time.optional(),
  language: text(10).optional(),
  summary: policySummary.nullable().optional(),
  summaryVersion: z.number().int().min(0).optional(),
  changes: z.array(fieldChange).max(100).nullable().optional(),
  seenAt: time.nullable().optional(),
  detail: text(500).nullable().optional(),
});

const requestRow = z.strictObject({
  id: text(200),
  site,
  company: text(500).nullable().optional(),
  regime: text(100),
  type: text(100),
  status: text(100),
  createdAt: time,
  sentAt: time.nullable(),
  sentOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  pause: z.strictObject({ kind: text(100), since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), from: text(100) }).nullable().optional(),
  pausedDays: z.number().int().min(0).max(100_000).optional(),
  restartOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  dueAt: time.nullable(),
  language: text(10),
  channel: text(20).nullable(),
  contact: z.strictObject({ channel: text(20), value: text(2000), source: text(40), confidence: z.number().min(0).max(1) }).nullable(),
  subject: text(1000),
  body: text(100_000),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  extendedDueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  history: z.array(z.strictObject({ status: text(100), at: time })).max(1000),
});

/** One schema per table: strict, so a field the format does not have is named, not carried along. */
export const ledgerRowSchemas = {
  sites: siteRow,
  events: eventRow,
  cookies: cookieRow,
  thirdParties: thirdPartyRow,
  policies: policyRow,
  requests: requestRow,
};

export const ledgerFileSchema = z.strictObject({
  format: z.literal(LEDGER_FORMAT),
  version: z.literal(LEDGER_VERSION),
  exportedAt: z.iso.datetime(),
  tables: z.strictObject(Object.fromEntries(LEDGER_TABLES.map((t) => [t, z.array(ledgerRowSchemas[t])])) as {
    [T in keyof typeof ledgerRowSchemas]: z.ZodArray<(typeof ledgerRowSchemas)[T]>;
  }),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when `records.ts` and the file's rows drift apart: change both, and the version if needed. */
export const ROWS_MATCH_RECORDS: Same<z.infer<typeof ledgerFileSchema>['tables'], LedgerRows> = true;

export interface LedgerFile {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  exportedAt: string;
  tables: LedgerRows;
}

export type LedgerParse = { ok: true; file: LedgerFile } | { ok: false; problems: LedgerProblem[] };

const refuse = (problem: LedgerProblem): LedgerParse => ({ ok: false, problems: [problem] });

/** Reads the text of a ledger file whole, and says everything that is wrong with it. Reading changes nothing. */
export function parseLedgerFile(fileText: string): LedgerParse {
  if (fileText.length > MAX_LEDGER_FILE_CHARS) {
    return refuse(ledgerProblem(WHOLE_FILE, 'tooLarge', `${MAX_LEDGER_FILE_CHARS / 1024 / 1024} MB`));
  }
  const trimmed = fileText.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return refuse(ledgerProblem(WHOLE_FILE, 'empty'));
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return refuse(ledgerProblem(WHOLE_FILE, 'notJson', error instanceof Error ? error.message : String(error)));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse(ledgerProblem(WHOLE_FILE, 'notLedger'));
  const { format, version } = value as Record<string, unknown>;
  if (format === SETTINGS_FORMAT) return refuse(ledgerProblem(WHOLE_FILE, 'settingsFile'));
  if (format !== LEDGER_FORMAT) return refuse(ledgerProblem(WHOLE_FILE, 'notLedger'));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse(ledgerProblem('version', 'badVersion'));
  if (version > LEDGER_VERSION) return refuse(ledgerProblem('version', 'newerVersion', String(version)));
  const result = ledgerFileSchema.safeParse(value, { reportInput: true });
  if (!result.success) return { ok: false, problems: problemsFromIssues(result.error.issues) };
  return { ok: true, file: result.data as LedgerFile };
}
