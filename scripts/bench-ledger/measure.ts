/**
 * What a person waits for in the dashboard once the ledger is a year old:
 * the Sites table, a search, a sort, and the page of the busiest site. Each is
 * timed from the action to the moment its result is on screen, in a fresh
 * dashboard tab, several times.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../lib/chromium';

export interface Timing {
  name: string;
  samples: number[];
}

async function timed(action: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await action();
  return Math.round(performance.now() - started);
}

async function openSites(browser: ExtensionBrowser): Promise<{ page: Page; ms: number }> {
  const page = await browser.context.newPage();
  const ms = await timed(async () => {
    await page.goto(browser.extensionUrl('/dashboard.html#/sites'));
    await page.locator('[data-testid=sites-table] tbody tr').first().waitFor();
  });
  return { page, ms };
}

export async function measureViews(browser: ExtensionBrowser, busiest: string, runs: number): Promise<Timing[]> {
  const timings: Timing[] = ['Sites: open the table', 'Sites: search', 'Sites: sort by third parties', 'Site detail: busiest site, chart and timeline', 'Site detail: next timeline page']
    .map((name) => ({ name, samples: [] }));
  const record = (i: number, ms: number) => timings[i]!.samples.push(ms);
  for (let run = 0; run < runs; run++) {
    const { page, ms } = await openSites(browser);
    record(0, ms);
    const before = await page.getByTestId('sites-count').textContent();
    record(1, await timed(async () => {
      await page.getByRole('searchbox', { name: 'Search sites' }).fill('site123');
      await page.waitForFunction((was) => document.querySelector('[data-testid=sites-count]')?.textContent !== was, before);
    }));
    await page.getByRole('searchbox', { name: 'Search sites' }).fill('');
    record(2, await timed(async () => {
      await page.getByRole('button', { name: 'Third parties', exact: true }).click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('th[aria-sort]')].some((th) => th.getAttribute('aria-sort') !== 'none' && th.textContent?.includes('Third parties')));
    }));
    record(3, await timed(async () => {
      await page.goto(browser.extensionUrl(`/dashboard.html#/sites/${busiest}`));
      await page.getByTestId('activity-svg').waitFor();
      await page.getByTestId('timeline').locator('li').first().waitFor();
    }));
    const items = page.getByTestId('timeline').locator('li');
    const shown = await items.count();
    record(4, await timed(async () => {
      await page.getByRole('button', { name: 'Show older' }).click();
      await page.waitForFunction((n) => (document.querySelector('[data-testid=timeline]')?.querySelectorAll('li').length ?? 0) > n, shown);
    }));
    await page.close();
  }
  return timings;
}

/** Bytes the extension's origin uses on disk, as the browser estimates them. */
export async function storageUsed(browser: ExtensionBrowser): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('/dashboard.html#/data'));
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await page.close();
  return used;
}
