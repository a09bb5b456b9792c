import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../../components/popup/PopupView';
import { allPurposes, PURPOSES } from '../../../core/consent/purposes';
import type { ConsentRecord } from '../../../core/consent/record';
import { newSite } from '../../../core/ledger/records';
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

  it('sets a rule for the site from the card', () => {
    const p = props();
    renderIn(<PopupView {...p} />);
    fireEvent.change(screen.getByLabelText('Answer this site with'), { target: { value: 'off' } });
    expect(p.onSetRule).toHaveBeenCalledWith({ mode: 'off' });
    fireEvent.change(screen.getByLabelText('Answer this site with'), { target: { value: 'default' } });
    expect(p.onSetRule).toHaveBeenLastCalledWith(null);
  });
});
