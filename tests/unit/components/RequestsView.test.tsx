import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RequestsView } from '../../../components/dashboard/RequestsView';
import { RequestButtons } from '../../../components/popup/RequestButtons';
import type { RequestRecord } from '../../../core/ledger/records';
import { parseRoute } from '../../../stores/route';
import { trackerRows } from '../../../stores/requests';
import { renderIn } from './render';

const midnight = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
};

function request(id: string, site: string, status: string, sentOn: string | null, dueDate: string | null): RequestRecord {
  return {
    id, site, regime: 'gdpr', type: 'access', status, createdAt: 1, sentAt: sentOn ? midnight(sentOn) : null, dueAt: dueDate ? midnight(dueDate) : null,
    language: 'en', channel: sentOn ? 'mailto' : null, contact: { channel: 'email', value: `privacy@${site}`, source: 'policy', confidence: 0.9 },
    subject: 'Access request', body: 'Letter', dueDate, extendedDueDate: null, history: [],
  };
}

const view = (rows: ReturnType<typeof trackerRows> | undefined, over: Partial<Parameters<typeof RequestsView>[0]> = {}) => ({
  rows, composer: null, followUp: null, highlight: null, regimeName: (id: string) => id.toUpperCase(),
  onStatus: vi.fn(), onFollowUp: vi.fn(), onDelete: vi.fn(), onExportIcs: vi.fn(), ...over,
});

describe('Requests started from a site', () => {
  it('reads the site and the kind of request from the hash, and nothing else', () => {
    expect(parseRoute('#/requests?site=shop.example&type=access')).toEqual({ name: 'requests', draft: { site: 'shop.example', type: 'access' } });
    expect(parseRoute('#/requests?site=a.vn&type=erasure')).toEqual({ name: 'requests', draft: { site: 'a.vn', type: 'erasure' } });
    expect(parseRoute('#/requests?site=a.vn&type=sell')).toEqual({ name: 'requests', draft: null });
    expect(parseRoute('#/requests')).toEqual({ name: 'requests', draft: null });
  });

  it('the popup\'s two buttons open the composer for the site, filled in for access or erasure', () => {
    const open = vi.fn();
    renderIn(<RequestButtons site="shop.example" onOpenDashboard={open} />);
    fireEvent.click(screen.getByRole('button', { name: 'Get my data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my data' }));
    expect(open.mock.calls).toEqual([['requests?site=shop.example&type=access'], ['requests?site=shop.example&type=erasure']]);
  });
});

describe('the tracker', () => {
  const records = [
    request('later', 'later.example', 'sent', '2026-03-10', '2026-04-10'),
    request('late', 'late.example', 'sent', '2026-01-05', '2026-02-05'),
    request('draft', 'draft.example', 'draft', null, null),
    request('sooner', 'sooner.example', 'acknowledged', '2026-03-01', '2026-04-01'),
  ];

  it('shows the day a request was sent as the user gave it, whatever time zone the browser is in now', () => {
    // Saved in a time zone ahead of this one: its local midnight reads as the evening before here.
    const travelled = { ...request('trip', 'trip.example', 'sent', '2026-03-10', '2026-04-10'), sentOn: '2026-03-10', sentAt: midnight('2026-03-10') - 3_600_000 };
    renderIn(<RequestsView {...view(trackerRows([travelled], '2026-03-20'))} />);
    expect(screen.getByTestId('request-row').textContent).toContain('10 Mar 2026');
    expect(screen.getByTestId('request-row').textContent).not.toContain('9 Mar 2026');
  });

  it('lists overdue requests first, then by due day, drafts last', () => {
    const rows = trackerRows(records, '2026-03-20');
    expect(rows.map((r) => [r.record.id, r.status])).toEqual([['late', 'overdue'], ['sooner', 'acknowledged'], ['later', 'sent'], ['draft', 'draft']]);
  });

  it('shows status badges and due days, says how many are overdue, and offers the next steps', () => {
    const props = view(trackerRows(records, '2026-03-20'));
    renderIn(<RequestsView {...props} />);
    const rows = screen.getAllByTestId('request-row');
    expect(rows.map((r) => r.querySelector('th')!.firstChild!.textContent)).toEqual(['late.example', 'sooner.example', 'later.example', 'draft.example']);
    expect(screen.getAllByTestId('request-status').map((s) => s.textContent)).toEqual(['Overdue', 'Acknowledged', 'Sent', 'Draft']);
    expect(screen.getAllByTestId('request-due')[0]!.textContent).toBe('5 Feb 2026');
    expect(screen.getByText('1 request is overdue.')).toBeTruthy();
    const first = rows[0]!;
    fireEvent.click(first.querySelector('button')!);
    expect(props.onStatus).toHaveBeenCalledWith('late', 'answered');
    fireEvent.click(screen.getAllByRole('button', { name: 'Complain to the authority' })[0]!);
    expect(props.onFollowUp).toHaveBeenCalledWith('late', 'complaint');
    fireEvent.click(screen.getByRole('button', { name: 'Write a reminder' }));
    expect(props.onFollowUp).toHaveBeenCalledWith('late', 'reminder');
    // Both letters say the period has ended: only the overdue request offers them.
    const offers = (row: HTMLElement) => [...row.querySelectorAll('button')].map((b) => b.textContent).filter((t) => t === 'Write a reminder' || t === 'Complain to the authority');
    expect(rows.map(offers)).toEqual([['Write a reminder', 'Complain to the authority'], [], [], []]);
    fireEvent.click(screen.getByRole('button', { name: 'Add the deadlines to my calendar (.ics)' }));
    expect(props.onExportIcs).toHaveBeenCalled();
  });

  it('offers "They extended the deadline" only where the law allows an extension', () => {
    const gdpr = { ...request('eu', 'eu.example', 'sent', '2026-03-10', '2026-04-10'), extendedDueDate: '2026-06-10' };
    const lgpd = { ...request('br', 'br.example', 'sent', '2026-03-10', '2026-03-25'), regime: 'lgpd' };
    renderIn(<RequestsView {...view(trackerRows([gdpr, lgpd], '2026-03-20'))} />);
    const extended = (id: string) => [...screen.getAllByTestId('request-row').find((r) => r.dataset.request === id)!.querySelectorAll('button')].some((b) => b.textContent === 'They extended the deadline');
    expect(extended('eu')).toBe(true);
    expect(extended('br')).toBe(false);
  });

  it('says when a change to a request failed', () => {
    renderIn(<RequestsView {...view(trackerRows(records, '2026-03-20'), { error: 'No request x' })} />);
    expect(screen.getByText('That did not work: No request x')).toBeTruthy();
  });

  it('speaks Vietnamese', () => {
    renderIn(<RequestsView {...view(trackerRows(records, '2026-03-20'))} />, 'vi');
    expect(screen.getAllByTestId('request-status').map((s) => s.textContent)).toEqual(['Quá hạn', 'Đã xác nhận', 'Đã gửi', 'Bản nháp']);
    expect(screen.getByText('1 yêu cầu đã quá hạn.')).toBeTruthy();
  });

  it('says when there is nothing yet, and shows the composer it is given', () => {
    renderIn(<RequestsView {...view([], { composer: <p data-testid="the-composer">composer</p> })} />);
    expect(screen.getByText('No requests yet')).toBeTruthy();
    expect(screen.getByTestId('the-composer')).toBeTruthy();
  });
});
