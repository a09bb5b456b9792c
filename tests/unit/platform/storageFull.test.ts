import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../core/settings/defaults';
import { LEDGER_TABLES } from '../../../core/ledger/tables';
import { LedgerDatabase, recordVisit } from '../../../platform/db';
import { importLedger } from '../../../platform/ledger/import';
import { loadSettings, saveSettings } from '../../../platform/settingsStorage';
import { clearStorageFull, guardWrite, isQuotaError, reportStorageFull, STORAGE_FULL_KEY, storageFullState } from '../../../platform/storageHealth';
import { cookie, sampleRows } from '../../support/ledgerRows';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A ledger whose writes the browser refuses while `full.on` (or only on the tables in `full.tables`). */
function fillable() {
  const full = { on: false, tables: null as string[] | null };
  const db = new LedgerDatabase(`test-${Math.random()}`);
  const refuse: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'refuseWhenFull',
    level: 0,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (full.on && (!full.tables || full.tables.includes(name)) ? Promise.reject(quota()) : table.mutate(req)),
        };
      },
    }),
  };
  db.use(refuse);
  return { db, full };
}

async function everyTable(db: LedgerDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of LEDGER_TABLES) out[table] = await db.table(table).toArray();
  return out;
}

let open: LedgerDatabase | null = null;
afterEach(async () => {
  open?.close();
  if (open) await open.delete();
  open = null;
  await clearStorageFull();
});

