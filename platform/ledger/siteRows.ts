import Dexie from 'dexie';
import { countSite, type SiteCounts } from '../../core/ledger/merge';
import type { LedgerDatabase } from '../db';

/** Every row of one site in each table but `sites`, found through the tables' site indexes. */
export function siteRows(db: LedgerDatabase, site: string) {
  const wholeSite = [[site, Dexie.minKey], [site, Dexie.maxKey]] as const;
  return {
    events: db.events.where('[site+at]').between(...wholeSite),
    policies: db.policies.where('[site+fetchedAt]').between(...wholeSite),
    requests: db.requests.where('site').equals(site),
    cookies: db.cookies.where('site').equals(site),
    thirdParties: db.thirdParties.where('[site+day]').between(...wholeSite),
  };
}

/** The site's counters as its cookie and third-party rows tell them. */
export async function recountSite(db: LedgerDatabase, site: string): Promise<SiteCounts> {
  const rows = siteRows(db, site);
  const [cookies, parties] = await Promise.all([rows.cookies.toArray(), rows.thirdParties.toArray()]);
  return countSite(cookies, parties);
}

/** True while any table still holds a row of the site. */
export async function siteHasRows(db: LedgerDatabase, site: string): Promise<boolean> {
  const counts = await Promise.all(Object.values(siteRows(db, site)).map((rows) => rows.limit(1).count()));
  return counts.some((n) => n > 0);
}
