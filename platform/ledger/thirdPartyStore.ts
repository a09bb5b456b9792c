import Dexie from 'dexie';
import { distinctPairs, mergeThirdParty } from '../../core/ledger/thirdParties';
import type { ThirdPartyDay } from '../../core/ledger/records';
import { updateSite, type LedgerDatabase } from '../db';

/**
 * Whether `party` already has a row for `site` (on any day), in O(log n):
 * the `party` index lists a party's rows in primary-key order, and a primary
 * key starts with `${site}|`, so one seek with `continuePrimaryKey` lands on
 * the site's first row for the party if there is one. Dexie has no query for
 * an index key and a primary-key prefix together, so this speaks IndexedDB
 * inside Dexie's transaction; the Dexie promise keeps the transaction's zone.
 */
function partySeenOnSite(tx: IDBTransaction, site: string, party: string): Promise<boolean> {
  const prefix = `${site}|`;
  return new Dexie.Promise<boolean>((resolve, reject) => {
    const request = tx.objectStore('thirdParties').index('party').openKeyCursor(IDBKeyRange.only(party));
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(false);
      const key = String(cursor.primaryKey);
      if (key < prefix) return cursor.continuePrimaryKey(party, prefix);
      resolve(key.startsWith(prefix));
    };
  });
}

/**
 * Writes one batch of counted requests in one transaction: each row's counts
 * are added to the stored row of the same site, day and party (or start it),
 * and a site's `thirdParties` counter grows by the parties it never contacted
 * before.
 */
export async function recordThirdParties(db: LedgerDatabase, batch: readonly ThirdPartyDay[]): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction('rw', db.thirdParties, db.sites, async (tx) => {
    const stored = await db.thirdParties.bulkGet(batch.map((row) => row.id));
    // A party with a row today is known to the site; only the others need a look at earlier days.
    const candidates = distinctPairs(batch.filter((_, i) => !stored[i]));
    const seen = await Dexie.Promise.all(candidates.map((row) => partySeenOnSite(tx.idbtrans, row.site, row.party)));
    await db.thirdParties.bulkPut(batch.map((row, i) => mergeThirdParty(stored[i], row)));
    const added = new Map<string, { count: number; at: number }>();
    candidates.forEach((row, i) => {
      if (seen[i]) return;
      const site = added.get(row.site) ?? { count: 0, at: row.firstAt };
      added.set(row.site, { count: site.count + 1, at: Math.max(site.at, row.lastAt) });
    });
    for (const [site, { count, at }] of added) {
      await updateSite(db, site, at, (row) => {
        row.thirdParties += count;
      });
    }
  });
}
