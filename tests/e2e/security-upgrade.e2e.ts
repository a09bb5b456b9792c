import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrevious } from '../../scripts/build-previous';
import { putRows, writeStorage } from '../../scripts/lib/workerState';
import { expectEveryRowKept, expectSeeded, OLD_SETTINGS, oldRows, PREVIOUS_VERSION, TABLES, VISITED } from '../support/previousRelease';
import { consentOutcome } from './support/consent';
import { CHROME_BUILD, startHarness, type Harness } from './support/harness';
import { until } from '../../scripts/lib/until';

/**
 * Issue 7: "installing the previous build with seeded data and updating to the
 * current one keeps every record and setting". The previous release is built
 * from its commit, loaded from a folder D on a kept profile and given data; then
 * D's contents become the current build and Chromium starts again on the same
 * profile, so the same extension id sees the new code over the old data.
 */

declare const chrome: Browser;

const currentVersion = (JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { version: string }).version;

let profile: string;
let extensionDir: string;
let h: Harness;
const before = new Map<string, Record<string, unknown>[]>();
let storedBefore: Record<string, unknown>;

beforeAll(async () => {
  const previous = buildPrevious();
  const work = mkdtempSync(join(tmpdir(), 'privacy-ledger-upgrade-'));
  profile = join(work, 'profile');
  extensionDir = join(work, 'extension');
  cpSync(previous, extensionDir, { recursive: true });
  // Both releases say 0.1.0; a real update always raises the version, so the older copy gets a lower one.
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: PREVIOUS_VERSION }));

  // The previous release, its settings stored as it stores them, and three sites visited.
  const old = await startHarness({ extensionDir, userDataDir: profile });
  try {
    await writeStorage(await old.worker(), { settings: OLD_SETTINGS });
    for (const host of VISITED) {
      const page = await old.context.newPage();
      await page.goto(old.server.url(host, '/'));
      if (host !== 'shop.test') await consentOutcome(old, page);
    }
    await until('cookie and third-party rows', async () => (await old.table('cookies')).length > 0 && (await old.table('thirdParties')).length > 0, 20_000);
    for (const [table, rows] of Object.entries(oldRows(Date.now()))) await putRows(await old.worker(), table, rows);
    // Let the background finish what the visits started before reading what it holds.
    await new Promise((r) => setTimeout(r, 1000));
    for (const table of TABLES) before.set(table, await old.table(table));
    storedBefore = await old.storage();
  } finally {
    await old.shutdown();
  }

  // The update: same folder, same profile, the current build's files. Chromium keeps an unpacked
  // extension's installed service worker script in the profile and, here, ran the old one again even
  // with a higher version (a store update installs into a new folder and registers anew). The script
  // cache goes, so the new background runs; the extension's storage and database are elsewhere and stay.
  rmSync(extensionDir, { recursive: true, force: true });
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  cpSync(CHROME_BUILD, extensionDir, { recursive: true });
  h = await startHarness({ extensionDir, userDataDir: profile });
}, 120_000);

afterAll(async () => {
  await h?.shutdown();
  if (profile) rmSync(join(profile, '..'), { recursive: true, force: true });
});

describe('an update from the previous release', () => {
  it('had data in every table and the seeded settings before the update', () => {
    expectSeeded(before, storedBefore);
  });

  it('runs the current build after the update', async () => {
    expect(currentVersion).not.toBe(PREVIOUS_VERSION);
    expect(await (await h.worker()).evaluate(() => chrome.runtime.getManifest().version)).toBe(currentVersion);
  });

  it('keeps every row of every table, field for field', async () => {
    await expectEveryRowKept(before, (table) => h.table(table));
  });

  it('keeps every setting', async () => {
    const stored = await h.storage();
    expect(stored.settings).toMatchObject(OLD_SETTINGS);
    expect(stored).toMatchObject(storedBefore);
    expect(Object.keys(stored).filter((k) => k.includes('unreadable'))).toEqual([]);
  });

  it('shows the old sites on the dashboard', async () => {
    const page = await h.openExtensionPage('dashboard.html#/sites');
    const table = page.getByTestId('sites-table');
    await table.waitFor();
    for (const site of VISITED) await expect.poll(() => table.textContent()).toContain(site);
  });

  it('opens the new Requests page over the old request, and still has the identity', async () => {
    const requests = await h.openExtensionPage('dashboard.html#/requests');
    const row = requests.locator('[data-request="req-old-1"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('tracked.test');

    const identity = await h.openExtensionPage('dashboard.html#/identity');
    const name = identity.getByLabel('Full name');
    await name.waitFor();
    expect(await name.inputValue()).toBe('Minh Tran');
    expect(await identity.getByLabel('Email').inputValue()).toBe('minh@example.org');
    expect(await identity.getByLabel('User name, customer number…').first().inputValue()).toBe('C-4471');
  });
});
