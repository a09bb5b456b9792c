import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieValue, PROFILES, storedCookie, useProfile, visit, type ProfileName } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

const profiles = Object.keys(PROFILES) as ProfileName[];

describe.each(profiles)('real consent managers from npm, profile %s', (profile) => {
  const want = PROFILES[profile]!.purposes;

  it('Klaro stores exactly the profile, and the ledger says so', async () => {
    await useProfile(h, profile);
    const { page, record } = await visit(h, 'shop.test');
    // Klaro's own record: one entry per service.
    const stored = JSON.parse(await storedCookie(page, 'klaro'));
    expect(stored).toEqual({ matomo: want.analytics, adnetwork: want.advertising, livechat: want.functional });
    expect(record).toMatchObject({ site: 'shop.test', cmp: 'Klaro', method: 'adapter', outcome: 'respected', fallback: false });
    expect(record.asked?.categories.map((c) => [c.id, c.purpose])).toEqual([['matomo', 'analytics'], ['adnetwork', 'advertising'], ['livechat', 'functional']]);
    expect(await page.locator('.klaro .cookie-notice').count()).toBe(0);
    await page.close();
  });

  it('vanilla-cookieconsent stores exactly the profile, and the ledger says so', async () => {
    await useProfile(h, profile);
    const { page, record } = await visit(h, 'news.test');
    const stored = JSON.parse(await storedCookie(page, 'cc_cookie')) as { categories: string[] };
    const expected = ['necessary', ...(want.functional ? ['functionality'] : []), ...(want.analytics ? ['analytics'] : []), ...(want.advertising ? ['ads'] : [])];
    expect(stored.categories.sort()).toEqual(expected.sort());
    expect(record).toMatchObject({ site: 'news.test', cmp: 'CookieConsent (vanilla)', method: 'adapter', outcome: 'respected' });
    expect(record.verdict?.checked.sort()).toEqual(['advertising', 'analytics', 'functional']);
    await page.locator('#cc-main .cm').waitFor({ state: 'hidden' });
    await page.close();
  });
});

describe('consent records in the ledger', () => {
  it('writes one consent.answer event per banner answered', async () => {
    const events = await h.table<{ kind: string; site: string; data: { outcome: string } }>('events');
    const answers = events.filter((e) => e.kind === 'consent.answer');
    expect(answers).toHaveLength(profiles.length * 2);
    expect(new Set(answers.map((e) => e.site))).toEqual(new Set(['shop.test', 'news.test']));
    expect(answers.every((e) => e.data.outcome === 'respected')).toBe(true);
  });

  it('leaves banners alone on a site whose rule is "don\'t answer"', async () => {
    await useProfile(h, 'denyOptional', { siteOverrides: { 'shop.test': { mode: 'off' } } });
    const { page, record } = await visit(h, 'shop.test');
    expect(record).toMatchObject({ outcome: 'leftAlone', reason: 'siteRuleOff', method: 'none' });
    await page.locator('.klaro .cookie-notice').waitFor({ state: 'visible' });
    expect(await cookieValue(page, 'klaro')).toBeNull();
    await page.close();
  });
});
