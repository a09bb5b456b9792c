import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SiteDetailView, type SiteLedger } from '../../../components/dashboard/SiteDetailView';
import { PURPOSES } from '../../../core/consent/purposes';
import type { ActivityDay } from '../../../core/ledger/activity';
import { newSite, type CookieRecord, type LedgerEvent, type RequestRecord } from '../../../core/ledger/records';
import { trackerRows } from '../../../stores/requests';
import { defaultSettings } from '../../../core/settings/defaults';
import { renderIn } from './render';

const AT = new Date(2026, 10, 20, 9, 30).getTime();
const days = (n: number, busy: Record<number, Partial<ActivityDay>> = {}): ActivityDay[] =>
  Array.from({ length: n }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, events: 0, requests: 0, ...busy[i] }));

const cookie = (name: string, extra: Partial<CookieRecord> = {}): CookieRecord => ({
  id: `shop.example|shop.example|${name}`, site: 'shop.example', domain: 'shop.example', name, firstParty: true, session: false, lifetimeDays: 390,
  purpose: 'analytics', firstSetAt: AT, lastSetAt: AT, times: 1, violation: null, ...extra,
});

const event = (id: number, kind: string, data: unknown): LedgerEvent => ({ id, site: 'shop.example', at: AT - id * 60_000, kind, data });

const EVENTS: LedgerEvent[] = [
  event(1, 'form.fields', { url: 'https://shop.example/checkout?step=2', fields: [{ kind: 'email', via: 'autocomplete', hint: 'email' }, { kind: 'card', via: 'autocomplete', hint: 'cc-number' }], insecureSubmit: true }),
  event(2, 'permission.prompt', { url: 'https://shop.example/stores', permission: 'geolocation', result: 'denied' }),
  event(3, 'cookie.violation', { name: '_ga', domain: 'shop.example', purpose: 'analytics', refusedAt: AT, firstParty: true }),
  event(4, 'gpc.declaration', { declared: true, lastUpdate: '2026-01-01' }),
  event(5, 'consent.answer', { cmp: 'OneTrust', outcome: 'notRespected' }),
  event(6, 'policy.changed', { url: 'https://shop.example/privacy', hash: 'b', previousHash: 'a', language: 'en', changes: [{ field: 'sale', before: 'doesNotSell', after: 'sells' }] }),
  event(7, 'request.sent', null),
];

function ledger(extra: Partial<SiteLedger> = {}): SiteLedger {
  return {
    range: 30,
    activity: days(30, { 2: { events: 4, requests: 120 }, 19: { events: 9, requests: 30 } }),
    cookies: [cookie('prefs', { purpose: 'functional', session: true, lifetimeDays: null }), cookie('_ga', { violation: { at: AT, purpose: 'analytics', refusedAt: AT - 1 } }), cookie('ad', { firstParty: false, domain: 'ads.example', purpose: 'advertising', lifetimeDays: 1 })],
    thirdParties: [
      { party: 'doubleclick.net', org: 'Google', category: 'advertising', requests: 100, days: 3, firstAt: AT, lastAt: AT },
      { party: 'cdn.example', org: null, category: null, requests: 25, days: 1, firstAt: AT, lastAt: AT },
    ],
    asked: EVENTS.filter((e) => ['form.fields', 'permission.prompt', 'gpc.declaration'].includes(e.kind)),
    timeline: { events: EVENTS, more: true },
    requests: [],
    ...extra,
  };
}

function view(overrides: Partial<Parameters<typeof SiteDetailView>[0]> = {}) {
  const props = {
    site: 'shop.example',
    record: { ...newSite('shop.example', AT - 86_400_000), visits: 12, thirdParties: 2, cookies: 3, violations: 1, fields: ['email', 'card'] as const, permissions: ['geolocation'] as const },
    settings: defaultSettings(),
    purposes: PURPOSES,
    consentAnswers: [],
    ledger: ledger(),
    onRange: vi.fn(),
    onMoreTimeline: vi.fn(),
    onSetPaused: vi.fn(),
    onSetOverride: vi.fn(),
    onEraseSite: vi.fn(async () => {}),
    ...overrides,
  };
  // The record's arrays are read-only literals above; the view never changes them.
  return { props, ...renderIn(<SiteDetailView {...(props as Parameters<typeof SiteDetailView>[0])} />) };
}

