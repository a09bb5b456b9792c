import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';
import { diffSummaries } from '../../../../core/policy/diff';

const V1 = `Privacy Policy
Last updated: January 1, 2025
We do not sell your personal information. We keep logs for 30 days.
To exercise your right of access, email privacy@example.com.`;

describe('diffSummaries', () => {
  it('reports no change for the same policy, even reworded', () => {
    const a = analysePolicy({ text: V1 });
    const b = analysePolicy({ text: V1.replace('We keep logs', 'Server logs are kept') });
    expect(diffSummaries(a, b).filter((c) => c.field !== 'dataCategories')).toEqual([]);
  });

  it('reports each changed field with before and after', () => {
    const a = analysePolicy({ text: V1 });
    const b = analysePolicy({
      text: V1.replace('We do not sell your personal information.', 'We sell your personal information to partners.')
        .replace('30 days', '2 years')
        .replace('January 1, 2025', 'March 1, 2026')
        .replace('privacy@example.com', 'dpo@example.com'),
    });
    const changes = Object.fromEntries(diffSummaries(a, b).map((c) => [c.field, [c.before, c.after]]));
    expect(changes.sale).toEqual(['doesNotSell', 'sells']);
    expect(changes.retention).toEqual(['period: 30 days', 'period: 730 days']);
    expect(changes.lastUpdated).toEqual(['2025-01-01', '2026-03-01']);
    expect(changes.bestContact).toEqual(['privacy@example.com', 'dpo@example.com']);
  });
});
