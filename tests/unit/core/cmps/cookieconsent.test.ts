import { describe, expect, it } from 'vitest';
import { cookieconsent } from '../../../../core/consent/cmps/cookieconsent';
import { allPurposes } from '../../../../core/consent/purposes';

const raw = {
  categories: [
    { id: 'necessary', title: 'Strictly necessary', readOnly: true },
    { id: 'functionality', title: 'Functionality', readOnly: false },
    { id: 'analytics', title: 'Analytics', readOnly: false },
    { id: 'ads', title: 'Advertising', readOnly: false },
  ],
  accepted: ['necessary', 'analytics'],
  valid: true,
  cookie: 'cc_cookie={"categories":["necessary","analytics"]}',
  hasReject: true,
};

describe('vanilla-cookieconsent adapter', () => {
  it('maps categories by id and title', () => {
    expect(cookieconsent.snapshot(raw).categories.map((c) => [c.id, c.purpose, c.consented])).toEqual([
      ['necessary', 'necessary', true], ['functionality', 'functional', false], ['analytics', 'analytics', true], ['ads', 'advertising', false],
    ]);
  });

  it('plans the categories to accept', () => {
    const snapshot = cookieconsent.snapshot(raw);
    const plan = (purposes: ReturnType<typeof allPurposes>) => cookieconsent.plan(snapshot, { purposes, legitimateInterest: 'object', source: 'preferences' });
    expect(plan(allPurposes(false))).toEqual({ accept: ['necessary'] });
    expect(plan({ ...allPurposes(false), functional: true, analytics: true })).toEqual({ accept: ['necessary', 'functionality', 'analytics'] });
    expect(plan(allPurposes(true))).toEqual({ accept: ['necessary', 'functionality', 'analytics', 'ads'] });
  });
});
