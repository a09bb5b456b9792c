import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../core/consent/record';
import { readStorage } from '../../scripts/lib/workerState';
import { cookieValue, storedCookie, useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

describe('consent controls', () => {
  it('sets a rule for the site from the popup, then answers the site again with it', async () => {
    await useProfile(h, 'denyOptional');
    const { page, record } = await visit(h, 'shop.test');
    expect(record.outcome).toBe('respected');
    expect(JSON.parse(await storedCookie(page, 'klaro'))).toEqual({ matomo: false, adnetwork: false, livechat: false });

    const tabId = await h.tabIdOf(page);
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.getByTestId('consent-summary').waitFor();
    await popup.getByLabel('Answer this site with').selectOption('allowAll');
    await expect.poll(async () => ((await h.storage()).settings as { siteOverrides: unknown }).siteOverrides).toEqual({ 'shop.test': { mode: 'allowAll' } });

    const reloaded = page.waitForEvent('load');
    await popup.getByRole('button', { name: 'Answer again' }).click();
    await reloaded;
    // The old answer was forgotten and the banner answered afresh with the new rule.
    await expect.poll(async () => JSON.parse((await cookieValue(page, 'klaro')) ?? '{}'), { timeout: 15_000 }).toEqual({ matomo: true, adnetwork: true, livechat: true });
    await expect
      .poll(async () => ((await readStorage(await h.worker(), 'session'))[`consent.${tabId}`] as ConsentRecord | undefined)?.intent?.source ?? null)
      .toBe('siteRule');
    await page.close();
  });

  it('does nothing at all while paused everywhere', async () => {
    await useProfile(h, 'denyOptional', { paused: true });
    const page = await h.context.newPage();
    await page.goto(h.server.url('news.test', '/'));
    await page.locator('#cc-main .cm').waitFor({ state: 'visible' });
    await page.waitForTimeout(1500);
    expect(await cookieValue(page, 'cc_cookie')).toBeNull();
    expect((await readStorage(await h.worker(), 'session'))[`consent.${await h.tabIdOf(page)}`]).toBeUndefined();
    await page.close();
  });
});
