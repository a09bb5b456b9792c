import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings/defaults';
import { MAX_SETTINGS_FILE_BYTES, parseSettings, parseSettingsFile, serializeSettings } from '../../../core/settings/file';
import type { SettingsProblem } from '../../../core/settings/problems';
import type { Settings } from '../../../core/settings/schema';

function full(): Settings {
  return {
    ...defaultSettings(),
    onboarded: true,
    language: 'vi',
    preferences: { functional: true, analytics: true, personalization: false, advertising: false, social: false, legitimateInterest: 'allow' },
    fallback: 'askMe',
    siteOverrides: {
      'example.com': { mode: 'allowAll' },
      'tracker.net': { mode: 'custom', purposes: { functional: true, analytics: false, personalization: false, advertising: false, social: true } },
    },
    pausedSites: ['bank.vn'],
    gpc: false,
    identity: { name: 'Nguyễn Văn A', email: 'a@example.vn', postalAddress: '1 Lê Lợi, Hà Nội', country: 'VN', accountIds: [{ label: 'Shop', value: 'C-123' }] },
  };
}

function problemsOf(text: string): SettingsProblem[] {
  const result = parseSettingsFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('settings file', () => {
  it('round-trips every field through export and import', () => {
    const settings = full();
    const result = parseSettingsFile(serializeSettings(settings));
    expect(result).toEqual({ ok: true, settings });
  });

  it('accepts the defaults and a byte-order mark', () => {
    expect(parseSettingsFile(`\uFEFF${serializeSettings(defaultSettings())}`).ok).toBe(true);
  });

  it('refuses an empty file, a non-JSON file and a huge file before parsing', () => {
    expect(problemsOf('  ')).toEqual([{ kind: 'empty' }]);
    expect(problemsOf('{"format": ')[0]?.kind).toBe('notJson');
    expect(problemsOf(' '.repeat(MAX_SETTINGS_FILE_BYTES + 1))).toEqual([{ kind: 'tooLarge', limitBytes: MAX_SETTINGS_FILE_BYTES }]);
  });

  it('refuses JSON that is not a settings file', () => {
    expect(problemsOf('[1,2]')).toEqual([{ kind: 'notSettings' }]);
    expect(problemsOf('{"format":"something-else","version":1}')).toEqual([{ kind: 'notSettings' }]);
  });

  it('says when a file comes from a newer version, and refuses nonsense versions', () => {
    const newer = { ...full(), version: 7 };
    expect(problemsOf(JSON.stringify(newer))).toEqual([{ kind: 'newerVersion', version: 7, supported: 2 }]);
    expect(problemsOf(JSON.stringify({ ...full(), version: 0 }))).toEqual([{ kind: 'badVersion' }]);
    expect(problemsOf(JSON.stringify({ ...full(), version: '1' }))).toEqual([{ kind: 'badVersion' }]);
  });

  it('names each wrong field with the reason', () => {
    const broken = JSON.parse(serializeSettings(full()));
    broken.preferences.analytics = 'yes';
    broken.language = 'fr';
    delete broken.gpc;
    broken.surprise = true;
    broken.siteOverrides['Not A Domain'] = { mode: 'allowAll' };
    broken.siteOverrides['example.com'] = { mode: 'sometimes' };
    broken.identity.email = 'not-an-email';
    broken.identity.accountIds = Array.from({ length: 51 }, () => ({ label: 'x', value: 'y' }));
    expect(problemsOf(JSON.stringify(broken))).toEqual(
      expect.arrayContaining([
        { kind: 'field', path: 'preferences.analytics', reason: 'wrongType', expected: 'boolean' },
        { kind: 'field', path: 'language', reason: 'notAllowed', expected: '"auto", "en", "vi"' },
        { kind: 'field', path: 'gpc', reason: 'missing', expected: 'boolean' },
        { kind: 'field', path: 'surprise', reason: 'unknownField' },
        { kind: 'field', path: 'siteOverrides["Not A Domain"]', reason: 'invalidSite' },
        expect.objectContaining({ kind: 'field', path: 'siteOverrides["example.com"].mode', reason: 'notAllowed' }),
        { kind: 'field', path: 'identity.email', reason: 'invalidEmail' },
        { kind: 'field', path: 'identity.accountIds', reason: 'tooMany', expected: '50' },
      ]),
    );
  });

  it('refuses a site key that is a subdomain, since rules are per registrable domain', () => {
    const s = { ...full(), pausedSites: ['www.bank.vn'] };
    expect(problemsOf(JSON.stringify(s))).toEqual([{ kind: 'field', path: 'pausedSites[0]', reason: 'invalidSite' }]);
  });

  it('validates values that come from storage the same way', () => {
    expect(parseSettings(full()).ok).toBe(true);
    expect(parseSettings(null)).toEqual({ ok: false, problems: [{ kind: 'notSettings' }] });
  });

  it('exports with stable formatting', () => {
    const text = serializeSettings(defaultSettings());
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "privacy-ledger/settings",\n  "version": 2,')).toBe(true);
  });
});

describe('settings version 2: ledger retention', () => {
  /** A version 1 file as version 1 wrote it: no retention field. */
  function v1File(): Record<string, unknown> {
    const { ledgerRetentionDays: _, ...rest } = full();
    return { ...rest, version: 1 };
  }

  it('imports a version 1 file and gives it the default retention of a year', () => {
    expect(parseSettingsFile(JSON.stringify(v1File()))).toEqual({ ok: true, settings: { ...full(), version: 2, ledgerRetentionDays: 365 } });
  });

  it('still names the wrong fields of a version 1 file after migrating it', () => {
    expect(problemsOf(JSON.stringify({ ...v1File(), gpc: 'yes' }))).toEqual([{ kind: 'field', path: 'gpc', reason: 'wrongType', expected: 'boolean' }]);
  });

  it('accepts every offered retention and forever', () => {
    for (const days of [30, 90, 180, 365, 730, null] as const) {
      expect(parseSettings({ ...full(), ledgerRetentionDays: days })).toEqual({ ok: true, settings: { ...full(), ledgerRetentionDays: days } });
    }
  });

  it('refuses a version 2 file with a retention it does not offer, or without one, naming the field', () => {
    expect(problemsOf(JSON.stringify({ ...full(), ledgerRetentionDays: 45 }))).toEqual([
      { kind: 'field', path: 'ledgerRetentionDays', reason: 'notAllowed', expected: '30, 90, 180, 365, 730' },
    ]);
    expect(problemsOf(JSON.stringify({ ...full(), ledgerRetentionDays: '30' }))[0]).toMatchObject({ path: 'ledgerRetentionDays', reason: 'notAllowed' });
    const { ledgerRetentionDays: _, ...missing } = full();
    expect(problemsOf(JSON.stringify(missing))).toEqual([expect.objectContaining({ kind: 'field', path: 'ledgerRetentionDays' })]);
  });
});
