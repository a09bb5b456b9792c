import { KnownFailure } from '../../core/messaging/failures';
import { siteOf } from '../../core/sites/domain';
import { database } from '../db';
import type { HandlerModule } from '../messaging/router';
import { lastFailure, latestVersion, markSeen } from '../policy/policyStore';
import { isReading, readKnownPolicy, readTabPolicy } from '../policy/tabReader';
import { tabUrl } from '../tabAddress';

/** The policy reader: read the tab's site's policy now, say whether a reading is under way, note a change as seen. */
export const policyHandlers: HandlerModule = {
  extension: {
    // The user asked: the reading period does not apply.
    'policy.read': async ({ tabId }) => {
      const url = await tabUrl(tabId);
      const site = url ? siteOf(url) : null;
      if (!site || !/^https?:/.test(url ?? '')) throw new KnownFailure('notAWebsite', 'this tab does not show a website');
      return readTabPolicy(tabId, site);
    },
    // From the Site page: the URL the policy was last found at (or tried), read again.
    'policy.readSite': async ({ site }) => {
      const known = (await latestVersion(database(), site))?.url ?? (await lastFailure(database(), site))?.url;
      if (!known) throw new KnownFailure('noPolicyAddress', 'no policy address is known for this site yet: open the site and read it from the popup');
      return readKnownPolicy(site, known);
    },
    'policy.status': async ({ site }) => ({ reading: isReading(site) }),
    'policy.seen': async ({ site }) => {
      await markSeen(database(), site, Date.now());
      return null;
    },
  },
};
