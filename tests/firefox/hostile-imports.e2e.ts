/**
 * Hostile import files in Firefox ESR, with both Firefox builds: the unit
 * suite's set (tests/support/hostileImportFiles.ts) chosen one by one in the
 * dashboard's two file pickers, as in Chromium (tests/e2e/ledger-transfer.e2e.ts,
 * tests/e2e/settings-data.e2e.ts). Each must be refused whole, the page must
 * say so, and every ledger table and the whole of `storage.local` must be as
 * before. Needs the builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_TABLES } from '../../core/ledger/tables';
import { defaultSettings } from '../../core/settings/defaults';
import { rowsInExtension } from '../../scripts/lib/workerState';
import { HOSTILE_LEDGER_FILES, HOSTILE_SETTINGS_FILES, ledgerText, type HostileFile } from '../support/hostileImportFiles';
import { launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';

type Storage = { storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } } };

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Hostile import files in Firefox: %s', (build) => {
  let firefox: FirefoxWithExtension;
  let data: Page;
  let folder: string;

  /** Writes `text` to a file named `name` and chooses it in the picker `testId`, as a person would. */
  const choose = async (testId: string, name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    const input = (await data.$(`[data-testid="${testId}"]`)) as ElementHandle<HTMLInputElement> | null;
    expect(input, `the file picker ${testId}`).not.toBeNull();
    await input!.uploadFile(path);
  };
  const shows = (what: string, selector: string, text: string) =>
    waitInPage(data, what, (arg) => {
      const [sel, wanted] = JSON.parse(arg) as [string, string];
      return [...document.querySelectorAll(sel)].some((el) => (el.textContent ?? '').includes(wanted));
    }, JSON.stringify([selector, text]));
  /** Chooses each file in the picker `testId` and waits for `status` to say it was refused. */
  const refuseEach = async (files: HostileFile[], prefix: string, testId: string, status: string) => {
    for (const [i, file] of files.entries()) {
      const name = `${prefix}-${i + 1}.json`;
      await choose(testId, name, file.text());
      await shows(`the refusal of ${file.name}`, status, `${name} was not imported. Nothing was changed.`);
    }
  };
  const tables = () => Promise.all(LEDGER_TABLES.map((t) => data.evaluate(rowsInExtension, t)));
  const storage = () => data.evaluate(() => (globalThis as unknown as { browser: Storage }).browser.storage.local.get(null));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'privacy-ledger-imports-'));
    firefox = await launchWithExtension(build);
    data = firefox.page;
    await openExtensionPage(data, '/dashboard.html#/data');
    // Settings and a ledger worth keeping: the settings written, the ledger imported through its picker.
    const settings = { ...defaultSettings(), onboarded: true };
    await data.evaluate((values) => (globalThis as unknown as { browser: Storage }).browser.storage.local.set(values), { settings } as Record<string, unknown>);
    await choose('ledger-import-input', 'ledger.json', ledgerText());
    await shows('the valid ledger imported', '[data-testid="ledger-status"]', 'Ledger imported from ledger.json');
  });

  afterAll(async () => {
    await firefox?.browser.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it(`refuses each of the unit suite's ${HOSTILE_LEDGER_FILES.length} hostile ledger files through the file picker, whole, and changes nothing`, async () => {
    const before = await tables();
    expect(before.some((rows) => rows.length > 0)).toBe(true);
    await refuseEach(HOSTILE_LEDGER_FILES, 'hostile-ledger', 'ledger-import-input', '[data-testid="ledger-status"]');
    expect(await tables()).toEqual(before);
  }, 180_000);

  it(`refuses each of the unit suite's ${HOSTILE_SETTINGS_FILES.length} hostile settings files through the file picker, whole, and changes nothing`, async () => {
    const before = await storage();
    expect(before.settings).toBeDefined();
    await refuseEach(HOSTILE_SETTINGS_FILES, 'hostile-settings', 'import-input', '[role="alert"]');
    expect(await storage()).toEqual(before);
  }, 180_000);
});
