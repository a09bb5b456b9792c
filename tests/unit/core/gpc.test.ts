import { describe, expect, it } from 'vitest';
import { gpcExemptSites, parseGpcDeclaration } from '../../../core/gpc/exempt';
import { defaultSettings } from '../../../core/settings/defaults';

describe('GPC exemptions', () => {
  it('exempts paused sites and sites whose rule allows everything', () => {
    const settings = { ...defaultSettings(), pausedSites: ['bank.vn'], siteOverrides: { 'news.com': { mode: 'allowAll' as const }, 'shop.com': { mode: 'denyAll' as const } } };
    expect(gpcExemptSites(settings)).toEqual(['bank.vn', 'news.com']);
  });

  it('sends nothing when GPC is off or everything is paused', () => {
    expect(gpcExemptSites({ ...defaultSettings(), gpc: false })).toBeNull();
    expect(gpcExemptSites({ ...defaultSettings(), paused: true })).toBeNull();
  });
});

describe('gpc.json', () => {
  it('reads a declaration and refuses anything else', () => {
    expect(parseGpcDeclaration('{"gpc": true, "lastUpdate": "2026-01-15"}')).toEqual({ gpc: true, lastUpdate: '2026-01-15' });
    expect(parseGpcDeclaration('{"gpc": false}')).toEqual({ gpc: false, lastUpdate: null });
    expect(parseGpcDeclaration('{"gpc": "yes"}')).toBeNull();
    expect(parseGpcDeclaration('<html>not found</html>')).toBeNull();
    expect(parseGpcDeclaration('[]')).toBeNull();
  });
});
