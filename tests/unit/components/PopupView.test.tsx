import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../../components/popup/PopupView';
import { PURPOSES } from '../../../core/consent/purposes';
import { defaultSettings } from '../../../core/settings/defaults';
import { renderIn } from './render';

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    status: {
      tabId: 1, url: 'https://www.news.example/', site: 'news.example', framesSeen: 2,
      config: { site: 'news.example', active: true, inactiveReason: null, override: null, gpc: true },
    },
    settings: { ...defaultSettings(), onboarded: true, preferences: { ...defaultSettings().preferences, functional: true, analytics: true } },
    siteRecord: { site: 'news.example', firstSeen: Date.UTC(2026, 10, 1), lastSeen: Date.UTC(2026, 10, 2), visits: 4 },
    purposes: PURPOSES,
    error: null,
    onTogglePause: vi.fn(),
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
