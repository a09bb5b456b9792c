import type { Translate } from '../core/i18n/translate';
import type { SettingsProblem } from '../core/settings/problems';

/** One sentence per problem, in the user's language, naming the field as the file spells it. */
export function describeProblem(problem: SettingsProblem, t: Translate): string {
  switch (problem.kind) {
    case 'empty':
      return t('import.problem.empty');
    case 'tooLarge':
      return t('import.problem.tooLarge', { limit: Math.round(problem.limitBytes / 1000) });
    case 'notJson':
      return t('import.problem.notJson', { detail: problem.detail });
    case 'notSettings':
      return t('import.problem.notSettings');
    case 'newerVersion':
      return t('import.problem.newerVersion', { version: problem.version, supported: problem.supported });
    case 'badVersion':
      return t('import.problem.badVersion');
    case 'field':
      return t(`import.field.${problem.reason}`, { path: problem.path, expected: problem.expected ?? '' });
  }
}
