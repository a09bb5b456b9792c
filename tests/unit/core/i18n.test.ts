import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PURPOSES } from '../../../core/consent/purposes';
import { FIELD_KINDS, PERMISSION_KINDS } from '../../../core/ledger/records';
import { SITE_RANGES, SITE_SORT_KEYS } from '../../../core/ledger/siteList';
import { PERMISSION_RESULTS, TRACKER_CATEGORIES } from '../../../components/ledger/words';
import { CATALOGS, createTranslator, resolveLocale, type MessageKey } from '../../../core/i18n/translate';
import { fillTemplate, placeholdersOf } from '../../../core/i18n/template';
import type { LedgerProblemReason } from '../../../core/ledger/importProblems';

const ROOT = join(import.meta.dirname, '../../..');
const en = CATALOGS.en;
const vi = CATALOGS.vi;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message catalogs', () => {
  it('Vietnamese has exactly the English keys', () => {
    expect(Object.keys(vi)).toEqual(Object.keys(en));
  });

  it.each(Object.keys(en))('%s has the same placeholders in both languages, and is not empty', (key) => {
    const k = key as MessageKey;
    expect(placeholdersOf(vi[k])).toEqual(placeholdersOf(en[k]));
    expect(vi[k].trim()).not.toBe('');
    expect(vi[k]).toBe(vi[k].normalize('NFC'));
  });

  it('uses the glossary: privacy is quyền riêng tư, never bảo mật', () => {
    for (const text of Object.values(vi)) expect(text.toLowerCase()).not.toContain('bảo mật');
  });

  it('uses the glossary: a cookie banner is a thông báo cookie, one word for it throughout', () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text.toLowerCase()).not.toMatch(/banner|biểu ngữ/);
      // "Hộp thoại" is a browser's permission prompt, never the consent banner.
      if (!key.startsWith('permission.')) expect(text.toLowerCase()).not.toContain('hộp thoại');
    }
  });

  it('has a message for every key the interface asks for', () => {
    const used = new Set<string>();
    for (const file of ['components', 'entrypoints', 'stores'].flatMap((d) => sourceFiles(join(ROOT, d)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]!);
    }
    // Keys built at run time from data.
    for (const p of PURPOSES) used.add(`purpose.${p}`).add(`purpose.${p}.desc`);
    for (const s of ['sites', 'requests', 'preferences', 'identity', 'data']) used.add(`nav.${s}`);
    for (const m of ['allowAll', 'denyAll', 'custom', 'off']) used.add(`site.override.${m}`);
    for (const m of ['adapter', 'optOut', 'optIn', 'heuristic', 'none']) used.add(`consent.method.${m}`);
    for (const r of ['noReject', 'forbiddenOnly', 'ambiguous', 'paywall', 'ageGate']) used.add(`heuristic.reason.${r}`);
    for (const r of ['missing', 'wrongType', 'notAllowed', 'unknownField', 'tooLong', 'tooMany', 'invalidSite', 'invalidEmail', 'invalidFormat']) used.add(`import.field.${r}`);
    // The ledger views.
    for (const f of FIELD_KINDS) used.add(`field.${f}`);
    for (const p of PERMISSION_KINDS) used.add(`permission.${p}`);
    for (const r of PERMISSION_RESULTS) used.add(`permission.result.${r}`);
    for (const c of TRACKER_CATEGORIES) used.add(`tracker.category.${c}`);
    for (const p of ['necessary', 'functional', 'analytics', 'advertising', 'unknown']) used.add(`cookie.purpose.${p}`);
    for (const k of SITE_SORT_KEYS) used.add(`sites.col.${k}`);
    for (const r of SITE_RANGES) used.add(`sites.range.${r}`);
    for (const f of ['violations', 'location', 'personalData']) used.add(`sites.filter.${f}`);
    for (const c of ['visits', 'thirdParties', 'cookies', 'violations', 'fields', 'permissions']) used.add(`site.counter.${c}`);
    for (const o of ['respected', 'notRespected', 'unverified', 'leftAlone', 'failed', 'working']) used.add(`event.consent.${o}`);
    for (const r of ['empty', 'tooLarge', 'notJson', 'notLedger', 'settingsFile', 'newerVersion', 'badVersion', 'moreProblems', 'missing', 'wrongType',
      'notAllowed', 'unknownField', 'tooLong', 'tooMany', 'invalidSite', 'invalidFormat', 'idMismatch', 'tooBig'] satisfies LedgerProblemReason[]) {
      used.add(`ledgerImport.problem.${r}`);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});

describe('translator', () => {
  it('fills placeholders and picks plural forms', () => {
    const t = createTranslator('en');
    expect(t('popup.site.frames', { count: 1 })).toBe('Watching this page (1 frame)');
    expect(t('popup.site.frames', { count: 3 })).toBe('Watching this page (3 frames)');
    expect(createTranslator('vi')('popup.site.frames', { count: 3 })).toContain('3');
    expect(createTranslator('vi')('popup.site.frames', { count: 3 })).not.toContain('|');
  });

  it('resolves auto from the browser language', () => {
    expect(resolveLocale('auto', 'vi-VN')).toBe('vi');
    expect(resolveLocale('auto', 'de-DE')).toBe('en');
    expect(resolveLocale('en', 'vi')).toBe('en');
  });
});

describe('fillTemplate', () => {
  it('replaces known names, keeps unknown ones visible, and never interprets values', () => {
    expect(fillTemplate('Hi {name}, {missing}', { name: '{missing} $& \\1' })).toBe('Hi {missing} $& \\1, {missing}');
    expect(fillTemplate('a {{literal}} b')).toBe('a {literal}} b');
    expect(fillTemplate('unclosed {name')).toBe('unclosed {name');
    expect(placeholdersOf('{b} and {a} and {b} {{c}}')).toEqual(['a', 'b']);
  });
});
