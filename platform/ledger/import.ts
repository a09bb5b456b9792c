import type { EntityTable } from 'dexie';
import type { LedgerFile } from '../../core/ledger/exportFormat';
import { eventIdentity, mergeCookie, mergeSite, mergeThirdParty, policyIdentity, unchanged } from '../../core/ledger/merge';
import { newSite, type SiteRecord } from '../../core/ledger/records';
import { LEDGER_TABLES, type LedgerRows, type LedgerTable } from '../../core/ledger/tables';
import type { LedgerDatabase } from '../db';
import { recountSite, siteRows } from './siteRows';

export interface ImportCounts {
  /** New rows per table. */
  added: Record<LedgerTable, number>;
  /** Rows of the file the ledger already held (merged into a row, or identical). */
  skipped: number;
}

/**
 * Merges a parsed ledger file into the database by the rules of
 * `core/ledger/merge.ts`, in one transaction over every table: if anything
 * fails, nothing is written.
 */
export async function importLedger(db: LedgerDatabase, file: LedgerFile): Promise<ImportCounts> {
  const rows = file.tables;
  const added = Object.fromEntries(LEDGER_TABLES.map((t) => [t, 0])) as Record<LedgerTable, number>;
  await db.transaction('rw', db.everyTable, async () => {
    added.requests = await addMissingById(db.requests, rows.requests);
    added.cookies = await mergeById(db.cookies, rows.cookies, mergeCookie);
    added.thirdParties = await mergeById(db.thirdParties, rows.thirdParties, mergeThirdParty);
    for (const [site, events] of bySite(rows.events)) {
      const held = await siteRows(db, site).events.toArray();
      added.events += await addNew(db.events, events, held, eventIdentity);
    }
    for (const [site, policies] of bySite(rows.policies)) {
      const held = await siteRows(db, site).policies.toArray();
      added.policies += await addNew(db.policies, policies, held, policyIdentity);
    }
    added.sites = await mergeSites(db, rows);
  });
  const total = LEDGER_TABLES.reduce((n, t) => n + rows[t].length, 0);
  return { added, skipped: total - LEDGER_TABLES.reduce((n, t) => n + added[t], 0) };
}

function bySite<T extends { site: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.site, [...(groups.get(row.site) ?? []), row]);
  return groups;
}

/** Rows whose id the table lacks; a request the ledger holds is the user's current one and stands. */
async function addMissingById<T extends { id: string }>(table: EntityTable<T, 'id'>, incoming: readonly T[]): Promise<number> {
  const unique = [...new Map(incoming.map((r) => [r.id, r])).values()];
  const held = await table.bulkGet(unique.map((r) => r.id) as never);
  const fresh = unique.filter((_, i) => !held[i]);
  await table.bulkAdd(fresh);
  return fresh.length;
}

/** Rows keyed by a natural id: new ones added, known ones merged; returns how many were new. */
async function mergeById<T extends { id: string }>(table: EntityTable<T, 'id'>, incoming: readonly T[], merge: (current: T | undefined, row: T) => T): Promise<number> {
  const merged = new Map<string, T>();
  for (const row of incoming) merged.set(row.id, merge(merged.get(row.id), row));
  const held = await table.bulkGet([...merged.keys()] as never);
  const writes: T[] = [];
  let fresh = 0;
  [...merged.values()].forEach((row, i) => {
    const current = held[i];
    const next = merge(current, row);
    if (!current) fresh++;
    if (!current || !unchanged(current, next)) writes.push(next);
  });
  await table.bulkPut(writes);
  return fresh;
}

/** Rows without a natural key: added unless the site already has one with the same identity. */
async function addNew<T>(table: { bulkAdd: (rows: T[]) => Promise<unknown> }, incoming: readonly T[], held: readonly T[], identity: (row: T) => string): Promise<number> {
  const known = new Set(held.map(identity));
  const fresh = incoming.filter((row) => {
    const key = identity(row);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  await table.bulkAdd(fresh);
  return fresh.length;
}

/** The site rows of the file merged, and every site the file touches recounted. */
async function mergeSites(db: LedgerDatabase, rows: LedgerRows): Promise<number> {
  const incoming = new Map<string, SiteRecord>();
  const zero = { cookies: 0, violations: 0, thirdParties: 0 };
  for (const row of rows.sites) incoming.set(row.site, mergeSite(incoming.get(row.site), row, zero));
  // A site named only by other rows gets a row spanning their times.
  const named = new Set(incoming.keys());
  const seen = (site: string, at: number) => {
    if (named.has(site)) return;
    const row = incoming.get(site);
    if (!row) return void incoming.set(site, newSite(site, at));
    row.firstSeen = Math.min(row.firstSeen, at);
    row.lastSeen = Math.max(row.lastSeen, at);
  };
  rows.events.forEach((e) => seen(e.site, e.at));
  rows.cookies.forEach((c) => seen(c.site, c.firstSetAt));
  rows.thirdParties.forEach((t) => seen(t.site, t.firstAt));
  rows.policies.forEach((p) => seen(p.site, p.fetchedAt));
  rows.requests.forEach((r) => seen(r.site, r.createdAt));
  let fresh = 0;
  for (const [site, row] of incoming) {
    const current = await db.sites.get(site);
    const next = mergeSite(current, row, await recountSite(db, site));
    if (!current) fresh++;
    if (!current || !unchanged(current, next)) await db.sites.put(next);
  }
  return fresh;
}
