import { forgetGpcChecks } from '../gpc/declaration';
import { sessionClear, sessionRemoveWhere } from '../sessionStore';
import { forgetCookiesSeen } from './cookieWatch';
import { tabContacts } from './tabContacts';
import { forgetThirdParties } from './thirdParties';

/** Session keys that name the site: the loop guard's recent answers and the GPC check. */
const SITE_SESSION_KEY = /^(?:answers\.\d+|gpcChecked)\.(.+)$/;

/**
 * What the background holds about a site outside the database, forgotten for
 * an erase of that site (of every site, with null) before any row is deleted:
 * - what the writers that batch in memory gathered and have not written (the
 *   third-party counts every 2 s, the cookies every 400 ms): dropped, and the
 *   write under way finished, so no row from before the erase lands after it;
 * - the session's keys about it (the loop guard's answers, the GPC check) and
 *   the parties its open pages contacted; for every site, the whole session
 *   (the open tabs' answers, the identity's key too).
 */
export async function forgetHeld(site: string | null): Promise<void> {
  await Promise.all([forgetThirdParties(site), forgetCookiesSeen(site)]);
  if (site === null) {
    tabContacts.forgetAll();
    forgetGpcChecks();
    await sessionClear();
    return;
  }
  await sessionRemoveWhere((key) => SITE_SESSION_KEY.exec(key)?.[1] === site);
  forgetGpcChecks(site);
  await tabContacts.forgetSite(site);
}
