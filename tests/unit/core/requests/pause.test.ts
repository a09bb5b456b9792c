import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../../core/requests/deadline';
import { afterReply, pauseCitationOf, pauseKindsOf } from '../../../../core/requests/pause';
import { periodStart } from '../../../../core/requests/receipt';

describe('stopping the clock (UK GDPR Art. 12A)', () => {
  it('is offered only where the law has such a rule', () => {
    expect(pauseKindsOf('ukGdpr')).toEqual(['identity', 'clarification', 'fee']);
    expect(pauseCitationOf('ukGdpr')).toBe('Art. 12A UK GDPR');
    for (const regime of ['gdpr', 'ccpa', 'lgpd', 'vnPdpl', 'unknown']) {
      expect(pauseKindsOf(regime)).toEqual([]);
      expect(pauseCitationOf(regime)).toBeNull();
    }
  });

  it('leaves out the days between a question and its answer, adding up', () => {
    expect(afterReply('clarification', '2026-03-05', '2026-03-09', {})).toEqual({ pausedDays: 4, restartOn: null });
    expect(afterReply('clarification', '2026-04-01', '2026-04-03', { pausedDays: 4 })).toEqual({ pausedDays: 6, restartOn: null });
    expect(afterReply('clarification', '2026-04-01', '2026-04-01', { pausedDays: 4 })).toEqual({ pausedDays: 4, restartOn: null });
    // Four paused days move a one-month period ending on Thursday 2 April 2026 to Monday 6 April.
    expect(computeDeadline('ukGdpr', 'access', '2026-03-02', { pausedDays: 4 }).dueDate).toBe(computeDeadline('ukGdpr', 'access', '2026-03-06').dueDate);
  });

  it('starts the period again once the company has the identity details or the fee, forgetting earlier pauses', () => {
    expect(afterReply('identity', '2026-03-10', '2026-03-20', { pausedDays: 4 })).toEqual({ pausedDays: 0, restartOn: '2026-03-20' });
    expect(afterReply('fee', '2026-03-10', '2026-03-12', { restartOn: '2026-03-20' })).toEqual({ pausedDays: 0, restartOn: '2026-03-20' });
    expect(periodStart('2026-03-02', '2026-03-20')).toBe('2026-03-20');
    expect(periodStart('2026-03-02', null)).toBe('2026-03-02');
    expect(periodStart('2026-03-25', '2026-03-20')).toBe('2026-03-25');
    expect(periodStart(null, '2026-03-20')).toBeNull();
  });
});
