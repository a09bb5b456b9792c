import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStorage } from '../../scripts/lib/workerState';
import { useProfile } from './support/consent';
import { startHarness, type Harness } from './support/harness';
import { until } from '../../scripts/lib/until';

/**
 * The built extension in Chromium, with IndexedDB's put and add in its service
 * worker made to throw the browser's QuotaExceededError (DevTools' quota
 * override does not reach an extension's origin), then given back.
 */
let h: Harness;
let dashboard: Page;
const FULL_TEXT = "Your browser's storage is full.";

async function visit(host: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.server.url(host, '/'));
  return page;
}

async function sites(): Promise<string[]> {
  return (await h.table<{ site: string }>('sites')).map((s) => s.site);
}

beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional');
  await (await visit('news.test')).close();
  await until('news.test recorded', async () => (await sites()).includes('news.test'));
  dashboard = await h.openExtensionPage('dashboard.html#/sites');
  await dashboard.getByRole('heading').first().waitFor();
});
afterAll(async () => h?.shutdown());

describe('full storage', () => {
  it('a write the browser refuses is reported in the dashboard and the popup, and what was stored stays', async () => {
    await (await h.worker()).evaluate(() => {
      const stores = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      for (const name of ['put', 'add']) {
        stores[`real_${name}`] = stores[name];
        stores[name] = full;
      }
    });
    const before = await h.table('sites');
    const page = await visit('shop.test');
    const state = await until('storage full reported', async () => (await readStorage(await h.worker(), 'session')).storageFull);
    expect(state).toMatchObject({ where: 'ledger' });
    await dashboard.getByText(FULL_TEXT).waitFor();
    expect(await dashboard.getByRole('alert').filter({ hasText: FULL_TEXT }).textContent()).toContain('could not save new records');
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
    await popup.getByText(FULL_TEXT).waitFor();
    expect(await h.table('sites')).toEqual(before);
    expect(await sites()).not.toContain('shop.test');
    await popup.close();
    await page.close();
    await (await h.worker()).evaluate(() => {
      const stores = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      for (const name of ['put', 'add']) stores[name] = stores[`real_${name}`];
    });
  });

  it('once there is room again, the next write succeeds and the notice goes away', async () => {
    await (await visit('policy.test')).close();
    await until('policy.test recorded', async () => (await sites()).includes('policy.test'));
    await until('report cleared', async () => (await readStorage(await h.worker(), 'session')).storageFull === undefined);
    await dashboard.getByText(FULL_TEXT).waitFor({ state: 'detached' });
    expect(await sites()).toEqual(expect.arrayContaining(['news.test', 'policy.test']));
  });
});
