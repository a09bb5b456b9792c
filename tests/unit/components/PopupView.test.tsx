import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../../components/popup/PopupView';
import { allPurposes, PURPOSES } from '../../../core/consent/purposes';
import { hiddenOnly, type ConsentRecord } from '../../../core/consent/record';
import { newSite } from '../../../core/ledger/records';
import type { TodaySummary } from '../../../core/ledger/today';
import { defaultSettings } from '../../../core/settings/defaults';
import { renderIn } from './render';

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    status: {
      tabId: 1, url: 'https://www.news.example/', site: 'news.example', framesSeen: 2,
      config: { site: 'news.example', active: true, inactiveReason: null, override: null, gpc: true },
    },
    settings: { ...defaultSettings(), onboarded: true, preferences: { ...defaultSettings().preferences, functional: true, analytics: true } },
    siteRecord: { ...newSite('news.example', Date.UTC(2026, 10, 1)), lastSeen: Date.UTC(2026, 10, 2), visits: 4 },
    purposes: PURPOSES,
    consent: null,
    today: undefined,
    error: null,
    onTogglePause: vi.fn(),
    onSetRule: vi.fn(),
    onAnswerAgain: vi.fn(),
    onOpenDashboard: vi.fn(),
    ...overrides,
  };
}

describe('PopupView', () => {
  it('shows the current site, that it is watched, and the choice that applies', () => {
    renderIn(<PopupView {...props()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('news.example');
    expect(screen.getByText('Watching this page (2 frames)')).toBeTruthy();
    expect(screen.getByText('Your choice here: necessary + functional, analytics.')).toBeTruthy();
    expect(screen.getByText('First seen 1 Nov 2026 · 4 visits')).toBeTruthy();
    expect(screen.getByTestId('popup-state').textContent).toBe('Active');
  });

  it('pauses the site from its switch', () => {
    const p = props();
    renderIn(<PopupView {...p} />);
    const toggle = screen.getByRole('switch', { name: 'Pause on this site' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(p.onTogglePause).toHaveBeenCalledWith(true);
  });

  it('says a site rule wins over the preferences', () => {
    const p = props();
    p.settings = { ...p.settings, siteOverrides: { 'news.example': { mode: 'denyAll' } } };
    renderIn(<PopupView {...p} />);
    expect(screen.getByText('Your choice here: refuse everything optional (site rule).')).toBeTruthy();
  });

  it('has nothing to pause on a page that is not a website', () => {
    renderIn(<PopupView {...props({ status: { tabId: 1, url: 'chrome://newtab', site: null, framesSeen: 0, config: { site: null, active: false, inactiveReason: 'notAWebsite', override: null, gpc: true } } })} />);
    expect(screen.getByText('No website here')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('speaks Vietnamese', () => {
    renderIn(<PopupView {...props()} />, 'vi');
    expect(screen.getByRole('button', { name: /bảng điều khiển/i })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Open dashboard|Pause on this site/);
  });
});

function record(overrides: Partial<ConsentRecord>): ConsentRecord {
  return {
    site: 'news.example', frameUrl: 'https://news.example/', cmp: 'OneTrust', adapterId: 'onetrust',
    asked: {
      cmp: 'OneTrust', vendorCount: 42, legitimateInterestOn: [], firstLayerReject: false, answered: false, evidence: '',
      categories: [
        { id: 'C0002', label: 'Performance', purpose: 'analytics', required: false, consented: null },
        { id: 'C0004', label: 'Targeting', purpose: 'advertising', required: false, consented: null },
      ],
    },
    intent: { purposes: allPurposes(false), legitimateInterest: 'object', source: 'preferences' },
    method: 'adapter', fallback: false, reason: null,
    stored: { purposes: { analytics: false, advertising: false }, legitimateInterestOn: [], evidence: 'groups=C0001:1,C0002:0,C0004:0', otherOn: [] },
    verdict: { status: 'respected', mismatches: [], checked: ['analytics', 'advertising'] },
    outcome: 'respected', startedAt: 1, durationMs: 84,
    ...overrides,
  };
}

describe('PopupView consent card', () => {
  it('says the choice was stored, what the site asked, and shows the proof', () => {
    renderIn(<PopupView {...props({ consent: record({}) })} />);
    const card = screen.getByTestId('consent-summary');
    expect(card.textContent).toContain('OneTrust stored exactly what you chose.');
    expect(card.textContent).toContain('It asked about: analytics, advertising. 42 partners. No reject button on its first screen.');
    expect(card.textContent).toContain('84 ms');
    expect(screen.getByText('groups=C0001:1,C0002:0,C0004:0')).toBeTruthy();
  });

  it('never calls a mismatch a success', () => {
    const consent = record({
      outcome: 'notRespected',
      verdict: { status: 'notRespected', mismatches: [{ purpose: 'analytics', intended: false, stored: true }, { purpose: 'legitimateInterest', intended: false, stored: true }], checked: ['analytics'] },
    });
    renderIn(<PopupView {...props({ consent })} />);
    const card = screen.getByTestId('consent-summary');
    expect(card.getAttribute('data-outcome')).toBe('notRespected');
    expect(card.textContent).toContain('This site did not store your choice.');
    expect(card.textContent).toContain('Analytics: you refused, the site stored consent.');
    expect(card.textContent).toContain('Legitimate interest: you refused, the site stored consent.');
    expect(card.textContent).not.toContain('stored exactly');
  });

  it.each(['en', 'vi'] as const)('says in %s that a banner autoconsent only hid was not answered, and claims no answer or proof', (locale) => {
    const working = record({ cmp: 'Generic cosmetic banner', adapterId: null, method: 'optOut', outcome: 'working', stored: null, verdict: null });
    renderIn(<PopupView {...props({ consent: hiddenOnly(working) })} />, locale);
    const card = screen.getByTestId('consent-summary');
    expect(card.getAttribute('data-outcome')).toBe('leftAlone');
    expect(card.querySelector('.consent-headline')!.textContent).toBe(
      locale === 'en'
        ? 'Generic cosmetic banner banner was only hidden, not answered: the site has no choice from you, so it may apply its own default.'
        : 'Thông báo cookie Generic cosmetic banner chỉ được ẩn đi, chưa được trả lời: trang web chưa nhận được lựa chọn nào của bạn nên có thể áp dụng mặc định của họ.',
    );
    expect(card.querySelector('.consent-meta')).toBeNull();
    expect(card.querySelector('.evidence')).toBeNull();
  });

  it('sets a rule for the site from the card', () => {
    const p = props();
    renderIn(<PopupView {...p} />);
    fireEvent.change(screen.getByLabelText('Answer this site with'), { target: { value: 'off' } });
    expect(p.onSetRule).toHaveBeenCalledWith({ mode: 'off' });
    fireEvent.change(screen.getByLabelText('Answer this site with'), { target: { value: 'default' } });
    expect(p.onSetRule).toHaveBeenLastCalledWith(null);
  });
});

const QUIET: TodaySummary = { consent: null, fields: [], permissions: [], thirdParties: { count: 0, requests: 0, top: [] }, violations: [], other: 0 };
const BUSY: TodaySummary = {
  consent: {
    cmp: 'OneTrust', vendorCount: 42,
    asked: [{ label: 'Performance', purpose: 'analytics', refused: true }, { label: 'Functional cookies', purpose: 'functional', refused: false }],
  },
  fields: [{ kind: 'email', hint: 'email' }, { kind: 'phone', hint: 'tel' }],
  permissions: [{ permission: 'geolocation', result: 'denied' }, { permission: 'notifications', result: 'granted' }],
  thirdParties: {
    count: 5, requests: 1234,
    top: [
      { party: 'doubleclick.net', org: 'Google', category: 'advertising', requests: 900, days: 1, firstAt: 1, lastAt: 2 },
      { party: 'cdn.example', org: null, category: null, requests: 300, days: 1, firstAt: 1, lastAt: 2 },
      { party: 'odd.example', org: 'Odd', category: 'brand_new_category', requests: 34, days: 1, firstAt: 1, lastAt: 2 },
    ],
  },
  violations: [{ name: '_ga', domain: 'news.example', purpose: 'analytics', refusedAt: 1, firstParty: true }],
  other: 0,
};

describe('PopupView today on this site', () => {
  const section = () => screen.getByTestId('card-today');

  it('says plainly what the site asked for today', () => {
    renderIn(<PopupView {...props({ today: BUSY })} />);
    expect(screen.getByTestId('today-violations').textContent).toContain('Set the analytics cookie _ga after you refused analytics.');
    expect(screen.getByTestId('today-violations').textContent).toContain('1 refusal ignored');
    const purposes = screen.getByTestId('today-purposes');
    expect([...purposes.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['Performancerefused', 'Functional cookies']);
    expect([...screen.getByTestId('today-fields').querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['Email address', 'Phone number']);
    expect(screen.getByTestId('today-permissions').textContent).toContain('Your location: you refused');
    expect(screen.getByTestId('today-permissions').textContent).toContain('Notifications: you allowed it');
    const parties = screen.getByTestId('today-third-parties').textContent;
    expect(parties).toContain('5 third parties contacted (1,234 requests)');
    expect(parties).toContain('Google · Advertising');
    expect(parties).toContain('cdn.example · Not in the tracker list');
    expect(parties).toContain('Odd · brand_new_category');
  });

  it('has a quiet state, a loading state, and a way to the full history', () => {
    const p = props({ today: QUIET });
    const { rerender } = renderIn(<PopupView {...p} />);
    expect(section().textContent).toContain('Nothing asked of you here today.');
    fireEvent.click(screen.getByRole('button', { name: 'Everything this site asked for' }));
    expect(p.onOpenDashboard).toHaveBeenCalledWith('sites/news.example');
    rerender(<PopupView {...props({ today: undefined })} />);
    expect(section().textContent).toContain('Loading…');
  });

  it('counts one third party and one request in the singular', () => {
    renderIn(<PopupView {...props({ today: { ...BUSY, thirdParties: { count: 1, requests: 1, top: BUSY.thirdParties.top.slice(0, 1) } } })} />);
    expect(screen.getByTestId('today-third-parties').textContent).toContain('1 third party contacted (1 request)');
  });

  it('speaks Vietnamese in the today section', () => {
    renderIn(<PopupView {...props({ today: BUSY })} />, 'vi');
    expect(section().textContent).toContain('Đã đặt cookie phân tích _ga dù bạn đã từ chối phân tích.');
    expect(section().textContent).toContain('Địa chỉ email');
    expect(section().textContent).toContain('Vị trí của bạn: bạn đã từ chối');
    expect(section().textContent).toContain('Đã liên lạc với 5 bên thứ ba (1.234 yêu cầu)');
  });
});
