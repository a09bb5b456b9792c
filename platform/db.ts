import Dexie, { type EntityTable } from 'dexie';
import type { LedgerEvent, PolicyRecord, RequestRecord, SiteRecord } from '../core/ledger/records';

export const DB_NAME = 'privacy-ledger';

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

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      sites: '&site, lastSeen, firstSeen, visits',
      events: '++id, [site+at], [kind+at], at',
      policies: '++id, [site+fetchedAt], hash',
      requests: '&id, site, status, dueAt',
    });
  }
}

let shared: LedgerDatabase | null = null;

export function database(): LedgerDatabase {
  shared ??= new LedgerDatabase();
  return shared;
}

/** Records a top-level page load on a site. */
export async function recordVisit(db: LedgerDatabase, site: string, at: number): Promise<void> {
  await db.transaction('rw', db.sites, async () => {
    const existing = await db.sites.get(site);
    await db.sites.put(
      existing
        ? { ...existing, lastSeen: Math.max(existing.lastSeen, at), visits: existing.visits + 1 }
        : { site, firstSeen: at, lastSeen: at, visits: 1 },
    );
  });
}

export async function eraseDatabase(db: LedgerDatabase): Promise<void> {
  await db.transaction('rw', [db.sites, db.events, db.policies, db.requests], async () => {
    await Promise.all([db.sites.clear(), db.events.clear(), db.policies.clear(), db.requests.clear()]);
  });
}
