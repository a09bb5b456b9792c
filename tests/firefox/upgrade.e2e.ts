/**
 * Data survives an update, in Firefox ESR with each Firefox build: the
 * previous release (scripts/build-previous.ts) is installed, given the same
 * settings, visits and rows as in Chromium (tests/support/previousRelease.ts),
 * and then the current build is installed over it, as Firefox updates an
 * add-on: same add-on id, a higher version, the same extension origin. Every
 * row and setting must still be there, and the new pages must show them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrevious } from '../../scripts/build-previous';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { putRowsInExtension } from '../../scripts/lib/workerState';
import { expectEveryRowKept, expectSeeded, OLD_SETTINGS, oldRows, PREVIOUS_VERSION, TABLES, VISITED } from '../support/previousRelease';
import { readTable, type PageApi } from './support/extensionPage';
import { buildDir, launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';
import { until } from '../../scripts/lib/until';

type Api = PageApi & { runtime: { getManifest(): { version: string } } };

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('An update from the previous release in Firefox: %s', (build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  let folder: string;
  /** An extension page of the current build, after the update. */
  let ext: Page;
  const before = new Map<string, Record<string, unknown>[]>();
  let storedBefore: Record<string, unknown>;
  const currentVersion = (JSON.parse(readFileSync(join(buildDir(build), 'manifest.json'), 'utf8')) as { version: string }).version;

  const storage = (page: Page) => page.evaluate(() => (globalThis as unknown as { browser: Api }).browser.storage.local.get(null));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'privacy-ledger-upgrade-'));
    const previous = join(folder, 'previous');
    cpSync(buildPrevious(build), previous, { recursive: true });
    const manifestPath = join(previous, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...(JSON.parse(readFileSync(manifestPath, 'utf8')) as object), version: PREVIOUS_VERSION }));

    server = await startFixtureServer();
    firefox = await launchWithExtension(previous);
    const old = firefox.page;
    await openExtensionPage(old, '/dashboard.html');
    await old.evaluate((values) => (globalThis as unknown as { browser: Api }).browser.storage.local.set(values), { settings: OLD_SETTINGS } as Record<string, unknown>);
    for (const host of VISITED) {
      const page = await firefox.browser.newPage();
      await page.goto(server.url(host, '/'), { waitUntil: 'load' });
    }
    await old.bringToFront();
    await until('cookie and third-party rows', async () => (await readTable(old, 'cookies')).length > 0 && (await readTable(old, 'thirdParties')).length > 0, 20_000);
    for (const [store, values] of Object.entries(oldRows(Date.now()))) await old.evaluate(putRowsInExtension, { store, values });
    // Let the background finish what the visits started before reading what it holds.
    await new Promise((r) => setTimeout(r, 1000));
    for (const table of TABLES) before.set(table, await readTable(old, table));
    storedBefore = await storage(old);

    // The update: the current build installed over the previous one, as Firefox installs a newer version.
    await firefox.browser.installExtension(buildDir(build));
    ext = await firefox.browser.newPage();
    await openExtensionPage(ext, '/dashboard.html#/sites');
  }, 120_000);

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('had data in every table and the seeded settings before the update', () => {
    expectSeeded(before, storedBefore);
  });

  it('runs the current build after the update', async () => {
    expect(currentVersion).not.toBe(PREVIOUS_VERSION);
    expect(await ext.evaluate(() => (globalThis as unknown as { browser: Api }).browser.runtime.getManifest().version)).toBe(currentVersion);
  });

  it('keeps every row of every table, field for field', async () => {
    await expectEveryRowKept(before, (table) => readTable(ext, table));
  });

  it('keeps every setting', async () => {
    const stored = await storage(ext);
    expect(stored.settings).toMatchObject(OLD_SETTINGS);
    expect(stored).toMatchObject(storedBefore);
    expect(Object.keys(stored).filter((k) => k.includes('unreadable'))).toEqual([]);
  });

  it('shows the old sites, the old request and the identity in the new pages', async () => {
    await waitInPage(ext, 'the old sites', (sites) => (JSON.parse(sites) as string[]).every((s) => document.querySelector('[data-testid="sites-table"]')?.textContent?.includes(s)), JSON.stringify(VISITED));
    await openExtensionPage(ext, '/dashboard.html#/requests');
    await waitInPage(ext, 'the old request', () => document.querySelector('[data-request="req-old-1"]')?.textContent?.includes('tracked.test') === true, '');
    await openExtensionPage(ext, '/dashboard.html#/identity');
    await waitInPage(ext, 'the identity', (name) => [...document.querySelectorAll('input')].some((i) => i.value === name), 'Minh Tran');
    expect(await ext.$$eval('input', (all) => all.map((i) => i.value))).toEqual(expect.arrayContaining(['minh@example.org', 'C-4471']));
  });
});
