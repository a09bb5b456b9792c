import { browser } from 'wxt/browser';
import { dayOf } from '../../core/ledger/days';
import { retentionCutoff } from '../../core/ledger/retention';
import type { RetentionDays } from '../../core/settings/schema';
import { database, type LedgerDatabase } from '../db';
import { loadSettings, onSettingsChanged } from '../settingsStorage';
import { recountSite, siteHasRows, siteRows } from './siteRows';
import { askedBy } from '../../core/ledger/merge';

const ASKED_EVENT_KINDS: ReadonlySet<string> = new Set(['form.fields', 'permission.prompt']);

/** Rows deleted per transaction, so pruning a million rows never blocks the recorders for long. */
export const PRUNE_BATCH = 2000;

export interface PruneCounts {
  events: number;
  cookies: number;
  thirdParties: number;
  sites: number;
}

/**
 * Deletes what is older than `cutoff`: events by `at`, cookies by `lastSetAt`,
 * third-party days before the cutoff's local day. Site counters are recounted
 * from the rows left; a site row goes when it was last seen before the cutoff
 * and no table holds anything of it. Policies and rights requests are the
 * user's documents and stay until the site is erased.
 */
export async function pruneLedger(db: LedgerDatabase, cutoff: number, batch = PRUNE_BATCH): Promise<PruneCounts> {
  const touched = new Set<string>();
  /** Sites that lost a form or permission event: what they asked for is read again from the events left. */
  const askedTouched = new Set<string>();
  const prune = (table: string, index: string, below: number | string) => deleteInBatches(db, table, index, below, batch, touched, askedTouched);
  const events = await prune('events', 'at', cutoff);
  const cookies = await prune('cookies', 'lastSetAt', cutoff);
  const thirdParties = await prune('thirdParties', 'day', dayOf(cutoff));
  for (const sites of chunks([...touched], batch)) {
    await db.transaction('rw', [db.sites, db.cookies, db.thirdParties, db.events], async () => {
      for (const site of sites) {
        const row = await db.sites.get(site);
        if (!row) continue;
        const counted = await recountSite(db, site);
        const asked = askedTouched.has(site) ? askedBy(await siteRows(db, site).events.filter((e) => ASKED_EVENT_KINDS.has(e.kind)).toArray()) : null;
        const { cookies: c, violations, thirdParties: t } = row;
        if (asked || c !== counted.cookies || violations !== counted.violations || t !== counted.thirdParties) {
          await db.sites.put({ ...row, ...counted, ...asked });
        }
      }
    });
  }
  let sites = 0;
  const stale = await db.sites.where('lastSeen').below(cutoff).primaryKeys();
  for (const names of chunks(stale, batch)) {
    sites += await db.transaction('rw', db.everyTable, async () => {
      const empty = [];
      for (const site of names) if (!(await siteHasRows(db, site))) empty.push(site);
      await db.sites.bulkDelete(empty);
      return empty.length;
    });
  }
  return { events, cookies, thirdParties, sites };
}

/** Deletes the rows whose `index` is below `below`, `batch` rows per transaction, noting the sites it touched. */
async function deleteInBatches(
  db: LedgerDatabase, name: string, index: string, below: number | string, batch: number, touched: Set<string>, askedTouched: Set<string>,
): Promise<number> {
  const table = db.table(name);
  let deleted = 0;
  for (;;) {
    const rows = await db.transaction('rw', table, async () => {
      const found: { site: string; kind?: string }[] = await table.where(index).below(below).limit(batch).toArray();
      await table.bulkDelete(found.map((row) => (row as Record<string, string | number>)[table.schema.primKey.keyPath as string]!));
      return found;
    });
    for (const row of rows) {
      touched.add(row.site);
      if (row.kind && ASKED_EVENT_KINDS.has(row.kind)) askedTouched.add(row.site);
    }
    deleted += rows.length;
    if (rows.length < batch) return deleted;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export const RETENTION_ALARM = 'ledger.retention';
const DAY_MINUTES = 24 * 60;

let queue: Promise<void> = Promise.resolve();
let appliedDays: RetentionDays | undefined;

/** Prunes by the current setting. Runs one at a time; a failure is logged and the next run tries again. */
export function applyRetention(db = database()): Promise<void> {
  queue = queue.then(async () => {
    const days = (await loadSettings()).ledgerRetentionDays;
    appliedDays = days;
    const cutoff = retentionCutoff(Date.now(), days);
    if (cutoff !== null) await pruneLedger(db, cutoff);
  }).catch((error: unknown) => console.warn('Privacy Ledger: retention did not run', error));
  return queue;
}

/** Prunes at worker start, once a day, and whenever the retention setting changes. */
export function startRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void applyRetention();
  });
  void browser.alarms.get(RETENTION_ALARM).then((alarm) => {
    if (!alarm) return browser.alarms.create(RETENTION_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
  });
  onSettingsChanged(() => {
    void loadSettings().then((settings) => {
      if (settings.ledgerRetentionDays !== appliedDays) void applyRetention();
    });
  });
  void applyRetention();
}
