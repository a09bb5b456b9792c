import { describe, expect, it } from 'vitest';
import { computeDeadline, reminderDays, statusAt } from '../../../../core/requests/deadline';
import { addMonths, parseIsoDay } from '../../../../core/requests/days';
import { requestTypesFor } from '../../../../core/requests/regimes';
import type { DeadlineOptions, RegimeId, RequestType } from '../../../../core/requests/types';
import goldens from './deadlineGoldens.json';

interface Golden {
  reason: string;
  regime: RegimeId;
  type: RequestType;
  receivedOn: string;
  opts?: DeadlineOptions;
  expect: Record<string, string | null>;
}

const cases = goldens.cases as Golden[];

describe('deadline goldens', () => {
  it('has at least 60 cases, each with a reason, covering every regime', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) expect(c.reason.length).toBeGreaterThan(10);
    expect(new Set(cases.map((c) => c.regime))).toEqual(new Set(['gdpr', 'ukGdpr', 'ccpa', 'lgpd', 'vnPdpl']));
  });

  it.each(cases.map((c) => [c.reason, c] as const))('%s', (_reason, c) => {
    const result = computeDeadline(c.regime, c.type, c.receivedOn, c.opts);
    const picked = Object.fromEntries(Object.keys(c.expect).map((k) => [k, result[k as keyof typeof result]]));
    expect(picked).toEqual(c.expect);
  });
});

describe('computeDeadline', () => {
  it('gives every regime and type a due day on or after receipt, with its citation', () => {
    for (const regime of ['gdpr', 'ukGdpr', 'ccpa', 'lgpd', 'vnPdpl'] as const) {
      for (const spec of requestTypesFor(regime)) {
        const r = computeDeadline(regime, spec.type, '2026-05-01');
        expect(r.dueDate > '2026-05-01').toBe(true);
        expect(r.citation).toBe(spec.deadline.citation);
        expect(r.basis).toContain('2026-05-01');
      }
    }
  });

  it('says when a period is not statutory or not confirmed', () => {
    expect(computeDeadline('lgpd', 'erasure', '2026-06-01').statutory).toBe(false);
    expect(computeDeadline('lgpd', 'access', '2026-06-01').statutory).toBe(true);
    expect(computeDeadline('vnPdpl', 'access', '2026-06-01').confirmed).toBe(false);
    expect(computeDeadline('gdpr', 'access', '2026-06-01').confirmed).toBe(true);
  });

  it('explains ignored pauses in its basis', () => {
    expect(computeDeadline('gdpr', 'access', '2026-03-10', { pausedDays: 4 }).basis).toContain('no pause');
    expect(computeDeadline('ukGdpr', 'access', '2026-03-10', { pausedDays: 4 }).basis).toContain('4 paused days');
  });

  it('refuses bad days and unknown pairs with a message naming them', () => {
    expect(() => computeDeadline('gdpr', 'access', '2026-02-30')).toThrow('2026-02-30');
    expect(() => computeDeadline('gdpr', 'access', '10/03/2026')).toThrow('10/03/2026');
    expect(() => computeDeadline('gdpr', 'access', '2026-03-10', { holidays: ['xmas'] })).toThrow('xmas');
    expect(() => computeDeadline('ccpa', 'access', '2026-03-10')).toThrow('access');
  });

  it('adds months across many years without drifting', () => {
    expect(addMonths('2026-01-31', 12)).toBe('2027-01-31');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-31');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(parseIsoDay('2024-02-29').getUTCDate()).toBe(29);
  });
});

describe('statusAt', () => {
  const sent = { regime: 'gdpr', type: 'access', status: 'sent', sentAt: '2026-03-10' } as const;

  it('is overdue the day after the due day, not on it', () => {
    expect(statusAt(sent, '2026-04-10')).toBe('sent');
    expect(statusAt(sent, '2026-04-11')).toBe('overdue');
  });

  it('counts an extension', () => {
    expect(statusAt({ ...sent, status: 'extended' }, '2026-04-11')).toBe('extended');
    expect(statusAt({ ...sent, status: 'extended' }, '2026-06-11')).toBe('overdue');
    expect(statusAt({ ...sent, status: 'acknowledged', extended: true }, '2026-05-01')).toBe('acknowledged');
  });

  it('judges the recorded due day when there is one, so status and the due day shown agree', () => {
    // Sent on 10 March in Hanoi, read later in Paris: the stored time now falls on 9 March, which computes 9 April.
    const moved = { ...sent, sentAt: '2026-03-09', dueDate: '2026-04-10' } as const;
    expect(statusAt(moved, '2026-04-10')).toBe('sent');
    expect(statusAt(moved, '2026-04-11')).toBe('overdue');
    expect(statusAt({ ...moved, dueDate: null }, '2026-04-10')).toBe('overdue');
  });

  it('leaves drafts, answers and closed requests alone', () => {
    expect(statusAt({ ...sent, status: 'draft', sentAt: null }, '2030-01-01')).toBe('draft');
    expect(statusAt({ ...sent, status: 'answered' }, '2030-01-01')).toBe('answered');
    expect(statusAt({ ...sent, status: 'closed' }, '2030-01-01')).toBe('closed');
    expect(statusAt({ ...sent, status: 'complaintFiled' }, '2030-01-01')).toBe('complaintFiled');
  });

  it('reminds three days before, on the day and the day after', () => {
    expect(reminderDays('2026-03-02')).toEqual(['2026-02-27', '2026-03-02', '2026-03-03']);
  });
});
