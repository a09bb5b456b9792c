import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SiteRequests } from '../../../components/requests/SiteRequests';
import type { RequestRecord } from '../../../core/ledger/records';
import { trackerRows } from '../../../stores/requests';
import { renderIn } from './render';

const request = (id: string, type: string, sentAt: number, dueDate: string): RequestRecord => ({
  id, site: 'shop.test', regime: 'gdpr', type, status: 'sent', createdAt: sentAt, sentAt, dueAt: null, language: 'en', channel: 'mailto',
  contact: null, subject: 's', body: 'b', dueDate, extendedDueDate: null, history: [{ status: 'sent', at: sentAt }],
});

describe('the popup\'s "Your requests" card', () => {
  it('says so when the site was sent nothing', () => {
    renderIn(<SiteRequests rows={[]} onOpen={() => undefined} />);
    expect(screen.getByTestId('card-requests').textContent).toContain('You have not sent this site any request.');
    expect(screen.queryByTestId('popup-site-requests')).toBeNull();
  });

  it('lists the site\'s requests, overdue first, with their due day, and opens the tracker', () => {
    const rows = trackerRows([
      request('late', 'access', new Date(2026, 0, 5).getTime(), '2026-02-05'),
      request('fresh', 'erasure', new Date(2026, 2, 2).getTime(), '2026-04-02'),
    ], '2026-03-10');
    const open = vi.fn();
    renderIn(<SiteRequests rows={rows} onOpen={open} />);
    const items = screen.getByTestId('popup-site-requests').querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['Get a copy of my data: Overdue · due 5 Feb 2026', 'Delete my data: Sent · due 2 Apr 2026']);
    expect(items[0]!.dataset.status).toBe('overdue');
    fireEvent.click(screen.getByRole('button', { name: 'Open your requests (2)' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('says a letter by post counts from its delivery until that day is given', () => {
    const letter = { ...request('letter', 'access', new Date(2026, 2, 2).getTime(), '2026-04-02'), channel: 'print', dueDate: null,
      contact: { channel: 'postal' as const, value: 'Shop, 1 High St', source: 'companyIndex' as const, confidence: 0.6 } };
    renderIn(<SiteRequests rows={trackerRows([letter], '2026-05-10')} onOpen={() => undefined} />);
    expect(screen.getByTestId('popup-site-requests').textContent).toBe('Get a copy of my data: Sent · Counts from delivery');
  });

  it('speaks Vietnamese', () => {
    const rows = trackerRows([request('fresh', 'erasure', new Date(2026, 2, 2).getTime(), '2026-04-02')], '2026-03-10');
    renderIn(<SiteRequests rows={rows} onOpen={() => undefined} />, 'vi');
    expect(screen.getByTestId('popup-site-requests').textContent).toMatch(/^Xóa dữ liệu của tôi: .+ · hạn /);
  });
});