describe('SiteDetailView ledger sections', () => {
  it('erases what was recorded about the site only after a confirmation', async () => {
    const { props } = view();
    fireEvent.click(screen.getByRole('button', { name: 'Erase this site…' }));
    expect(props.onEraseSite).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase this site' }));
    await vi.waitFor(() => expect(props.onEraseSite).toHaveBeenCalledOnce());
  });

  it('shows the counters and the request buttons', () => {
    view();
    const counters = screen.getByTestId('site-counters');
    expect([...counters.querySelectorAll('.counter')].map((c) => c.textContent)).toEqual([
      'Visits12', 'Third parties2', 'Cookies3', 'Refusals ignored1', 'Kinds of personal data asked2', 'Permissions asked1',
    ]);
    expect(screen.getByRole('link', { name: 'Get my data' }).getAttribute('href')).toBe('#/requests?site=shop.example&type=access');
    expect(screen.getByRole('link', { name: 'Delete my data' }).getAttribute('href')).toBe('#/requests?site=shop.example&type=erasure');
  });

  it('summarises the chart for screen readers and shows it as a table on request', () => {
    const { props } = view();
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Last 30 days. Things recorded: 13. Requests to third parties: 150. Days with activity: 2. Busiest day: 3 Nov 2026.',
    );
    expect(chart.querySelectorAll('.bars-events rect')).toHaveLength(30);
    expect(screen.queryByTestId('activity-table')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show as a table' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = within(screen.getByTestId('activity-table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['3 Nov 20264120', '20 Nov 2026930']);
    fireEvent.input(screen.getByLabelText('Period'), { target: { value: '90' } });
    expect(props.onRange).toHaveBeenCalledWith(90);
  });

  it('says when the chart has nothing to show', () => {
    view({ ledger: ledger({ activity: days(30) }) });
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Nothing recorded in the last 30 days.');
  });

  it('lists cookies with their party, lifetime, purpose, and refused ones first with a badge', () => {
    view();
    const rows = within(screen.getByTestId('cookies')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['_gaSet after you refused analytics', 'prefs', 'ad']);
    expect([...rows[1]!.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['shop.example', 'This site', 'Until you close the browser', 'Functional', '20 Nov 2026']);
    expect([...rows[2]!.querySelectorAll('td')].slice(0, 4).map((c) => c.textContent)).toEqual(['ads.example', 'Third party', '1 day', 'Advertising']);
  });

  it('lists third parties with a bar scaled to the busiest', () => {
    view();
    const rows = within(screen.getByTestId('third-parties')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['doubleclick.netGoogleAdvertising1003', 'cdn.example—Not in the tracker list251']);
    expect((rows[1]!.querySelector('.bar') as HTMLElement).style.width).toBe('25%');
  });

  it('shows personal data with its evidence and page, permissions with answers, and GPC', () => {
    view();
    const fields = screen.getByTestId('asked-fields').textContent;
    expect(fields).toContain('Email address on /checkout?step=2, 20 Nov 2026');
    expect(fields).toContain('Recognised by: cc-number');
    expect(screen.getByTestId('asked-permissions').textContent).toContain('Your location: you refused · /stores');
    expect(screen.getByTestId('asked-gpc').textContent).toContain('This site says it honours your Global Privacy Control signal.');
  });

  it('tells the timeline in plain words, unknown kinds included, and pages it', () => {
    const { props } = view();
    const items = within(screen.getByTestId('timeline')).getAllByRole('listitem').map((li) => li.querySelector('.event-line')?.textContent);
    expect(items).toEqual([
      'A form asked for your email address and payment card number on /checkout?step=2. It would send them without encryption.',
      'Asked for your location: you refused.',
      'Set the analytics cookie _ga (shop.example) after you refused analytics.',
      'Declared that it honours Global Privacy Control.',
      'Answered the OneTrust banner, but it stored something else.',
      'The privacy policy changed: Selling your data.',
      'Recorded: request.sent',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    expect(props.onMoreTimeline).toHaveBeenCalledOnce();
  });

  it('survives events whose data is missing or malformed', () => {
    const broken = [event(1, 'form.fields', null), event(2, 'permission.prompt', {}), event(3, 'consent.answer', 'nonsense')];
    view({ ledger: ledger({ timeline: { events: broken, more: false }, asked: broken.slice(0, 2) }) });
    expect(within(screen.getByTestId('timeline')).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it("lists the requests sent to the site, with their status today, and opens the tracker", () => {
    const sent: RequestRecord = {
      id: 'r1', site: 'shop.example', regime: 'gdpr', type: 'erasure', status: 'sent', createdAt: AT, sentAt: new Date(2026, 1, 10).getTime(), dueAt: null, language: 'en', channel: 'mailto',
      contact: null, subject: 'Erasure', body: 'Letter', dueDate: '2026-03-10', extendedDueDate: null, history: [],
    };
    view({ ledger: ledger({ requests: trackerRows([sent], '2026-11-29') }) });
    const card = screen.getByTestId('card-requests');
    expect(card.textContent).not.toContain('You have not sent this site any request.');
    expect(within(card).getByTestId('popup-site-requests').textContent).toBe('Delete my data: Overdue · due 10 Mar 2026');
    fireEvent.click(within(card).getByRole('button', { name: 'Open your requests (1)' }));
    expect(location.hash).toBe('#/requests');
  });

  it('shows empty and loading states', () => {
    view({ ledger: { range: 30, activity: undefined, cookies: [], thirdParties: [], asked: [], timeline: { events: [], more: false }, requests: [] } });
    expect(screen.getByTestId('card-requests').textContent).toContain('You have not sent this site any request.');
    expect(screen.getByTestId('cookies').textContent).toContain('No cookies recorded on this site.');
    expect(screen.getByTestId('third-parties').textContent).toContain('No third party contacted in this period.');
    expect(screen.getByTestId('asked-fields').textContent).toContain('No form on this site asked for personal data.');
    expect(screen.getByTestId('asked-gpc').textContent).toContain('Not checked yet.');
    expect(screen.getByTestId('timeline').textContent).toContain('Nothing recorded on this site yet.');
    expect(screen.getByTestId('activity').textContent).toContain('Loading…');
  });

  it('speaks Vietnamese', () => {
    renderIn(
      <SiteDetailView
        site="shop.example" record={null} settings={defaultSettings()} purposes={PURPOSES} consentAnswers={[]} ledger={ledger()}
        onRange={vi.fn()} onMoreTimeline={vi.fn()} onSetPaused={vi.fn()} onSetOverride={vi.fn()} onEraseSite={vi.fn(async () => {})}
      />,
      'vi',
    );
    expect(screen.getByRole('link', { name: 'Xóa dữ liệu của tôi' })).toBeTruthy();
    expect(screen.getByTestId('timeline').textContent).toContain('Một biểu mẫu hỏi địa chỉ email và số thẻ thanh toán của bạn tại /checkout?step=2.');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('30 ngày qua');
  });
});
