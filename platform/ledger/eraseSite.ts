import type { LedgerDatabase } from '../db';
import { forgetGpcChecks } from '../gpc/declaration';
import { sessionRemoveWhere } from '../sessionStore';
import { siteRows } from './siteRows';
import { tabContacts } from './tabContacts';
import { forgetUnwritten } from './unwritten';

/** Session keys that name the site: the loop guard's recent answers and the GPC check. */
const SITE_SESSION_KEY = /^(?:answers\.\d+|gpcChecked)\.(.+)$/;

/**
 * Erases everything recorded about one site, in every table in one
 * transaction, once what was gathered about it and not yet written is dropped;
 * then the session state kept about it (its keys, and the parties its open
 * pages contacted). The user's settings for
 * the site (a rule, a pause) are choices, not records, and stay.
 */
export async function eraseSite(db: LedgerDatabase, site: string): Promise<void> {
  await forgetUnwritten(site);
  await db.transaction('rw', db.everyTable, async () => {
    await Promise.all([db.sites.delete(site), ...Object.values(siteRows(db, site)).map((rows) => rows.delete())]);
  });
  await sessionRemoveWhere((key) => SITE_SESSION_KEY.exec(key)?.[1] === site);
  forgetGpcChecks(site);
  await tabContacts.forgetSite(site);
}
