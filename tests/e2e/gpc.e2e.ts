import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useProfile } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

/** What a page on `host` sends and shows: the Sec-GPC header of a navigation and of a fetch, and the page property. */
async function signalOn(host: string): Promise<{ navigation: string | null; fetch: string | null; property: unknown }> {
  const page: Page = await h.context.newPage();
  await page.goto(h.server.url(host, '/__headers'));
  const navigation = (JSON.parse((await page.textContent('body')) ?? '{}') as Record<string, string>)['sec-gpc'] ?? null;
  await page.goto(h.server.url(host, '/'));
  const fromFetch = await page.evaluate(async () => ((await (await fetch('/__headers')).json()) as Record<string, string>)['sec-gpc'] ?? null);
  const property = await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl ?? null);
  await page.close();
  return { navigation, fetch: fromFetch, property };
}

/** Settings apply asynchronously in the background: poll until the signal on `host` is as expected. */
async function expectSignal(host: string, on: boolean) {
  await expect.poll(() => signalOn(host), { timeout: 10_000 }).toEqual(on ? { navigation: '1', fetch: '1', property: true } : { navigation: null, fetch: null, property: null });
}

describe('Global Privacy Control', () => {
  it('is sent on every site by default: header on navigations and requests, and navigator.globalPrivacyControl', async () => {
    await useProfile(h, 'denyOptional');
    await expectSignal('news.test', true);
    await expectSignal('shop.test', true);
  });

  it('is not sent to a site whose rule allows everything, and still sent elsewhere', async () => {
    await useProfile(h, 'denyOptional', { siteOverrides: { 'news.test': { mode: 'allowAll' } } });
    await expectSignal('news.test', false);
    await expectSignal('shop.test', true);
  });

  it('is not sent anywhere when switched off', async () => {
    await useProfile(h, 'denyOptional', { gpc: false });
    await expectSignal('shop.test', false);
    await useProfile(h, 'denyOptional');
    await expectSignal('shop.test', true);
  });

  it("records whether a site declares GPC support in /.well-known/gpc.json", async () => {
    await expect
      .poll(async () => {
        const events = await h.table<{ kind: string; site: string; data: { declared: boolean; lastUpdate: string | null } }>('events');
        return events.filter((e) => e.kind === 'gpc.declaration').map((e) => [e.site, e.data.declared, e.data.lastUpdate]).sort();
      })
      .toEqual([['news.test', true, '2026-01-15'], ['shop.test', false, null]]);
  });
});
