import { screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FollowUpPanel } from '../../../components/requests/FollowUpPanel';
import { followUpView } from '../../../stores/requests';
import { renderIn } from './render';

const ana = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: '', country: 'DE', accountIds: [] };
const contact = { channel: 'email', value: 'privacy@shop.test', source: 'user', confidence: 1 };

describe('follow-ups of a tracked request', () => {
  const record = {
    id: 'r1', site: 'shop.test', regime: 'gdpr', type: 'access', status: 'sent', createdAt: 1, sentAt: new Date(2026, 0, 5).getTime(), dueAt: null,
    language: 'en', channel: 'copy', contact, subject: 'Access request', body: 'x', dueDate: '2026-02-05', extendedDueDate: '2026-04-06', history: [],
  };

  it('writes a reminder citing the original request and its due day', () => {
    const view = followUpView(record, 'reminder', ana);
    expect(view.error).toBeNull();
    expect(view.letter!.subject).toContain('shop.test');
    expect(view.letter!.body).toContain('Ana Weber');
    expect(view.letter!.body).toContain('5 February 2026');
  });

  it('addresses a complaint to the supervisory authority of the country of residence', () => {
    const view = followUpView(record, 'complaint', ana);
    expect(view.authority).not.toBeNull();
    expect(view.authority!.country).toBe('DE');
    expect(view.letter!.body).toContain(view.authority!.name);
  });

  it('names the company the request was addressed to, and the site for requests saved without one', () => {
    expect(followUpView({ ...record, company: 'Shop Test GmbH' }, 'complaint', ana).letter!.body).toContain('against Shop Test GmbH, which runs the website shop.test');
    expect(followUpView(record, 'complaint', ana).letter!.body).toContain('against shop.test, which runs the website shop.test');
  });

  it('lists what an answer to an access request must contain, with citations, in both languages', () => {
    const view = followUpView(record, 'checklist', ana);
    expect(view.letter).toBeNull();
    expect(view.checklist.length).toBeGreaterThan(3);
    expect(view.checklist.some((i) => i.citation.en.includes('15(3)'))).toBe(true);
    expect(view.checklist.every((i) => i.label.en && i.label.vi)).toBe(true);
  });

  it('takes the keyboard focus to the letter it opens', () => {
    renderIn(<FollowUpPanel view={followUpView(record, 'reminder', ana)} onCopy={vi.fn(async () => {})} onPrint={vi.fn()} onClose={vi.fn()} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });
});
