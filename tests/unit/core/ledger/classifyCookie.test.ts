import { describe, expect, it } from 'vitest';
import { classifyCookie, cookieSiteOf, describeCookie } from '../../../../core/ledger/cookies/classify';
import { KNOWN_COOKIE_GROUPS } from '../../../../core/ledger/cookies/knownCookies';

describe('classifyCookie', () => {
  it.each([
    ['_ga', 'analytics'],
    ['_ga_2XK9LM3', 'analytics'],
    ['_gid', 'analytics'],
    ['_gat_UA-1234-1', 'analytics'],
    ['__utmz', 'analytics'],
    ['_hjSessionUser_123456', 'analytics'],
    ['_clck', 'analytics'],
    ['ajs_anonymous_id', 'analytics'],
    ['mp_0123abcd_mixpanel', 'analytics'],
    ['__hssc', 'analytics'],
    ['_fbp', 'advertising'],
    ['_gcl_au', 'advertising'],
    ['_gcl_aw', 'advertising'],
    ['MUID', 'advertising'],
    ['_pin_unauth', 'advertising'],
    ['_ttp', 'advertising'],
    ['XSRF-TOKEN', 'necessary'],
    ['csrftoken', 'necessary'],
    ['PHPSESSID', 'necessary'],
    ['_myshop_session', 'necessary'],
    ['cf_clearance', 'necessary'],
    ['__cf_bm', 'necessary'],
    ['OptanonConsent', 'necessary'],
    ['CookieConsent', 'necessary'],
    ['euconsent-v2', 'necessary'],
    ['cc_cookie', 'necessary'],
    ['klaro', 'necessary'],
    ['lang', 'functional'],
    ['NEXT_LOCALE', 'functional'],
    ['intercom-session-abc', 'functional'],
    ['a_name_nobody_uses', 'unknown'],
  ] as const)('%s is %s', (name, purpose) => {
    expect(classifyCookie(name)).toBe(purpose);
  });

  it('ignores case, as sites spell the same cookie differently', () => {
    expect(classifyCookie('phpsessid')).toBe('necessary');
    expect(classifyCookie('_GA')).toBe('analytics');
  });

  it('knows short, ambiguous names only on the domains that use them', () => {
    expect(classifyCookie('IDE', '.doubleclick.net')).toBe('advertising');
    expect(classifyCookie('IDE', 'shop.example')).toBe('unknown');
    expect(classifyCookie('fr', '.facebook.com')).toBe('advertising');
    expect(classifyCookie('fr')).toBe('unknown');
    expect(classifyCookie('NID', 'www.google.com')).toBe('advertising');
    expect(classifyCookie('test_cookie', 'doubleclick.net')).toBe('advertising');
  });

  it('prefers a domain-specific entry to a general one with the same name', () => {
    // `csrftoken` is a generic Django cookie; on Meta's domains the table files it under Meta.
    expect(describeCookie('csrftoken', '.instagram.com')).toEqual({ purpose: 'necessary', vendor: 'Meta (Facebook) accounts' });
    expect(describeCookie('csrftoken')).toEqual({ purpose: 'necessary', vendor: 'Request forgery protection' });
  });

  it('prefers an exact name to a prefix, and a prefix to a suffix', () => {
    // AMP_TOKEN is Google Analytics; every other amp_ cookie is Amplitude's.
    expect(describeCookie('AMP_TOKEN').vendor).toBe('Google Analytics');
    expect(describeCookie('amp_4f2c1d').vendor).toBe('Amplitude');
    // Ends like a server session (`_session`) but starts like Parse.ly's analytics.
    expect(describeCookie('_parsely_session')).toEqual({ purpose: 'analytics', vendor: 'Parse.ly' });
  });

  it('classifies every exact name in the table as its own group says', () => {
    for (const group of KNOWN_COOKIE_GROUPS) {
      for (const name of group.names ?? []) {
        const domain = group.domains?.[0];
        expect(classifyCookie(name, domain), `${name} (${group.vendor})`).toBe(group.purpose);
      }
    }
  });

  it('finds the registrable domain of a cookie domain', () => {
    expect(cookieSiteOf('.ads.example.co.uk')).toBe('example.co.uk');
    expect(cookieSiteOf('tracked.test')).toBe('tracked.test');
    expect(cookieSiteOf('')).toBeNull();
  });
});
