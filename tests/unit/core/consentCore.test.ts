import { describe, expect, it } from 'vitest';
import { allows, coveredPurposes, expressible, storedFromSnapshot, strictestPurpose } from '../../../core/consent/cmps/categories';
import { fallbackIntent, intentKind, resolveIntent, type ConsentIntent } from '../../../core/consent/intent';
import { purposeOfKnownId, purposeOfLabel } from '../../../core/consent/labels/match';
import lexicon from '../../../core/consent/labels/lexicon.json';
import { allPurposes } from '../../../core/consent/purposes';
import { verify } from '../../../core/consent/verify';
import { defaultSettings } from '../../../core/settings/defaults';

const deny: ConsentIntent = { purposes: allPurposes(false), legitimateInterest: 'object', source: 'preferences' };
const mixed: ConsentIntent = { purposes: { ...allPurposes(false), functional: true, analytics: true }, legitimateInterest: 'object', source: 'preferences' };

describe('intent', () => {
  const settings = { ...defaultSettings(), preferences: { ...allPurposes(false), functional: true, legitimateInterest: 'object' as const } };

  it('comes from the preferences, or the site rule, or is null when the rule says leave it', () => {
    expect(resolveIntent(settings, 'a.com')).toEqual({ purposes: { ...allPurposes(false), functional: true }, legitimateInterest: 'object', source: 'preferences' });
    const rules = { ...settings, siteOverrides: { 'a.com': { mode: 'allowAll' as const }, 'b.com': { mode: 'off' as const }, 'c.com': { mode: 'custom' as const, purposes: { ...allPurposes(false), social: true } } } };
    expect(resolveIntent(rules, 'a.com')).toMatchObject({ purposes: allPurposes(true), legitimateInterest: 'allow', source: 'siteRule' });
    expect(resolveIntent(rules, 'b.com')).toBeNull();
    expect(resolveIntent(rules, 'c.com')?.purposes.social).toBe(true);
  });

  it('knows when a plain reject or accept expresses it', () => {
    expect(intentKind(deny)).toBe('denyAll');
    expect(intentKind(mixed)).toBe('mixed');
    expect(intentKind({ ...deny, purposes: allPurposes(true) })).toBe('acceptAll');
  });

  it('turns the fallback setting into an intent', () => {
    expect(intentKind(fallbackIntent({ ...settings, fallback: 'denyOptional' })!)).toBe('denyAll');
    expect(intentKind(fallbackIntent({ ...settings, fallback: 'acceptAll' })!)).toBe('acceptAll');
    expect(fallbackIntent({ ...settings, fallback: 'askMe' })).toBeNull();
  });
});

describe('label matching', () => {
  it.each([
    ['Statistik', 'analytics'], ['Thống kê', 'analytics'], ["Mesure d'audience", 'analytics'], ['performance', 'analytics'],
    ['Marketing', 'advertising'], ['Quảng cáo', 'advertising'], ['Werbung', 'advertising'], ['ads', 'advertising'],
    ['Chức năng', 'functional'], ['Präferenzen', 'functional'], ['functionality', 'functional'],
    ['Cá nhân hóa', 'personalization'], ['Personnalisation', 'personalization'],
    ['Mạng xã hội', 'social'], ['Social media', 'social'],
    ['Strictly necessary', 'necessary'], ['Cần thiết', 'necessary'], ['Technisch notwendig', 'necessary'],
  ])('"%s" is %s', (label, purpose) => {
    expect(purposeOfLabel(label)).toBe(purpose);
  });

  it.each([
    ['Non-essential cookies', null], ['non_necessary', null], ['Nicht notwendige Cookies', null], ['Cookie non necessari', null],
    ['Unnecessary cookies', null], ['Cookies no necesarias', null], ['Cookies innecesarias', null], ['Niet noodzakelijk', null],
    ['Cookie không cần thiết', null], ['Không bắt buộc', null], ['Cookies não essenciais', null], ['Niekonieczne', null],
    ['Non-essential analytics', 'analytics'], ['Nicht notwendig: Marketing', 'advertising'],
    ['Cookie tecnici e analitici', 'analytics'], ['Necessary and functional', 'functional'],
    ['Functioneel noodzakelijk', 'necessary'], ['Strictly necessary cookies', 'necessary'], ['Nezbytné', 'necessary'], ['Cookies necesare', 'necessary'],
    // A negation reaches every necessary word of the run after it, in any order the words are found.
    ['Nicht technisch notwendige Cookies', null], ['Not strictly necessary', null], ['Cookie non tecnici necessari', null], ['Không kỹ thuật cần thiết', null],
    ['Technisch nicht notwendige Cookies', null], ['Cookie tecnici non necessari', null],
    ['Technisch notwendige Cookies', 'necessary'], ['Nicht notwendig, technisch erforderlich', 'necessary'],
  ])('"%s" is not granted as necessary unless that is all it names: %s', (label, purpose) => {
    expect(purposeOfLabel(label)).toBe(purpose);
  });

  it('reads the next label when the first names no purpose', () => {
    expect(purposeOfLabel('non_essential', 'Marketing')).toBe('advertising');
  });

  it('does not guess: unknown names and words inside other words stay unplaced', () => {
    expect(purposeOfLabel('Hotjar')).toBeNull();
    expect(purposeOfLabel('downloads')).toBeNull();
    expect(purposeOfLabel(null, undefined, '')).toBeNull();
    expect(purposeOfLabel('xyz', 'Analytics')).toBe('analytics');
  });

  it("prefers a CMP's fixed id from its table, and reads the labels only when the table has none of ours", () => {
    const table = { C0002: 'analytics', C0009: 'vendorSpecific' };
    expect(purposeOfKnownId(table, 'C0002', 'Marketing')).toBe('analytics');
    expect(purposeOfKnownId(table, 'C0009', 'Marketing')).toBe('advertising');
    expect(purposeOfKnownId(table, 'constructor', 'Statistik')).toBe('analytics');
    expect(purposeOfKnownId(table, 'C0404')).toBeNull();
  });

  it('keeps the lexicon lower-case and NFC', () => {
    for (const words of Object.values(lexicon)) {
      if (!Array.isArray(words)) continue;
      for (const word of words) expect(word).toBe(word.toLowerCase().normalize('NFC'));
    }
  });
});

