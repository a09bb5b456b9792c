import { readFile } from 'node:fs/promises';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../core/ledger/canonicalJson';
import { countSite } from '../../core/ledger/merge';
import type { CookieRecord, SiteRecord, ThirdPartyDay } from '../../core/ledger/records';
import { LEDGER_TABLES, type LedgerTable } from '../../core/ledger/tables';
import { dayOf as localDay } from '../../core/ledger/days';
import { startHarness, type Harness } from './support/harness';
import { useProfile, visit } from './support/consent';
import { HOSTILE_LEDGER_FILES } from '../support/hostileImportFiles';
import { cookie, thirdParty } from '../support/ledgerRows';

declare const chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };

const DAY = 86_400_000;
let h: Harness;
let data: Page;

/** Writes rows into a table of the extension's database from its service worker (the tests' way to seed). */
function putRows(worker: Worker, table: string, rows: unknown[]): Promise<void> {
  return worker.evaluate(
    ([store, values]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('privacy-ledger');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store as string, 'readwrite');
          for (const value of values as unknown[]) tx.objectStore(store as string).put(value);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      }),
    [table, rows] as const,
  );
}

type Snapshot = Record<LedgerTable, unknown[]>;
const AUTO_ID: LedgerTable[] = ['events', 'policies'];

/** Every table's rows without automatic ids, in a stable order. */
async function snapshot(): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const table of LEDGER_TABLES) {
    const rows = (await h.table(table)).map((row) => {
      if (!AUTO_ID.includes(table)) return row;
      const { id: _, ...rest } = row;
      return rest;
    });
    out[table] = rows.map(canonicalJson).sort().map((text) => JSON.parse(text));
  }
  return out;
}

const ofSite = (snap: Snapshot, site: string) =>
  Object.fromEntries(LEDGER_TABLES.map((t) => [t, (snap[t] as { site: string }[]).filter((r) => r.site === site)]));

