import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestsView } from '../../../components/dashboard/RequestsView';
import type { RequestRecord } from '../../../core/ledger/records';
import { REFUSED_KEY } from '../../../platform/requests/notifications';
import { useNotificationsStore } from '../../../stores/notifications';
import { trackerRows } from '../../../stores/requests';
import { renderIn } from './render';
import { permissionsApi } from '../../support/fakePermissions';

const midnight = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
};

function request(id: string, status: string, sentOn: string | null, dueDate: string | null): RequestRecord {
  return {
    id, site: `${id}.example`, regime: 'gdpr', type: 'access', status, createdAt: 1, sentAt: sentOn ? midnight(sentOn) : null, dueAt: dueDate ? midnight(dueDate) : null,
    language: 'en', channel: sentOn ? 'mailto' : null, contact: null, subject: 'Access request', body: 'Letter', dueDate, extendedDueDate: null, history: [],
  };
}

const records = [request('running', 'sent', '2026-03-01', '2026-04-01'), request('done', 'answered', '2026-01-01', '2026-02-01'), request('draft', 'draft', null, null)];

const view = (over: Partial<Parameters<typeof RequestsView>[0]>) => ({
  rows: trackerRows(records, '2026-03-30'), composer: null, followUp: null, highlight: null, regimeName: (id: string) => id,
  onStatus: vi.fn(), onDelivered: vi.fn(), onPause: vi.fn(), onResume: vi.fn(), onFollowUp: vi.fn(), onDelete: vi.fn(), onExportIcs: vi.fn(), ...over,
});

describe('reminders in the Requests page', () => {
  it('lists the reminder days still ahead of each running request, whatever the permission', () => {
    const rows = trackerRows(records, '2026-03-30');
    expect(rows.find((r) => r.record.id === 'running')!.reminders).toEqual(['2026-04-01', '2026-04-02']);
    expect(rows.find((r) => r.record.id === 'done')!.reminders).toEqual([]);
    expect(rows.find((r) => r.record.id === 'draft')!.reminders).toEqual([]);
    renderIn(<RequestsView {...view({ notifications: 'refused' })} />);
    expect(screen.getAllByTestId('request-reminders').map((e) => e.textContent)).toEqual(['Reminders: 1 Apr, 2 Apr']);
  });

  it('refused: says reminders are shown only here, and offers to allow notifications again', () => {
    const allow = vi.fn();
    renderIn(<RequestsView {...view({ notifications: 'refused', onAllowNotifications: allow })} />);
    expect(screen.getByTestId('reminders-notifications').textContent).toMatch(/^Notifications are not allowed, so reminders are shown only here/);
    fireEvent.click(screen.getByRole('button', { name: 'Allow notifications' }));
    expect(allow).toHaveBeenCalledTimes(1);
  });

  it('never asked: offers it; asking: no button; granted or unavailable: says so without a button', () => {
    const { rerender } = renderIn(<RequestsView {...view({ notifications: 'notAsked', onAllowNotifications: vi.fn() })} />);
    expect(screen.getByRole('button', { name: 'Allow notifications' })).toBeTruthy();
    for (const [state, text] of [
      ['asking', /^Your browser is asking whether Privacy Ledger may show notifications/],
      ['granted', /^On those days the reminders also appear as notifications/],
      ['unavailable', /^This browser cannot show Privacy Ledger's notifications/],
    ] as const) {
      rerender(<RequestsView {...view({ notifications: state, onAllowNotifications: vi.fn() })} />);
      expect(screen.getByTestId('reminders-notifications').textContent).toMatch(text);
      expect(screen.queryByRole('button', { name: 'Allow notifications' })).toBeNull();
    }
  });

  it('says nothing about notifications when no request is waiting for an answer', () => {
    renderIn(<RequestsView {...view({ rows: trackerRows(records.slice(1), '2026-03-30'), notifications: 'refused', onAllowNotifications: vi.fn() })} />);
    expect(screen.queryByTestId('reminders-notifications')).toBeNull();
  });

  it('speaks Vietnamese', () => {
    renderIn(<RequestsView {...view({ notifications: 'refused', onAllowNotifications: vi.fn() })} />, 'vi');
    expect(screen.getByRole('button', { name: 'Cho phép thông báo' })).toBeTruthy();
    expect(screen.getByTestId('reminders-notifications').textContent).toMatch(/^Thông báo chưa được cho phép/);
    expect(screen.getByTestId('request-reminders').textContent).toMatch(/^Nhắc hạn: /);
  });
});

describe('the notifications store: asked from the click that tracks the first request, once', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useNotificationsStore.setState({ state: null });
  });
  afterEach(() => vi.restoreAllMocks());

  it('asks on the first tracked request, synchronously; a refusal is kept and the next request does not ask', async () => {
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(false);
    const request = vi.spyOn(permissionsApi(), 'request').mockResolvedValue(false);
    await useNotificationsStore.getState().load();
    expect(useNotificationsStore.getState().state).toBe('notAsked');
    useNotificationsStore.getState().askFirstTime();
    // Called before anything was awaited: inside the user's gesture.
    expect(request).toHaveBeenCalledTimes(1);
    expect(useNotificationsStore.getState().state).toBe('asking');
    await vi.waitFor(() => expect(useNotificationsStore.getState().state).toBe('refused'));
    expect((await fakeBrowser.storage.local.get(REFUSED_KEY))[REFUSED_KEY]).toEqual(expect.any(Number));
    useNotificationsStore.getState().askFirstTime();
    expect(request).toHaveBeenCalledTimes(1);
    // Read again (another dashboard page): still refused, still not asked.
    await useNotificationsStore.getState().load();
    expect(useNotificationsStore.getState().state).toBe('refused');
    useNotificationsStore.getState().askFirstTime();
    expect(request).toHaveBeenCalledTimes(1);
    // The button asks again.
    request.mockResolvedValue(true);
    useNotificationsStore.getState().ask();
    expect(request).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(useNotificationsStore.getState().state).toBe('granted'));
  });

  it('granted already: never asks', async () => {
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(true);
    const request = vi.spyOn(permissionsApi(), 'request').mockResolvedValue(true);
    await useNotificationsStore.getState().load();
    useNotificationsStore.getState().askFirstTime();
    useNotificationsStore.getState().ask();
    expect(request).not.toHaveBeenCalled();
    expect(useNotificationsStore.getState().state).toBe('granted');
  });
});
