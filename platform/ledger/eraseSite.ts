import type { LedgerDatabase } from '../db';
import { forgetHeld } from './forgetHeld';
import { siteRows } from './siteRows';

/**
 * Erases everything recorded about one site: what the background holds about
 * it outside the database (`forgetHeld.ts`), then every row of it, in every
 * table in one transaction. The user's settings for the site (a rule, a
 * pause) are choices, not records, and stay.
 */
export async function eraseSite(db: LedgerDatabase, site: string): Promise<void> {
  await forgetHeld(site);
  await db.transaction('rw', db.everyTable, async () => {
    await Promise.all([db.sites.delete(site), ...Object.values(siteRows(db, site)).map((rows) => rows.delete())]);
  });
}
