import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRecord, ThirdPartyDay } from '../../core/ledger/records';
import { localDay } from '../../core/ledger/thirdParties';
import { useProfile } from './support/consent';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional');
});
afterAll(async () => h?.shutdown());

/** Opens a fixture page and waits until its own script says it has made every request. */
async function visit(host: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(h.server.url(host, '/'));
  await page.waitForSelector('body[data-done="true"]', { state: 'attached', timeout: 15_000 });
  await page.close();
}

/** A site's third-party rows as the ledger holds them, by party. */
async function rowsOf(site: string) {
  const rows = (await h.table<ThirdPartyDay>('thirdParties')).filter((r) => r.site === site);
  return rows
    .map(({ id, day, party, requests, org, category }) => ({ id, day, party, requests, org, category }))
    .sort((a, b) => (a.party < b.party ? -1 : 1));
}

const siteRow = async (site: string) => (await h.table<SiteRecord>('sites')).find((s) => s.site === site);

/** What widgets.test requests from other sites on one visit (tests/fixtures/sites/README.md), times `visits`. */
function expected(visits: number) {
  const day = localDay(Date.now());
  const row = (party: string, requests: number, org: string | null, category: string | null) => ({
    id: `widgets.test|${day}|${party}`, day, party, requests: requests * visits, org, category,
  });
  return [
    row('cdn-widgets.test', 4, null, null),
    row('pixel-ads.test', 5, null, null),
    row('scorecardresearch.com', 2, 'comScore, Inc.', 'site_analytics'),
  ];
}

describe('third parties in the ledger', () => {
  it("records each second origin a page contacts as one row for today, with the page's exact request count and the dataset's organisation", async () => {
    await visit('widgets.test');
    await expect.poll(() => rowsOf('widgets.test'), { timeout: 10_000 }).toEqual(expected(1));
    const all = await h.table<ThirdPartyDay>('thirdParties');
    // widgets.test and www.widgets.test are the site itself: no row.
    expect(all.filter((r) => r.party === r.site || r.party === 'widgets.test')).toEqual([]);
    expect((await siteRow('widgets.test'))?.thirdParties).toBe(3);
  });

  it('adds a second visit on the same day to the same rows', async () => {
    await visit('widgets.test');
    await expect.poll(() => rowsOf('widgets.test'), { timeout: 10_000 }).toEqual(expected(2));
    expect((await siteRow('widgets.test'))?.thirdParties).toBe(3);
  });

  it('records nothing on a paused site, and still records elsewhere', async () => {
    await useProfile(h, 'denyOptional', { pausedSites: ['widgets.test'] });
    await visit('widgets.test');
    // The next site's single pixel is written in the same batch as anything counted before it, or a later one.
    await visit('cdn-widgets.test');
    const day = localDay(Date.now());
    await expect
      .poll(() => rowsOf('cdn-widgets.test'), { timeout: 10_000 })
      .toEqual([{ id: `cdn-widgets.test|${day}|pixel-ads.test`, day, party: 'pixel-ads.test', requests: 1, org: null, category: null }]);
    expect(await rowsOf('widgets.test')).toEqual(expected(2));
    expect((await siteRow('widgets.test'))?.thirdParties).toBe(3);
  });
});
