import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseLedgerFile, type LedgerFile } from '../../../core/ledger/exportFormat';
import { newSite } from '../../../core/ledger/records';
import { fileRow, LEDGER_TABLES, type LedgerRows } from '../../../core/ledger/tables';
import { database, eraseDatabase, LedgerDatabase } from '../../../platform/db';
import { ledgerHandlers } from '../../../platform/handlers/ledger';
import { eraseSite } from '../../../platform/ledger/eraseSite';
import { tabContacts } from '../../../platform/ledger/tabContacts';
import { exportLedger } from '../../../platform/ledger/export';
import { importLedger } from '../../../platform/ledger/import';
import { tablePages } from '../../../platform/ledger/read';
import type { CallerContext } from '../../../platform/messaging/router';
import { sessionGet, sessionSet } from '../../../platform/sessionStore';
import { cookie, sampleRows, thirdParty } from '../../support/ledgerRows';

let db: LedgerDatabase;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

async function seeded(rows: LedgerRows = sampleRows()): Promise<LedgerDatabase> {
  const fresh = new LedgerDatabase(`test-${Math.random()}`);
  await fresh.transaction('rw', fresh.everyTable, async () => {
    for (const table of LEDGER_TABLES) await fresh.table(table).bulkAdd(rows[table] as unknown[]);
  });
  return fresh;
}

/** Every table's rows as a file would carry them, in a stable order. */
async function snapshot(from: LedgerDatabase): Promise<LedgerRows> {
  const out = {} as Record<string, unknown[]>;
  for (const table of LEDGER_TABLES) {
    const rows = (await from.table(table).toArray()).map((row) => fileRow(table, row));
    out[table] = rows.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r));
  }
  return out as unknown as LedgerRows;
}

async function exported(from: LedgerDatabase): Promise<LedgerFile> {
  const { parts } = await exportLedger(from, 'json', new Date('2025-01-02T03:04:05Z'));
  const parsed = parseLedgerFile(parts.join(''));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.file;
}

const noneAdded = { sites: 0, events: 0, cookies: 0, thirdParties: 0, policies: 0, requests: 0 };

