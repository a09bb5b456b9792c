/**
 * The third-party ledger in Firefox, where a request names its page by
 * `documentUrl` and `frameAncestors` rather than Chrome's `initiator`. Needs
 * the builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRecord, ThirdPartyDay } from '../../core/ledger/records';
import { localDay } from '../../core/ledger/thirdParties';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { rowsInExtension } from '../../scripts/lib/workerState';
import { launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';

/** Every row of a table of the extension's database, read from an extension page. */
const readTable = <T>(page: Page, table: string): Promise<T[]> => page.evaluate(rowsInExtension<T>, table);

describe.each(['firefox-mv2', 'firefox-mv3'])('Third parties in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchWithExtension(build);
    await openExtensionPage(firefox.page, '/dashboard.html#/data');
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  it('records each second origin of widgets.test with its exact request count, frames included', async () => {
    // A tab of its own: navigating away from an extension page does not resolve over BiDi.
    const site = await firefox.browser.newPage();
    await site.goto(server.url('widgets.test', '/'), { waitUntil: 'load' });
    await waitInPage(site, 'the page to make every request', () => document.body.dataset.done === 'true', '');
    await site.close();
    await firefox.page.bringToFront();
    const day = localDay(Date.now());
    const rows = async () =>
      (await readTable<ThirdPartyDay>(firefox.page, 'thirdParties'))
        .map(({ id, party, requests, org }) => ({ id, party, requests, org }))
        .sort((a, b) => (a.party < b.party ? -1 : 1));
    await expect.poll(rows, { timeout: 15_000 }).toEqual([
      { id: `widgets.test|${day}|cdn-widgets.test`, party: 'cdn-widgets.test', requests: 4, org: null },
      { id: `widgets.test|${day}|pixel-ads.test`, party: 'pixel-ads.test', requests: 5, org: null },
      { id: `widgets.test|${day}|scorecardresearch.com`, party: 'scorecardresearch.com', requests: 2, org: 'comScore, Inc.' },
    ]);
    const sites = await readTable<SiteRecord>(firefox.page, 'sites');
    expect(sites.find((s) => s.site === 'widgets.test')?.thirdParties).toBe(3);
  });
});
