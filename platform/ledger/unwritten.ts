import { forgetCookiesSeen } from './cookieWatch';
import { forgetThirdParties } from './thirdParties';

/**
 * Before an erase: the ledger's writers that batch in memory (third-party
 * counts every two seconds, cookies every 400 ms) drop what they gathered about
 * the site, or about every site with null, and finish the write under way. An
 * erase that waits for this is not followed by rows gathered before it.
 */
export async function forgetUnwritten(site: string | null): Promise<void> {
  await Promise.all([forgetThirdParties(site), forgetCookiesSeen(site)]);
}
