import type { core } from 'zod';
import { problemsFromIssue, type FieldReason } from '../settings/problems';

/**
 * Why a ledger file was refused, as data the interface words in the user's
 * language. `path` names the place as the file spells it
 * (`tables.events[12].at`), or `(file)` for the file as a whole; `message` is
 * the same in English, for logs and for callers without a translator.
 */
export interface LedgerProblem {
  path: string;
  reason: LedgerProblemReason;
  /** What was expected, or a detail (a limit, the parser's words, a count). */
  expected?: string;
  message: string;
}

export type LedgerProblemReason =
  | 'empty'
  | 'tooLarge'
  | 'notJson'
  | 'notLedger'
  | 'settingsFile'
  | 'newerVersion'
  | 'badVersion'
  | 'moreProblems'
  | Exclude<FieldReason, 'invalidEmail'>
  | 'idMismatch'
  | 'tooBig'
  | 'tooDeep';

export const WHOLE_FILE = '(file)';

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

const ENGLISH: Record<LedgerProblemReason, string> = {
  empty: 'the file is empty',
  tooLarge: 'the file is larger than {expected}',
  notJson: 'not valid JSON ({expected})',
  notLedger: 'not a Privacy Ledger ledger file',
  settingsFile: 'a settings file, not a ledger file',
  newerVersion: 'from a newer version ({expected})',
  badVersion: 'missing or unknown format version',
  moreProblems: '{expected} more problems',
  missing: 'missing (expected {expected})',
  wrongType: 'wrong type (expected {expected})',
  notAllowed: 'must be one of {expected}',
  unknownField: 'not a field of this table',
  tooLong: 'too long (at most {expected})',
  tooMany: 'too many entries (at most {expected})',
  invalidSite: 'not a site',
  invalidFormat: 'not in the expected format',
  idMismatch: 'id does not match site, domain and name (or day and party)',
  tooBig: 'too large for the details of one event',
  tooDeep: 'nested too deeply',
};

export function ledgerProblem(path: string, reason: LedgerProblemReason, expected?: string): LedgerProblem {
  const message = `${path}: ${ENGLISH[reason].replace('{expected}', expected ?? '')}`;
  return expected === undefined ? { path, reason, message } : { path, reason, expected, message };
}

/** The schema's issues as problems, the first ones listed and the rest counted. */
export function problemsFromIssues(issues: readonly core.$ZodIssue[]): LedgerProblem[] {
  const all = issues.flatMap(problemsFromIssue).map((p) =>
    p.kind === 'field' ? ledgerProblem(p.path, p.reason as LedgerProblemReason, p.expected) : ledgerProblem(WHOLE_FILE, 'invalidFormat'),
  );
  if (all.length <= MAX_LISTED_PROBLEMS) return all;
  return [...all.slice(0, MAX_LISTED_PROBLEMS), ledgerProblem(WHOLE_FILE, 'moreProblems', String(all.length - MAX_LISTED_PROBLEMS))];
}
