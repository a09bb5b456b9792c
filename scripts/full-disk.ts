/**
 * `npm run full-disk` (Linux): the full-storage check on a real full
 * disk. The test suite makes IndexedDB's writes throw the browser's quota
 * error (tests/e2e/storage-full.e2e.ts); here nothing is simulated. The
 * browser's profile lives on a small tmpfs, the extension's own origin is
 * filled until the browser refuses even a 256-byte write, and then:
 *
 * - a visit the ledger cannot record is reported (`storageFull` in
 *   `storage.session`), the dashboard shows the notice, and every table of
 *   the database is exactly as before;
 * - once room is made, the next visit is recorded and the report and the
 *   notice go away.
 *
 * Mounting a tmpfs needs root (or CAP_SYS_ADMIN); without it the script runs
 * itself again in a user namespace of its own (`unshare`), where Linux lets
 * an ordinary user mount one. `tests/e2e/storage-full-disk.e2e.ts` runs it
 * in `npm test`. Exits non-zero if any of the above does not hold
 * (docs/security.md, "Full storage").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import enMessages from '../core/i18n/messages/en.json' with { type: 'json' };
import { SCHEMA_V2 } from '../platform/db';
import { STORAGE_FULL_KEY } from '../platform/storageHealth';
import { denyOptionalSettings } from './bench/subjects';
import { launchChromium, type ExtensionBrowser } from './lib/chromium';
import { startFixtureServer, type FixtureServer } from './lib/fixtureServer';
import { until } from './lib/until';
import { readStorage, readTable, writeStorage } from './lib/workerState';

const EXTENSION_BUILD = resolve(import.meta.dirname, '..', process.env.PRIVACY_LEDGER_OUT ?? '.output', 'chrome-mv3');
/** Big enough for a profile, small enough to fill in seconds. */
const DISK = '160m';
const FULL_TITLE = enMessages['storage.full.title'];

/** Chunk sizes the origin is filled with, largest first, each until the browser refuses one. */
const CHUNKS = [1 << 20, 1 << 16, 1 << 12, 1 << 8];

/** Every row of every table of the extension's database. */
async function snapshot(browser: ExtensionBrowser): Promise<string> {
  const worker = await browser.worker();
  const tables: Record<string, unknown[]> = {};
  for (const name of Object.keys(SCHEMA_V2)) tables[name] = await readTable(worker, name);
  return JSON.stringify(tables);
}

/**
 * Fills the page's origin with random bytes (which no compression shrinks) in
 * a database of its own, each chunk size until the browser refuses one.
 * Returns how many chunks of each size went in and what stopped them.
 */
function fillOrigin(page: Page): Promise<string[]> {
  return page.evaluate(async (chunks) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('full-disk-filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('chunks');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    // No named helpers in here: the script's loader would wrap them in one the page does not have.
    const report: string[] = [];
    let key = 0;
    for (const size of chunks) {
      let written = 0;
      for (;;) {
        const chunk = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(chunk.subarray(at, Math.min(size, at + 65_536)));
        const tx = db.transaction('chunks', 'readwrite');
        tx.objectStore('chunks').put(chunk, key++);
        const refused = await new Promise<string | null>((done) => {
          tx.oncomplete = () => done(null);
          tx.onabort = () => done(tx.error?.name ?? 'AbortError');
        });
        if (refused) {
          report.push(`${written} of ${size} bytes, then ${refused}`);
          break;
        }
        written++;
      }
    }
    db.close();
    return report;
  }, CHUNKS);
}

async function visit(browser: ExtensionBrowser, server: FixtureServer, host: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(server.url(host, '/'));
  await page.waitForTimeout(1000);
  await page.close();
}

const sitesOf = async (browser: ExtensionBrowser) => (await readTable<{ site: string }>(await browser.worker(), 'sites')).map((s) => s.site);
const fullReport = async (browser: ExtensionBrowser) => (await readStorage(await browser.worker(), 'session'))[STORAGE_FULL_KEY];

async function check(disk: string): Promise<void> {
  const server = await startFixtureServer();
  const browser = await launchChromium({ extensionDir: EXTENSION_BUILD, userDataDir: join(disk, 'profile'), headless: true, locale: 'en-GB' });
  try {
    await writeStorage(await browser.worker(), { settings: denyOptionalSettings() });
    await visit(browser, server, 'news.test');
    await until('news.test recorded', async () => (await sitesOf(browser)).includes('news.test'));
    const dashboard = await browser.context.newPage();
    await dashboard.goto(browser.extensionUrl('dashboard.html#/sites'));
    await dashboard.getByRole('heading').first().waitFor();

    const filled = await fillOrigin(dashboard);
    console.log(`Filled the extension's origin: ${filled.join('; ')}.`);
    console.log(execFileSync('df', ['-h', disk], { encoding: 'utf8' }).trim());
    if (!filled.every((line) => line.endsWith('QuotaExceededError'))) throw new Error('the browser refused a write for another reason than a full disk');

    const before = await snapshot(browser);
    await visit(browser, server, 'shop.test');
    const report = await until('the full storage reported', () => fullReport(browser));
    console.log(`Reported: ${JSON.stringify(report)}`);
    await dashboard.getByRole('alert').filter({ hasText: FULL_TITLE }).waitFor();
    console.log('The dashboard shows the notice.');
    if ((await snapshot(browser)) !== before) throw new Error('the database changed while the disk was full');
    console.log('Every table is exactly as before.');

    await dashboard.evaluate(() => new Promise((done) => (indexedDB.deleteDatabase('full-disk-filler').onsuccess = done)));
    await visit(browser, server, 'policy.test');
    await until('policy.test recorded once there is room', async () => (await sitesOf(browser)).includes('policy.test'));
    await until('the report cleared', async () => (await fullReport(browser)) === undefined);
    await dashboard.getByRole('alert').filter({ hasText: FULL_TITLE }).waitFor({ state: 'detached' });
    console.log('With room again: the next visit is recorded, the report and the notice are gone.');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Set in the copy of this script that runs in a user namespace of its own, so that it does not start another. */
const IN_OWN_NAMESPACE = 'PRIVACY_LEDGER_FULL_DISK_NAMESPACE';

function mountTmpfs(disk: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK}`, 'tmpfs', disk], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

/**
 * Without root, runs this script again as the root of a user namespace with a
 * mount namespace of its own (`unshare`, util-linux), where a tmpfs can be
 * mounted without any privilege outside it. Answers the copy's exit status.
 */
function inOwnNamespace(): number {
  console.log('Not root: running again in a user namespace of its own (unshare), to mount the tmpfs there.');
  const copy = spawnSync('unshare', ['--user', '--map-root-user', '--mount', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [IN_OWN_NAMESPACE]: '1' },
  });
  if (copy.error) throw new Error(`Could not start unshare to mount a tmpfs without root: ${copy.error.message}`);
  return copy.status ?? 1;
}

async function main(): Promise<void> {
  const disk = mkdtempSync(join(tmpdir(), 'privacy-ledger-full-disk-'));
  const refused = mountTmpfs(disk);
  if (refused) {
    rmSync(disk, { recursive: true, force: true });
    if (process.getuid?.() !== 0 && !process.env[IN_OWN_NAMESPACE]) {
      process.exitCode = inOwnNamespace();
      return;
    }
    throw new Error(`Could not mount a ${DISK} tmpfs for the browser's profile (it needs root, CAP_SYS_ADMIN or user namespaces): ${refused}`);
  }
  try {
    await check(disk);
    console.log('\nFull storage on a real full disk: held.');
  } finally {
    execFileSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  }
}

await main();
