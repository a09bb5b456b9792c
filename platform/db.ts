import Dexie, { type EntityTable } from 'dexie';
import {
  newSite, type CookieRecord, type LedgerEvent, type PolicyRecord, type RequestRecord, type SiteRecord, type ThirdPartyDay,
} from '../core/ledger/records';
import { storageHealthMiddleware } from './storageHealth';

export const DB_NAME = 'privacy-ledger';

/** Version 1 as shipped: kept so a test can seed it and prove the upgrade. */
export const SCHEMA_V1 = {
  sites: '&site, lastSeen, firstSeen, visits',
  events: '++id, [site+at], [kind+at], at',
  policies: '++id, [site+fetchedAt], hash',
  requests: '&id, site, status, dueAt',
} as const;

/** Version 2: cookies and third parties, aggregated; site rows carry the counters the Sites view sorts on. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  cookies: '&id, site, [site+lastSetAt], lastSetAt',
  thirdParties: '&id, [site+day], day, party',
} as const;

/**
 * The database. Only the background writes it; extension pages read it with
 * liveQuery. Versions are append-only: a change adds `this.version(n + 1)`
 * with an upgrade function and leaves every earlier version exactly as shipped.
 */
export class LedgerDatabase extends Dexie {
  sites!: EntityTable<SiteRecord, 'site'>;
  events!: EntityTable<LedgerEvent, 'id'>;
  policies!: EntityTable<PolicyRecord, 'id'>;
  requests!: EntityTable<RequestRecord, 'id'>;
  cookies!: EntityTable<CookieRecord, 'id'>;
  thirdParties!: EntityTable<ThirdPartyDay, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade((tx) =>
      tx.table<SiteRecord>('sites').toCollection().modify((row) => {
        Object.assign(row, { ...newSite(row.site, row.firstSeen), ...row });
      }),
    );
    // A write the browser refuses for want of space is reported to the user (platform/storageHealth.ts).
    this.use(storageHealthMiddleware);
  }

  /** Every table, for transactions that touch them all. */
  get everyTable() {
    return [this.sites, this.events, this.policies, this.requests, this.cookies, this.thirdParties];
  }
}

let shared: LedgerDatabase | null = null;

export function database(): LedgerDatabase {
  shared ??= new LedgerDatabase();
  return shared;
}

/**
 * Changes a site's row inside the caller's transaction (or a new one),
 * creating it when the site is new. `at` moves `lastSeen` forward.
 */
export async function updateSite(db: LedgerDatabase, site: string, at: number, change: (row: SiteRecord) => void): Promise<SiteRecord> {
  return db.transaction('rw', db.sites, async () => {
    const row = (await db.sites.get(site)) ?? newSite(site, at);
    row.firstSeen = Math.min(row.firstSeen, at);
    row.lastSeen = Math.max(row.lastSeen, at);
    change(row);
    await db.sites.put(row);
    return row;
  });
}

/** Records a top-level page load on a site. */
export async function recordVisit(db: LedgerDatabase, site: string, at: number): Promise<void> {
  await updateSite(db, site, at, (row) => {
    row.visits += 1;
  });
}

export async function eraseDatabase(db: LedgerDatabase): Promise<void> {
  await db.transaction('rw', db.everyTable, async () => {
    await Promise.all(db.everyTable.map((t) => t.clear()));
  });
}
