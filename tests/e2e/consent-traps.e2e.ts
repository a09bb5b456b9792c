import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../core/consent/record';
import { badgeText, readStorage } from '../../scripts/lib/workerState';
import { consentOutcome, storedCookie, useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

describe('trap pages', () => {
  it('a CMP that stores consent whatever is chosen is reported as "did not store your choice", with the evidence', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'lying.test');
    const stored = JSON.parse(await storedCookie(page, 'cc_cookie')) as { categories: string[] };
    expect(stored.categories.sort()).toEqual(['ads', 'analytics', 'functionality', 'necessary']);
    expect(record.outcome).toBe('notRespected');
    expect(record.verdict?.mismatches).toEqual([
      { purpose: 'functional', intended: false, stored: true },
      { purpose: 'analytics', intended: false, stored: true },
      { purpose: 'advertising', intended: false, stored: true },
    ]);
    expect(record.stored?.evidence).toContain('cc_cookie=');
    expect(await badgeText(await h.worker(), await h.tabIdOf(page))).toBe('!');
    // The popup says so in words, never as success.
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
    const summary = popup.getByTestId('consent-summary');
    await expect.poll(() => summary.getAttribute('data-outcome')).toBe('notRespected');
    expect(await summary.textContent()).toContain('This site did not store your choice.');
    await popup.close();
    await page.close();
  });

  it('a banner that appears 12 s after load is still answered', async () => {
    await useProfile(h, 'functionalOnly');
    const page = await h.context.newPage();
    await page.goto(h.server.url('late.test', '/'));
    const record = await consentOutcome(h, page, 40_000);
    expect(record).toMatchObject({ cmp: 'CookieConsent (vanilla)', outcome: 'respected', method: 'adapter' });
    expect((JSON.parse(await storedCookie(page, 'cc_cookie')) as { categories: string[] }).categories.sort()).toEqual(['functionality', 'necessary']);
    await page.close();
  });

  it('a banner that appears after a single-page-app navigation is answered', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'spa.test');
    expect(page.url()).toContain('/article/2');
    expect(record).toMatchObject({ outcome: 'respected', method: 'adapter' });
    await page.close();
  });

  it('a scroll lock the banner leaves behind is undone', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'scrolllock.test');
    expect(record.outcome).toBe('respected');
    expect(record.repairs).toEqual(['html.overflow', 'body.overflow']);
    expect(await page.evaluate(() => (window.scrollTo(0, 300), window.scrollY))).toBeGreaterThan(0);
    await page.close();
  });

  it('a site that reloads and asks again after every answer is answered once, then left alone: one reload, no loop', async () => {
    await useProfile(h, 'denyOptional');
    const page = await h.context.newPage();
    await page.goto(h.server.url('reloadloop.test', '/'));
    const tabId = await h.tabIdOf(page);
    const key = `consent.${tabId}`;
    await expect
      .poll(async () => ((await readStorage(await h.worker(), 'session'))[key] as ConsentRecord | undefined)?.reason ?? null, { timeout: 20_000 })
      .toBe('loopGuard');
    const loads = async () => Number(await page.evaluate(() => sessionStorage.getItem('loads')));
    const settled = await loads();
    // The first load, and the one reload the answer caused.
    expect(settled).toBe(2);
    await page.waitForTimeout(1500);
    expect(await loads()).toBe(settled);
    await page.locator('#cc-main .cm').waitFor({ state: 'visible' });
    await page.close();
  });
});
