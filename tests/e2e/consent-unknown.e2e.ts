import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieValue, storedCookie, useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

describe('banners no rule knows', () => {
  it.each([
    ['unknown-vi.test', 'Vietnamese, fixed with a scroll lock'],
    ['unknown-de.test', 'German, inside an open shadow root'],
    ['unknown-fr.test', 'French, inside a same-origin iframe'],
    ['unknown-es.test', 'Spanish <dialog> with link buttons'],
    ['unknown-pl.test', 'Polish overlay with div buttons'],
  ])('%s (%s): the refusal is pressed and the result recorded honestly as unverified', async (host) => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, host);
    expect(await storedCookie(page, 'consent')).toBe('rejected');
    // Either our detector or autoconsent's own heuristic (which knows some Spanish) pressed the refusal.
    expect(['heuristic', 'optOut']).toContain(record.method);
    expect(record.outcome).toBe('unverified');
    expect(await cookieValue(page, 'pressed')).toBeNull();
    await page.close();
  });

  it('undoes the scroll lock a closed banner left behind', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'unknown-vi.test', '/?leaveLock=1');
    expect(record).toMatchObject({ method: 'heuristic', outcome: 'unverified' });
    expect(record.repairs?.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window.scrollTo(0, 400), window.scrollY))).toBeGreaterThan(0);
    await page.close();
  });

  it('finds a banner that appears late', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'unknown-vi.test', '/?delay=3000');
    expect(record.method).toBe('heuristic');
    expect(await storedCookie(page, 'consent')).toBe('rejected');
    await page.close();
  });

  it('uses the fallback for a mix of purposes, and says so', async () => {
    await useProfile(h, 'functionalAnalytics');
    const { page, record } = await visit(h, 'unknown-vi.test');
    expect(record).toMatchObject({ method: 'heuristic', fallback: true, outcome: 'unverified' });
    expect(await storedCookie(page, 'consent')).toBe('rejected');
    await page.close();
  });

  it('never accepts on its own: with accept-all, the banner is left to the user', async () => {
    await useProfile(h, 'acceptAll');
    const { page, record } = await visit(h, 'unknown-vi.test');
    expect(record).toMatchObject({ outcome: 'leftAlone', reason: 'noAcceptPath', method: 'none' });
    expect(await cookieValue(page, 'consent')).toBeNull();
    await page.close();
  });
});

describe('dialogs that must never be answered', () => {
  it('a pay-or-accept wall is left alone and the reason recorded', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'paywall.test');
    expect(record).toMatchObject({ outcome: 'leftAlone', reason: 'unsure', unsure: 'paywall', method: 'none' });
    expect(await cookieValue(page, 'pressed')).toBeNull();
    expect(await cookieValue(page, 'consent')).toBeNull();
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
    await expect.poll(() => popup.getByTestId('consent-summary').textContent()).toContain('pay or accept');
    await popup.close();
    await page.close();
  });

  it('an age gate is left alone', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'agegate.test');
    expect(record).toMatchObject({ outcome: 'leftAlone', reason: 'unsure', unsure: 'ageGate' });
    expect(await cookieValue(page, 'age')).toBeNull();
    await page.close();
  });

  it('a notice a rule knows only by hiding it is recorded as hidden, with no answer given', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'notice.test');
    // autoconsent's rule for this widget (jetpack-eu-cookie-law) is cosmetic: its "opt-out" hides the notice.
    expect(record).toMatchObject({ cmp: 'jetpack-eu-cookie-law', outcome: 'leftAlone', reason: 'hiddenOnly', method: 'none', stored: null, verdict: null });
    await page.locator('#cookie-notice').waitFor({ state: 'hidden' });
    expect(await cookieValue(page, 'eucookielaw')).toBeNull();
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
    await expect.poll(() => popup.getByTestId('consent-summary').textContent()).toContain('hidden');
    await popup.close();
    await page.close();
  });
});