describe('categories', () => {
  it('allows required categories always, unknown ones only when everything is allowed', () => {
    expect(allows(deny, { purpose: 'necessary', required: false })).toBe(true);
    expect(allows(deny, { purpose: 'analytics', required: true })).toBe(true);
    expect(allows(mixed, { purpose: 'analytics', required: false })).toBe(true);
    expect(allows(mixed, { purpose: null, required: false })).toBe(false);
    expect(allows({ ...mixed, purposes: allPurposes(true) }, { purpose: null, required: false })).toBe(true);
  });

  it('treats a category with several purposes as its most sensitive one', () => {
    expect(coveredPurposes(['functional', 'advertising', 'necessary'])).toEqual(['functional', 'advertising']);
    expect(coveredPurposes(['analytics', 'analytics'])).toBeUndefined();
    expect(coveredPurposes(['analytics', null])).toBeUndefined();
    const both = { purpose: 'analytics' as const, required: false, covers: ['functional', 'analytics'] as ('functional' | 'analytics')[] };
    expect(allows(mixed, both)).toBe(true);
    expect(allows({ ...mixed, purposes: { ...mixed.purposes, functional: false } }, both)).toBe(false);
    expect(expressible(mixed, [both])).toBe(true);
    expect(expressible({ ...mixed, purposes: { ...mixed.purposes, functional: false } }, [both])).toBe(false);
    expect(expressible({ ...mixed, purposes: { ...mixed.purposes, functional: false } }, [{ ...both, required: true }])).toBe(true);
    expect(strictestPurpose(['functional', 'advertising', 'analytics'])).toBe('advertising');
    expect(strictestPurpose(['analytics', null])).toBeNull();
    expect(strictestPurpose(['necessary'])).toBe('necessary');
  });

  it('reads what was stored per purpose, any category on making the purpose on', () => {
    const stored = storedFromSnapshot({
      cmp: 'X', vendorCount: null, legitimateInterestOn: ['p7'], firstLayerReject: true, answered: true, evidence: 'x=1',
      categories: [
        { id: 'a', label: 'Stats 1', purpose: 'analytics', required: false, consented: false },
        { id: 'b', label: 'Stats 2', purpose: 'analytics', required: false, consented: true },
        { id: 'n', label: 'Needed', purpose: 'necessary', required: true, consented: true },
        { id: 'u', label: 'Hotjar', purpose: null, required: false, consented: true },
      ],
    });
    expect(stored).toEqual({ purposes: { analytics: true }, legitimateInterestOn: ['p7'], evidence: 'x=1', otherOn: ['Hotjar'] });
  });
});

describe('verify', () => {
  it('respects only when every purpose the site asks about matches', () => {
    expect(verify(mixed, { purposes: { functional: true, analytics: true, advertising: false }, legitimateInterestOn: [], evidence: '' })).toEqual({
      status: 'respected', mismatches: [], checked: ['functional', 'analytics', 'advertising'],
    });
  });

  it('lists every difference, both ways', () => {
    const verdict = verify(mixed, { purposes: { functional: false, advertising: true }, legitimateInterestOn: [], evidence: '' });
    expect(verdict.mismatches).toEqual([
      { purpose: 'functional', intended: true, stored: false },
      { purpose: 'advertising', intended: false, stored: true },
    ]);
  });

  it('catches legitimate interest left on after an objection, and unplaced categories left on', () => {
    expect(verify(deny, { purposes: { analytics: false }, legitimateInterestOn: ['TCF purpose 7'], evidence: '' }).mismatches).toEqual([
      { purpose: 'legitimateInterest', intended: false, stored: true },
    ]);
    expect(verify({ ...deny, legitimateInterest: 'allow' }, { purposes: {}, legitimateInterestOn: ['TCF purpose 7'], evidence: '' }).status).toBe('respected');
    expect(verify(deny, { purposes: {}, legitimateInterestOn: [], evidence: '', otherOn: ['Hotjar'] }).mismatches).toEqual([
      { purpose: 'other', intended: false, stored: true },
    ]);
  });
});