/** Resolves once three reads a second apart find the same ledger. */
async function ledgerSettled(): Promise<void> {
  let last = '';
  let same = 0;
  while (same < 2) {
    const now = JSON.stringify(await snapshot());
    same = now === last ? same + 1 : 0;
    last = now;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function importLedgerFile(text: string, name: string) {
  await data.getByTestId('ledger-import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional');
  for (const host of ['shop.test', 'news.test']) {
    const { page } = await visit(h, host);
    await page.close();
  }
  await vi.waitFor(async () => {
    expect((await h.table<{ kind: string }>('events')).filter((e) => e.kind === 'consent.answer').length).toBeGreaterThanOrEqual(2);
  }, { timeout: 20_000, interval: 100 });
  // The observers write in batches (third parties every 2 s, cookie bursts after 400 ms): wait until the ledger stops changing.
  await ledgerSettled();
  // Rows of the tables this build's observers may not fill yet, so every table travels.
  const now = Date.now();
  const worker = await h.worker();
  await putRows(worker, 'cookies', [cookie('shop.test', '_ga', now, { violation: { at: now, purpose: 'analytics', refusedAt: now - 1000 } }), cookie('news.test', 'ads', now)]);
  await putRows(worker, 'thirdParties', [thirdParty('shop.test', localDay(now), 'tracker.example', now, { org: 'Tracker Inc' })]);
  await putRows(worker, 'policies', [{ site: 'shop.test', url: 'https://shop.test/privacy', fetchedAt: now, hash: 'h1', text: 'We keep little, "mostly".' }]);
  await putRows(worker, 'requests', [{ id: 'r1', site: 'news.test', regime: 'gdpr', type: 'access', status: 'draft', createdAt: now, sentAt: null, dueAt: null, language: 'en', channel: null, contact: null, subject: 'Access request', body: 'Dear Sir or Madam', dueDate: null, extendedDueDate: null, history: [{ status: 'draft', at: now }] }]);
  // Site counters as the observers keep them: consistent with the rows.
  const [cookies, parties] = [await h.table<CookieRecord>('cookies'), await h.table<ThirdPartyDay>('thirdParties')];
  const mine = <T extends { site: string }>(rows: T[], site: string) => rows.filter((r) => r.site === site);
  await putRows(worker, 'sites', (await h.table<SiteRecord>('sites')).map((s) => ({ ...s, ...countSite(mine(cookies, s.site), mine(parties, s.site)) })));
  data = await h.openExtensionPage('dashboard.html#/data');
  await data.getByRole('heading', { name: 'Your data' }).waitFor();
});
afterAll(async () => h?.shutdown());

describe('ledger export, erase, import', () => {
  let before: Snapshot;
  let exported = '';

  it('exports the whole ledger as the documented JSON file', async () => {
    before = await snapshot();
    expect(before.sites.map((s) => (s as { site: string }).site).sort()).toEqual(['news.test', 'shop.test']);
    for (const table of LEDGER_TABLES) expect(before[table].length, table).toBeGreaterThan(0);
    const [download] = await Promise.all([data.waitForEvent('download'), data.getByRole('button', { name: 'Export ledger (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^privacy-ledger-ledger-\d{4}-\d{2}-\d{2}\.json$/);
    exported = await readFile((await download.path())!, 'utf8');
    const file = JSON.parse(exported);
    expect(file).toMatchObject({ format: 'privacy-ledger/ledger', version: 1 });
    for (const table of LEDGER_TABLES) {
      expect(file.tables[table].map(canonicalJson).sort().map((t: string) => JSON.parse(t)), table).toEqual(before[table]);
    }
  });

  it('exports the same ledger as CSV, one line per row', async () => {
    const [download] = await Promise.all([data.waitForEvent('download'), data.getByRole('button', { name: 'Export ledger (CSV)' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFtable,site,time,kind,summary,data\r\n')).toBe(true);
    const rows = LEDGER_TABLES.reduce((n, t) => n + before[t].length, 0);
    expect(csv.match(/\r\n(sites|events|cookies|thirdParties|policies|requests),/g)).toHaveLength(rows);
  });

  it('erase everything, then import: every table is back as it was', async () => {
    await data.getByRole('button', { name: 'Erase everything…' }).click();
    await data.getByRole('button', { name: 'Yes, erase everything' }).click();
    await data.getByText('Everything was erased.').waitFor();
    for (const table of LEDGER_TABLES) expect(await h.table(table), table).toEqual([]);
    await importLedgerFile(exported, 'ledger.json');
    await data.getByText(/^Ledger imported from ledger\.json: \d+ records? added, 0 records already here\.$/).waitFor();
    expect(await snapshot()).toEqual(before);
  });

  it('importing the same file again adds nothing', async () => {
    await importLedgerFile(exported, 'again.json');
    await data.getByText(/^Ledger imported from again\.json: 0 records added, \d+ records? already here\.$/).waitFor();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a truncated file and a file with a wrong row, says why, and changes nothing', async () => {
    await importLedgerFile(exported.slice(0, Math.floor(exported.length / 2)), 'cut.json');
    const status = data.getByTestId('ledger-status');
    await status.getByText('cut.json was not imported. Nothing was changed.').waitFor();
    expect(await status.textContent()).toContain('is not valid JSON');
    const wrong = JSON.parse(exported);
    wrong.tables.events[0].at = 'yesterday';
    wrong.tables.cookies[0].times = -1;
    await importLedgerFile(JSON.stringify(wrong), 'wrong.json');
    await status.getByText('wrong.json was not imported. Nothing was changed.').waitFor();
    const text = await status.textContent();
    expect(text).toContain('tables.events[0].at has the wrong type (expected number).');
    expect(text).toContain('tables.cookies[0].times');
    expect(await snapshot()).toEqual(before);
  });

  it(`refuses each of the unit suite's ${HOSTILE_LEDGER_FILES.length} hostile ledger files through the file picker, whole, and changes nothing`, async () => {
    const before = await snapshot();
    const status = data.getByTestId('ledger-status');
    for (const [i, file] of HOSTILE_LEDGER_FILES.entries()) {
      const name = `hostile-${i + 1}.json`;
      await importLedgerFile(file.text(), name);
      await status.getByText(`${name} was not imported. Nothing was changed.`).waitFor({ timeout: 15_000 });
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('erases one site through the message, leaving the other site intact', async () => {
    const reply = await data.evaluate(() => chrome.runtime.sendMessage({ channel: 'privacy-ledger', type: 'ledger.eraseSite', payload: { site: 'news.test' } }));
    expect(reply).toEqual({ ok: true, value: { erased: true } });
    const after = await snapshot();
    expect(ofSite(after, 'news.test')).toEqual(Object.fromEntries(LEDGER_TABLES.map((t) => [t, []])));
    expect(ofSite(after, 'shop.test')).toEqual(ofSite(before, 'shop.test'));
  });

  it('a shorter retention prunes older rows at once and keeps the rest', async () => {
    const now = Date.now();
    const old = now - 100 * DAY;
    const worker = await h.worker();
    await putRows(worker, 'events', [{ site: 'shop.test', at: old, kind: 'consent.answer', data: { cmp: 'old' } }]);
    await putRows(worker, 'cookies', [cookie('shop.test', 'stale', old)]);
    await putRows(worker, 'thirdParties', [thirdParty('shop.test', localDay(old), 'stale.example', old)]);
    await putRows(worker, 'sites', [{ site: 'gone.test', firstSeen: old, lastSeen: old, visits: 1, thirdParties: 0, cookies: 0, violations: 0, fields: [], permissions: [] }]);
    await putRows(worker, 'events', [{ site: 'gone.test', at: old, kind: 'gpc.declaration', data: { declared: false } }]);
    const kept = ofSite(await snapshot(), 'shop.test');
    await data.getByLabel('Keep records for').selectOption({ label: '90 days' });
    await expect.poll(async () => (await h.table<{ site: string }>('sites')).map((s) => s.site), { timeout: 10_000 }).toEqual(['shop.test']);
    const after = ofSite(await snapshot(), 'shop.test');
    expect(after.events).toEqual(ofSite(before, 'shop.test').events);
    expect(after.cookies).toEqual(ofSite(before, 'shop.test').cookies);
    expect(after.thirdParties).toEqual(ofSite(before, 'shop.test').thirdParties);
    expect(after.sites).toEqual(kept.sites);
    expect(((await h.storage()).settings as { ledgerRetentionDays: number }).ledgerRetentionDays).toBe(90);
  });
});
