import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings/defaults';
import { presetChoices, presetOf } from '../../../core/settings/presets';
import { pageConfig, withSiteOverride, withSitePaused } from '../../../core/settings/siteRules';

describe('site rules', () => {
  it('pauses and resumes a site without duplicates', () => {
    let s = withSitePaused(defaultSettings(), 'example.com', true);
    s = withSitePaused(s, 'example.com', true);
    expect(s.pausedSites).toEqual(['example.com']);
    expect(withSitePaused(s, 'example.com', false).pausedSites).toEqual([]);
  });

  it('sets and clears an override', () => {
    const s = withSiteOverride(defaultSettings(), 'example.com', { mode: 'denyAll' });
    expect(s.siteOverrides).toEqual({ 'example.com': { mode: 'denyAll' } });
    expect(withSiteOverride(s, 'example.com', null).siteOverrides).toEqual({});
  });

  it('tells a page what to do', () => {
    const base = withSiteOverride(defaultSettings(), 'example.com', { mode: 'off' });
    expect(pageConfig(base, 'https://www.example.com/')).toEqual({
      site: 'example.com', active: true, inactiveReason: null, override: { mode: 'off' }, gpc: true,
    });
    expect(pageConfig(withSitePaused(base, 'example.com', true), 'https://example.com/').inactiveReason).toBe('sitePaused');
    expect(pageConfig({ ...base, paused: true }, 'https://other.org/')).toMatchObject({ active: false, inactiveReason: 'paused' });
    expect(pageConfig(base, 'chrome://settings')).toMatchObject({ site: null, active: false, inactiveReason: 'notAWebsite' });
  });
});

describe('presets', () => {
  it('maps presets to choices and back', () => {
    expect(presetOf(presetChoices('onlyNecessary'))).toBe('onlyNecessary');
    expect(presetOf(presetChoices('functional'))).toBe('functional');
    expect(presetChoices('functional')).toEqual({ functional: true, analytics: false, personalization: false, advertising: false, social: false });
    expect(presetOf({ ...presetChoices('functional'), analytics: true })).toBe('custom');
  });
});
