import type { ConsentRecord } from './record';

/**
 * The names under which a CMP keeps its answer, read from the record's
 * evidence (`name=value` cookies, possibly several joined by `; `), so that
 * "answer again" can forget exactly those and nothing else.
 */
export function storedNames(record: ConsentRecord): string[] {
  const evidence = [record.stored?.evidence, record.asked?.evidence].filter((e): e is string => Boolean(e));
  const names = new Set<string>();
  for (const text of evidence) {
    for (const part of text.split(/;\s*|\n/)) {
      const match = /^([\w.-]{1,100})=/.exec(part.trim());
      if (match) names.add(match[1]!);
    }
  }
  return [...names];
}
