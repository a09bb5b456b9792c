import type { Translate } from '../core/i18n/translate';
import type { LedgerProblem } from '../core/ledger/importProblems';

/** One sentence per problem of a ledger file, in the user's language, naming the place as the file spells it. */
export function describeLedgerProblem(problem: LedgerProblem, t: Translate): string {
  return t(`ledgerImport.problem.${problem.reason}`, { path: problem.path, expected: problem.expected ?? '' });
}
