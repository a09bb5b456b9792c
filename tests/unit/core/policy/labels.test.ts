import { describe, expect, it } from 'vitest';
import { RIGHT_KINDS, SALE_VALUES, RETENTION_KINDS } from '../../../../core/policy/types';
import { evaluate, labelQuotes, loadLabels, normalisedFixture } from '../../../../scripts/lib/policyAccuracy';

const labels = loadLabels();

describe('hand labels', () => {
  it('label all twenty development policies', () => expect(Object.keys(labels.policies)).toHaveLength(20));

  for (const [file, label] of Object.entries(labels.policies)) {
    it(`${file}: every evidence quote occurs in the normalised text, and values are in the vocabularies`, () => {
      const text = normalisedFixture(file);
      for (const quote of labelQuotes(label)) expect(text.includes(quote), quote).toBe(true);
      expect(SALE_VALUES).toContain(label.sale.value);
      expect(RETENTION_KINDS).toContain(label.retention.kind);
      for (const r of label.rights.value) expect(RIGHT_KINDS).toContain(r);
      if (label.lastUpdated.value !== null) expect(label.lastUpdated.value).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      if (label.sale.value !== 'notMentioned') expect(label.sale.quote).toBeTruthy();
      if (label.retention.kind !== 'notStated') expect(label.retention.quote).toBeTruthy();
    });
  }
});

describe('accuracy targets on the labels (docs/policy-accuracy.md)', () => {
  const report = evaluate();

  it('best contact right at least 90% of the time, and never an authority or vendor address', () => {
    expect(report.accuracy.bestContact!.all).toBeGreaterThanOrEqual(0.9);
    expect(report.bestContactForbidden).toBe(0);
  });

  it('false "does not sell" at most 2%', () => expect(report.falseDoesNotSellRate).toBeLessThanOrEqual(0.02));

  it('retention class right at least 85%', () => expect(report.accuracy.retention!.all).toBeGreaterThanOrEqual(0.85));

  it('rights F1 at least 0.9', () => expect(report.rightsF1.all).toBeGreaterThanOrEqual(0.9));

  it('English, French, German and Vietnamese within 10 points of each other', () => {
    const scores = ['en', 'fr', 'de', 'vi'].map((l) => report.languageScore[l]!);
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThanOrEqual(0.1);
  });
});
