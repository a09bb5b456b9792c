import type { core } from 'zod';

/**
 * Why a settings file was refused, as data the UI words in the user's language.
 * `path` names the field the way the file spells it (`preferences.analytics`).
 */
export type SettingsProblem =
  | { kind: 'empty' }
  | { kind: 'tooLarge'; limitBytes: number }
  | { kind: 'notJson'; detail: string }
  | { kind: 'notSettings' }
  | { kind: 'newerVersion'; version: number; supported: number }
  | { kind: 'badVersion' }
  | { kind: 'field'; path: string; reason: FieldReason; expected?: string };

export type FieldReason =
  | 'missing'
  | 'wrongType'
  | 'notAllowed'
  | 'unknownField'
  | 'tooLong'
  | 'tooMany'
  | 'invalidSite'
  | 'invalidEmail'
  | 'invalidFormat';

export function pathText(path: readonly PropertyKey[]): string {
  const text = path
    .map((part) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = String(part);
      return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
    })
    .join('')
    .replace(/^\./, '');
  return text || '(top level)';
}

/** Turns one schema issue into one or more problems a person can act on. */
export function problemsFromIssue(issue: core.$ZodIssue): SettingsProblem[] {
  const path = pathText(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return [
        issue.input === undefined
          ? { kind: 'field', path, reason: 'missing', expected: issue.expected }
          : { kind: 'field', path, reason: 'wrongType', expected: issue.expected },
      ];
    case 'invalid_value':
      return [{ kind: 'field', path, reason: 'notAllowed', expected: issue.values.map((v) => JSON.stringify(v)).join(', ') }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ kind: 'field', path: pathText([...issue.path, key]), reason: 'unknownField' }) as const);
    case 'too_big':
      return [{ kind: 'field', path, reason: issue.origin === 'array' ? 'tooMany' : 'tooLong', expected: String(issue.maximum) }];
    case 'invalid_union':
      // The only unions in the format are site overrides, told apart by `mode`;
      // Zod puts the discriminator in the path itself.
      return [{ kind: 'field', path, reason: 'notAllowed', expected: '"allowAll", "denyAll", "custom", "off"' }];
    case 'invalid_key':
      return issue.issues.flatMap((inner) => problemsFromIssue({ ...inner, path: issue.path } as core.$ZodIssue));
    case 'custom': {
      const reason = (issue.params as { reason?: FieldReason } | undefined)?.reason ?? 'invalidFormat';
      return [{ kind: 'field', path, reason }];
    }
    default:
      return [{ kind: 'field', path, reason: 'invalidFormat' }];
  }
}
