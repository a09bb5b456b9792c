import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/iubenda.json';
import { iubenda, purposeOfId, type IubendaRaw } from '../../../../core/consent/cmps/iubenda';
import { PURPOSES, type PurposeChoices } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';
import { PROFILE_PURPOSES, objectingIntent } from '../../../support/profiles';

const intent = objectingIntent;
const PROFILES: Record<string, PurposeChoices> = PROFILE_PURPOSES;

/** The fixture's Italian purposes panel before an answer. */
const before: IubendaRaw = {
  panel: [
    { id: '1', label: 'Necessari', required: true },
    { id: '2', label: 'Interazioni e funzionalità semplici', required: false },
    { id: '3', label: 'Miglioramento dell’esperienza', required: false },
    { id: '4', label: 'Misurazione', required: false },
    { id: '5', label: 'Targeting e pubblicità', required: false },
  ],
  stored: null,
  preferences: null,
  cookie: null,
  hasReject: true,
};
const storing = (plan: Record<string, boolean>): IubendaRaw => {
  const stored = { ...plan, '1': true };
  return { ...before, stored, preferences: JSON.stringify({ purposes: stored }), cookie: `_iub_cs-58213577=${encodeURIComponent(JSON.stringify({ purposes: stored }))}` };
};

describe('iubenda adapter', () => {
  it('maps the five fixed purposes of its data file', () => {
    const allowed: string[] = ['necessary', ...PURPOSES];
    expect(mapping.purposes).toEqual({ '1': 'necessary', '2': 'functional', '3': 'personalization', '4': 'analytics', '5': 'advertising' });
    for (const purpose of Object.values(mapping.purposes)) expect(allowed).toContain(purpose);
  });

  it('places a purpose number it does not know by its name', () => {
    expect(purposeOfId('4', 'Misurazione')).toBe('analytics');
    expect(purposeOfId('7', 'Social media')).toBe('social');
    expect(purposeOfId('8', 'Altro')).toBeNull();
  });

  it('asks the panel purposes before an answer, purpose 1 required', () => {
    const asked = iubenda.snapshot(before);
    expect(asked.categories.map((c) => [c.id, c.purpose, c.required, c.consented])).toEqual([
      ['1', 'necessary', true, null],
      ['2', 'functional', false, null],
      ['3', 'personalization', false, null],
      ['4', 'analytics', false, null],
      ['5', 'advertising', false, null],
    ]);
    expect(asked).toMatchObject({ cmp: 'iubenda', answered: false, firstLayerReject: true });
  });

  it('falls back to the stored purposes, then the standard five, when the panel is not drawn', () => {
    expect(iubenda.snapshot({ ...before, panel: [], stored: { '1': true, '4': false } }).categories.map((c) => c.id)).toEqual(['1', '4']);
    expect(iubenda.snapshot({ ...before, panel: [] }).categories.map((c) => [c.id, c.label])).toEqual([
      ['1', 'Purpose 1'], ['2', 'Purpose 2'], ['3', 'Purpose 3'], ['4', 'Purpose 4'], ['5', 'Purpose 5'],
    ]);
  });

  it.each([
    ['denyOptional', { '1': true, '2': false, '3': false, '4': false, '5': false }],
    ['functionalOnly', { '1': true, '2': true, '3': false, '4': false, '5': false }],
    ['functionalAnalytics', { '1': true, '2': true, '3': false, '4': true, '5': false }],
    ['acceptAll', { '1': true, '2': true, '3': true, '4': true, '5': true }],
  ])('plans %s', (profile, expected) => {
    expect(iubenda.plan(iubenda.snapshot(before), intent(PROFILES[profile]!))).toEqual(expected);
  });

  it.each(Object.keys(PROFILES))('verifies %s as respected from what iubenda stored', (profile) => {
    const wanted = intent(PROFILES[profile]!);
    const after = iubenda.snapshot(storing(iubenda.plan(iubenda.snapshot(before), wanted)));
    expect(after.answered).toBe(true);
    expect(after.evidence).toMatch(/^_iub_cs-58213577=/);
    expect(verify(wanted, storedFromSnapshot(after)).status).toBe('respected');
  });
});
