import { describe, expect, it } from 'vitest';
import { LEXICONS, groups } from '../../../../core/policy/lexicon';
import domains from '../../../../core/policy/lexicon/domains.json';
import { compileTerms } from '../../../../core/policy/match';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, RECIPIENT_KINDS, REGIMES, RIGHT_KINDS } from '../../../../core/policy/types';

function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

describe('extraction lexicons', () => {
  it('exist for en, vi, de, fr and es with the core concepts', () => {
    for (const lang of ['en', 'vi', 'de', 'fr', 'es']) {
      const l = LEXICONS[lang]!;
      for (const key of ['sell', 'negation', 'retentionVerb', 'retentionCriteria', 'updated', 'controller', 'children'] as const) expect(l[key]?.length, `${lang}.${key}`).toBeGreaterThan(0);
      expect(Object.keys(l.rights ?? {}).length, `${lang}.rights`).toBeGreaterThanOrEqual(8);
    }
  });

  it('use only keys of the closed vocabularies, so every value is translatable', () => {
    const check = (key: 'rights' | 'categories' | 'purposes' | 'recipients' | 'legalBases' | 'regimes', allowed: readonly string[]) => {
      for (const k of Object.keys(groups(key))) expect(allowed, `${key}.${k}`).toContain(k);
    };
    check('rights', RIGHT_KINDS);
    check('categories', DATA_CATEGORIES);
    check('purposes', PURPOSES);
    check('recipients', RECIPIENT_KINDS);
    check('legalBases', LEGAL_BASES);
    check('regimes', REGIMES);
  });

  it('write terms in lower case, NFC, with a star only at the end', () => {
    for (const [lang, lex] of Object.entries(LEXICONS)) {
      for (const t of strings({ ...lex, numberWords: Object.keys(lex.numberWords ?? {}), months: Object.keys(lex.months ?? {}) })) {
        expect(t, `${lang}: ${t}`).toBe(t.toLowerCase().normalize('NFC'));
        expect(t.slice(0, -1).includes('*'), `${lang}: ${t}`).toBe(false);
      }
    }
  });

  it('compile terms as data: pattern characters are literal', () => {
    const re = compileTerms(['a.b', 'x(y)', 'art. 6']);
    expect(re.test('axb')).toBe(false);
    re.lastIndex = 0;
    expect(re.test('see art. 6 gdpr')).toBe(true);
  });

  it('list domains in lower case without schemes', () => {
    for (const d of strings(domains)) expect(d).toMatch(/^[a-z0-9./_-]+$/);
  });
});