describe('storage full', () => {
  it('recognises a quota refusal however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isQuotaError(new Error('quota'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('reports a refused ledger write, keeps the earlier records, and works again once space is freed', async () => {
    const { db, full } = fillable();
    open = db;
    await recordVisit(db, 'shop.test', 1_000);
    await importLedger(db, { format: 'privacy-ledger', version: 1, tables: sampleRows() } as never);
    const before = await everyTable(db);
    expect(await storageFullState()).toBeNull();

    full.on = true;
    await expect(recordVisit(db, 'shop.test', 2_000)).rejects.toSatisfy(isQuotaError);
    await vi.waitFor(async () => expect(await storageFullState()).toMatchObject({ where: 'ledger' }));
    const reported = await storageFullState();
    expect(await fakeBrowser.storage.session.get(STORAGE_FULL_KEY)).toEqual({ [STORAGE_FULL_KEY]: reported });
    expect(await everyTable(db)).toEqual(before);

    // Space is freed: the same database takes writes again and the report goes away.
    full.on = false;
    await recordVisit(db, 'shop.test', 3_000);
    // Cleared when the transaction's commit is seen, which is reported after the write resolves.
    await vi.waitFor(async () => expect(await storageFullState()).toBeNull());
    const site = await db.sites.get('shop.test');
    expect(site?.visits).toBe((before.sites as { site: string; visits: number }[]).find((s) => s.site === 'shop.test')!.visits + 1);
    expect(site?.lastSeen).toBe(9_000);
  });

  it('rolls back a multi-table write refused halfway: rows written before the refusal are gone too', async () => {
    const { db, full } = fillable();
    open = db;
    await recordVisit(db, 'old.test', 1_000);
    const before = await everyTable(db);
    // The import writes requests, cookies and third parties first; the sites table refuses last.
    full.on = true;
    full.tables = ['sites'];
    const rows = { ...sampleRows(), cookies: [...sampleRows().cookies, cookie('new.test', 'id', 4_000)] };
    await expect(importLedger(db, { format: 'privacy-ledger', version: 1, tables: rows } as never)).rejects.toSatisfy(isQuotaError);
    expect(await everyTable(db)).toEqual(before);
    await vi.waitFor(async () => expect(await storageFullState()).toMatchObject({ where: 'ledger' }));

    full.on = false;
    await importLedger(db, { format: 'privacy-ledger', version: 1, tables: rows } as never);
    expect(await db.cookies.count()).toBe(rows.cookies.length);
    await vi.waitFor(async () => expect(await storageFullState()).toBeNull());
  });

  it('reports a refused settings write and keeps the settings stored before', async () => {
    const good = { ...defaultSettings(), onboarded: true };
    await saveSettings(good);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('Resource::kQuotaBytes quota exceeded'));
    try {
      await expect(saveSettings({ ...good, gpc: !good.gpc })).rejects.toThrow(/quota/);
      expect(await storageFullState()).toMatchObject({ where: 'settings' });
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    await expect(loadSettings()).resolves.toEqual(good);
    await saveSettings({ ...good, gpc: !good.gpc });
    expect(await storageFullState()).toBeNull();
  });

  it('a settings write that succeeds does not hide a full ledger', async () => {
    await reportStorageFull('ledger', 5);
    await saveSettings({ ...defaultSettings(), onboarded: true });
    expect(await storageFullState()).toEqual({ since: 5, where: 'ledger' });
  });

  it('keeps the time of the first refusal while the storage stays full', async () => {
    await reportStorageFull('ledger', 5);
    await reportStorageFull('ledger', 9);
    expect(await storageFullState()).toEqual({ since: 5, where: 'ledger' });
  });

  it('a write that succeeds while an earlier refusal is still being reported leaves no notice behind', async () => {
    // Known clear first, the state in which a success used to skip its check.
    await reportStorageFull('settings', 1);
    await clearStorageFull('settings');
    expect(await storageFullState()).toBeNull();

    // Storage reads are held, so the refusal's report is still on its way when the next write succeeds.
    const session = fakeBrowser.storage.session;
    const get = session.get.bind(session);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    session.get = (async (...args: Parameters<typeof get>) => {
      await held;
      return get(...args);
    }) as typeof session.get;
    try {
      const refused = guardWrite('settings', () => Promise.reject(quota())).catch((error: unknown) => error);
      const succeeded = guardWrite('settings', async () => 'stored');
      release();
      expect(isQuotaError(await refused)).toBe(true);
      await expect(succeeded).resolves.toBe('stored');
    } finally {
      session.get = get;
    }
    expect(await storageFullState()).toBeNull();
  });

  it('a success clears a notice another context raised before it, not one raised after it', async () => {
    await clearStorageFull();
    await guardWrite('ledger', async () => 'stored');
    // Another extension page reports a later refusal of the ledger.
    const later = Date.now() + 60_000;
    await fakeBrowser.storage.session.set({ [STORAGE_FULL_KEY]: { since: later, where: 'ledger' } });
    await guardWrite('settings', async () => 'stored');
    await guardWrite('ledger', async () => 'stored');
    expect(await storageFullState()).toEqual({ since: later, where: 'ledger' });

    await fakeBrowser.storage.session.set({ [STORAGE_FULL_KEY]: { since: Date.now() - 1, where: 'ledger' } });
    await guardWrite('ledger', async () => 'stored');
    expect(await storageFullState()).toBeNull();
  });

  it('a refusal another context has since cleared is not raised again by a later write here', async () => {
    await expect(guardWrite('ledger', () => Promise.reject(quota()))).rejects.toSatisfy(isQuotaError);
    expect(await storageFullState()).toMatchObject({ where: 'ledger' });
    // The background's next ledger write succeeds and clears the notice; later another page reports a refused settings write.
    await fakeBrowser.storage.session.remove(STORAGE_FULL_KEY);
    await fakeBrowser.storage.session.set({ [STORAGE_FULL_KEY]: { since: Date.now() - 1, where: 'settings' } });
    // A settings write here succeeds: the settings notice goes, and the old ledger refusal does not come back.
    await guardWrite('settings', async () => 'stored');
    expect(await storageFullState()).toBeNull();
    // A new refusal here is shown again.
    await expect(guardWrite('ledger', () => Promise.reject(quota()))).rejects.toSatisfy(isQuotaError);
    expect(await storageFullState()).toMatchObject({ where: 'ledger' });
  });
});
