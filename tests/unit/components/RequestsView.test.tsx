import { fireEvent, screen, within } from '@testing-library/preact';
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
  onStatus: vi.fn(), onDelivered: vi.fn(), onPause: vi.fn(), onResume: vi.fn(), onFollowUp: vi.fn(), onDelete: vi.fn(), onExportIcs: vi.fn(), ...over,
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

  const posted = (over: Partial<RequestRecord> = {}): RequestRecord => ({
    ...request('letter', 'post.example', 'sent', '2026-03-02', null),
    channel: 'print', sentOn: '2026-03-02', contact: { channel: 'postal', value: 'Post Ltd, 1 High St', source: 'companyIndex', confidence: 0.6 }, ...over,
  });

  it('counts a letter by post from its delivery: no due day, never overdue, until that day is given', () => {
    // Posted two months ago, delivery day unknown: waiting, not late.
    const [row] = trackerRows([posted()], '2026-05-20');
    expect(row!.status).toBe('sent');
    expect(row!.delivery).toEqual({ on: null, min: '2026-03-02', max: '2026-05-20' });
    expect(row!.reminders).toEqual([]);
    const props = view([row!]);
    renderIn(<RequestsView {...props} />);
    expect(screen.getByTestId('request-due').textContent).toBe('Counts from delivery');
    fireEvent.click(screen.getByRole('button', { name: 'Add delivery day' }));
    const field = screen.getByLabelText('Delivered on') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect([field.min, field.max, field.value]).toEqual(['2026-03-02', '2026-05-20', '2026-05-20']);
    // Before the day of posting: refused in the form.
    fireEvent.input(field, { target: { value: '2026-03-01' } });
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(field, { target: { value: '2026-03-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.onDelivered).toHaveBeenCalledWith('letter', '2026-03-05');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add delivery day' }));
  });

  it('shows the delivery day once given, and the due day counted from it, in Vietnamese too', () => {
    const rows = trackerRows([posted({ receivedOn: '2026-03-05', dueDate: '2026-04-07', dueAt: midnight('2026-04-07') })], '2026-03-20');
    expect(rows[0]!.delivery?.on).toBe('2026-03-05');
    const { unmount } = renderIn(<RequestsView {...view(rows)} />);
    expect(screen.getByTestId('request-due').textContent).toBe('7 Apr 2026');
    expect(screen.getByTestId('request-delivered').textContent).toBe('Delivered 5 Mar 2026');
    expect(screen.getByRole('button', { name: 'Change delivery day' })).toBeTruthy();
    unmount();
    renderIn(<RequestsView {...view(rows)} />, 'vi');
    expect(screen.getByTestId('request-delivered').textContent).toBe('Thư được nhận ngày 5 thg 3, 2026');
    // An email has no delivery day of its own.
    expect(trackerRows([request('mail', 'mail.example', 'sent', '2026-03-02', '2026-04-02')], '2026-03-20')[0]!.delivery).toBeNull();
  });

  it('under the UK GDPR, lets the user say the company asked for something first, and what, then that it was sent', () => {
    const uk = { ...request('uk', 'uk.example', 'sent', '2026-03-02', '2026-04-02'), regime: 'ukGdpr', sentOn: '2026-03-02' };
    const eu = request('eu', 'eu.example', 'sent', '2026-03-02', '2026-04-02');
    const props = view(trackerRows([uk, eu], '2026-03-10'));
    renderIn(<RequestsView {...props} />);
    const row = (id: string) => screen.getAllByTestId('request-row').find((r) => r.dataset.request === id)!;
    expect(within(row('eu')).queryByRole('button', { name: 'They asked for something first' })).toBeNull();
    fireEvent.click(within(row('uk')).getByRole('button', { name: 'They asked for something first' }));
    const form = within(row('uk')).getByTestId('request-pause-form');
    const save = within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    // Nothing chosen yet: the things the law names.
    expect(within(form).getAllByRole('radio').map((r) => r.nextElementSibling!.textContent)).toEqual(['Details to confirm who I am', 'To clarify my request', 'A fee']);
    expect(document.activeElement).toBe(within(form).getAllByRole('radio')[0]);
    expect(save.disabled).toBe(true);
    expect(form.textContent).toContain('(Art. 12A UK GDPR)');
    fireEvent.click(within(form).getByLabelText('To clarify my request'));
    const day = within(form).getByLabelText('Asked on') as HTMLInputElement;
    expect([day.min, day.max]).toEqual(['2026-03-02', '2026-03-10']);
    // A day before the request was sent, or one still to come, is refused, and the field says why.
    fireEvent.input(day, { target: { value: '2026-03-01' } });
    expect(save.disabled).toBe(true);
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByTestId('request-pause-range').textContent).toBe('Choose a day from 2 Mar 2026 to 10 Mar 2026.');
    fireEvent.input(day, { target: { value: '2026-03-11' } });
    expect(save.disabled).toBe(true);
    fireEvent.input(day, { target: { value: '2026-03-05' } });
    expect(within(form).queryByTestId('request-pause-range')).toBeNull();
    fireEvent.click(save);
    expect(props.onPause).toHaveBeenCalledWith('uk', 'clarification', '2026-03-05');
  });

  it('offers no reminder or complaint for a request that never had a due day', () => {
    const answered = { ...request('uk', 'uk.example', 'answered', '2026-03-02', null), regime: 'ukGdpr' };
    const overdueEu = request('late', 'late.example', 'answered', '2026-01-05', '2026-02-05');
    renderIn(<RequestsView {...view(trackerRows([answered, overdueEu], '2026-03-20'))} />);
    const labels = (id: string) => [...screen.getAllByTestId('request-row').find((r) => r.dataset.request === id)!.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels('uk')).not.toContain('Complain to the authority');
    expect(labels('late')).toContain('Complain to the authority');
  });

  it('shows a stopped clock and takes the day the user answered, in Vietnamese too', () => {
    const paused = {
      ...request('uk', 'uk.example', 'paused', '2026-03-02', null), regime: 'ukGdpr', sentOn: '2026-03-02',
      pause: { kind: 'clarification', since: '2026-03-05', from: 'sent' },
    };
    const rows = trackerRows([paused], '2026-05-20');
    // Never overdue while the clock stands, and no reminders.
    expect(rows[0]).toMatchObject({ status: 'paused', reminders: [] });
    const props = view(rows);
    const { unmount } = renderIn(<RequestsView {...props} />);
    expect(screen.getByTestId('request-status').textContent).toBe('Clock stopped');
    expect(screen.getByTestId('request-due').textContent).toBe('Clock stopped since 5 Mar 2026');
    fireEvent.click(screen.getByRole('button', { name: 'I sent what they asked' }));
    const day = screen.getByLabelText('Sent on') as HTMLInputElement;
    expect([day.min, day.max]).toEqual(['2026-03-05', '2026-05-20']);
    fireEvent.input(day, { target: { value: '2026-03-09' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.onResume).toHaveBeenCalledWith('uk', '2026-03-09');
    unmount();
    renderIn(<RequestsView {...view(rows)} />, 'vi');
    expect(screen.getByTestId('request-status').textContent).toBe('Đang ngừng tính hạn');
    expect(screen.getByRole('button', { name: 'Tôi đã gửi điều họ yêu cầu' })).toBeTruthy();
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
