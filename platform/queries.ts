import type { ConsentRecord } from '../core/consent/record';
import type { RequestRecord, SiteRecord } from '../core/ledger/records';
import { database } from './db';

/** Reads used by the extension pages, inside liveQuery so they stay current. */
export const queries = {
  allSites: (): Promise<SiteRecord[]> => database().sites.toArray(),
  site: async (site: string): Promise<SiteRecord | null> => (await database().sites.get(site)) ?? null,
  allRequests: (): Promise<RequestRecord[]> => database().requests.orderBy('dueAt').toArray(),
  /** The site's consent answers, newest first. */
  consentAnswers: async (site: string): Promise<ConsentRecord[]> =>
    (await database().events.where('[site+at]').between([site, -Infinity], [site, Infinity]).reverse().toArray())
      .filter((e) => e.kind === 'consent.answer')
      .map((e) => e.data as ConsentRecord),
};