describe('ledger export and import', () => {
  it('reads a table in pages, each after the last key of the one before', async () => {
    db = await seeded();
    const pages: number[] = [];
    for await (const page of tablePages(db, 2)('thirdParties')) pages.push(page.length);
    expect(pages).toEqual([2, 2]);
  });

  it('export -> erase -> import restores every table exactly, and a second import changes nothing', async () => {
    db = await seeded();
    const before = await snapshot(db);
    const file = await exported(db);
    await eraseDatabase(db);
    const first = await importLedger(db, file);
    expect(first).toEqual({ added: { sites: 2, events: 3, cookies: 3, thirdParties: 4, policies: 1, requests: 1 }, skipped: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(await importLedger(db, file)).toEqual({ added: noneAdded, skipped: 14 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps what was recorded after the export, and counts the union', async () => {
    db = await seeded();
    const file = await exported(db);
    await db.events.add({ site: 'shop.test', at: 9_500, kind: 'consent.answer', data: { cmp: 'Klaro', outcome: 'failed' } });
    await db.cookies.delete('shop.test|shop.test|session');
    await db.cookies.put(cookie('shop.test', 'new', 9_600));
    await db.thirdParties.put(thirdParty('shop.test', '2024-06-01', 'other.example', 9_600));
    await db.sites.update('shop.test', { visits: 6, lastSeen: 9_600, cookies: 2, thirdParties: 3 });
    const result = await importLedger(db, file);
    expect(result.added).toEqual({ ...noneAdded, cookies: 1 });
    expect(await db.sites.get('shop.test')).toMatchObject({ visits: 6, firstSeen: 1_000, lastSeen: 9_600, cookies: 3, violations: 1, thirdParties: 3 });
    expect(await db.events.count()).toBe(4);
  });

  it('merges a cookie seen in both ledgers instead of duplicating it', async () => {
    db = await seeded();
    const file = await exported(db);
    await db.cookies.update('shop.test|shop.test|_ga', { lastSetAt: 8_000, times: 5 });
    await importLedger(db, { ...file, tables: { ...file.tables, cookies: [{ ...file.tables.cookies.find((c) => c.name === '_ga')!, firstSetAt: 500 }] } });
    expect(await db.cookies.get('shop.test|shop.test|_ga')).toMatchObject({ firstSetAt: 500, lastSetAt: 8_000, times: 5 });
    expect(await db.cookies.count()).toBe(3);
  });

  it('gives a site named only by other rows a row of its own', async () => {
    db = new LedgerDatabase(`test-${Math.random()}`);
    const empty: LedgerRows = { sites: [], events: [], cookies: [], thirdParties: [], policies: [], requests: [] };
    await importLedger(db, { format: 'privacy-ledger/ledger', version: 1, exportedAt: '2025-01-01T00:00:00Z', tables: {
      ...empty,
      events: [{ site: 'lone.test', at: 50, kind: 'x', data: null }, { site: 'lone.test', at: 70, kind: 'x', data: null }],
      cookies: [cookie('lone.test', 'a', 60)],
    } });
    expect(await db.sites.get('lone.test')).toEqual({ ...newSite('lone.test', 50), lastSeen: 70, cookies: 1 });
  });

  it('writes the CSV with one line per row and a header', async () => {
    db = await seeded();
    const csv = await exportLedger(db, 'csv', new Date('2025-01-02T03:04:05Z'));
    expect(csv.filename).toBe('privacy-ledger-ledger-2025-01-02.csv');
    expect(csv.parts.join('').split('\r\n').filter(Boolean)).toHaveLength(1 + 14);
  });
});

describe('ledger messages', () => {
  const ext = { sender: {}, tabId: null, frameId: null } as CallerContext;
  const importMessage = ledgerHandlers.extension!['ledger.import']!;

  it('refuses a malformed file with every problem and changes nothing', async () => {
    const shared = database();
    await eraseDatabase(shared);
    for (const table of LEDGER_TABLES) await shared.table(table).bulkAdd(sampleRows()[table] as unknown[]);
    const before = await snapshot(shared);
    const { parts } = await exportLedger(shared, 'json');
    const file = JSON.parse(parts.join(''));
    file.tables.events[1].at = 'soon';
    file.tables.sites.push({ site: 'new.test' });
    const result = await importMessage({ text: JSON.stringify(file) }, ext);
    expect(result).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ path: 'tables.events[1].at', reason: 'wrongType' })]) });
    expect(await importMessage({ text: parts.join('').slice(0, -20) }, ext)).toMatchObject({ ok: false, problems: [{ path: '(file)', reason: 'notJson' }] });
    expect(await snapshot(shared)).toEqual(before);
    await eraseDatabase(shared);
    expect(await importMessage({ text: parts.join('') }, ext)).toMatchObject({ ok: true, skipped: 0 });
    expect(await snapshot(shared)).toEqual(before);
  });

  it('erases one site from every table and its session state, leaving the others', async () => {
    db = await seeded();
    tabContacts.noteContact(4, 'shop.test', 'cdn.example');
    tabContacts.noteContact(4, 'news.test', 'ads.example');
    await sessionSet('answers.4.shop.test', [1]);
    await sessionSet('answers.4.news.test', [1]);
    await sessionSet('gpcChecked.shop.test', true);
    await sessionSet('answers.4.x.shop.test', [1]);
    await eraseSite(db, 'shop.test');
    const left = await snapshot(db);
    for (const table of LEDGER_TABLES) {
      expect((left[table] as { site: string }[]).every((r) => r.site === 'news.test')).toBe(true);
    }
    expect(left.sites).toHaveLength(1);
    expect(left.cookies).toHaveLength(1);
    expect(await sessionGet('answers.4.shop.test')).toBeUndefined();
    expect(await sessionGet('gpcChecked.shop.test')).toBeUndefined();
    expect(await sessionGet('answers.4.news.test')).toEqual([1]);
    expect(await sessionGet('answers.4.x.shop.test')).toEqual([1]);
    expect([...(await tabContacts.partiesOf(4, 'shop.test'))]).toEqual([]);
    expect([...(await tabContacts.partiesOf(4, 'news.test'))]).toEqual(['ads.example']);
    await tabContacts.flush();
    expect(fakeBrowser.runtime.id).toBeTruthy();
  });
});
