import type { ConsentRecord } from '../core/consent/record';
import { activityByDay, type ActivityDay } from '../core/ledger/activity';
import { dayOf, daysAgo, lastDays, startOfDay } from '../core/ledger/days';
import type { CookieRecord, LedgerEvent, RequestRecord, SiteRecord, ThirdPartyDay } from '../core/ledger/records';
import { summarizeThirdParties, type ThirdPartySummary } from '../core/ledger/thirdPartySummary';
import { summarizeToday, type TodaySummary } from '../core/ledger/today';
import { database } from './db';

/** Where the next page of a site's timeline starts: just older than this event. */
export interface EventCursor {
  at: number;
  id: number;
}

export interface EventPage {
  events: LedgerEvent[];
  /** Older events exist beyond this page. */
  more: boolean;
}

/** Caps on what one read may load, so a site with years of history stays quick. */
export const LIMITS = { today: 1000, cookies: 1000, consentAnswers: 20, asked: 200 } as const;

/** The site's events as the `[site+at]` index holds them, newest first (ties: newest id first). */
const newestFirst = (site: string, since = -Infinity, until = Infinity) =>
  database().events.where('[site+at]').between([site, since], [site, until], true, true).reverse();

/** The site's per-day third-party rows from `fromDay` on. */
const thirdPartyDays = (site: string, fromDay: string): Promise<ThirdPartyDay[]> =>
  database().thirdParties.where('[site+day]').between([site, fromDay], [site, '\uffff'], true, true).toArray();

/** The site's events of some kinds, newest first; reads the site's index range only, stopping at `limit`. */
async function eventsOfKinds(site: string, kinds: readonly string[], limit: number): Promise<LedgerEvent[]> {
  const wanted = new Set(kinds);
  return newestFirst(site).filter((e) => wanted.has(e.kind)).limit(limit).toArray();
}

/**
 * Reads used by the extension pages, inside liveQuery so they stay current.
 * Each one reads one site's slice of an index (never every event of every
 * site) and aggregates in `core/ledger/`.
 */
export const queries = {
  allSites: (): Promise<SiteRecord[]> => database().sites.toArray(),
  site: async (site: string): Promise<SiteRecord | null> => (await database().sites.get(site)) ?? null,
  /** Every request, drafts and letters waiting for their delivery day included: an index on `dueAt` would leave out those without one. The tracker sorts them. */
  allRequests: (): Promise<RequestRecord[]> => database().requests.toArray(),
  siteRequests: (site: string): Promise<RequestRecord[]> => database().requests.where('site').equals(site).toArray(),
  /** The site's latest consent answers, newest first. */
  consentAnswers: async (site: string): Promise<ConsentRecord[]> =>
    (await eventsOfKinds(site, ['consent.answer'], LIMITS.consentAnswers)).map((e) => e.data as ConsentRecord),
  /** The latest events of the kinds the Site detail page has sections for. */
  eventsOfKinds,
  /** One page of the site's timeline, newest first: `limit` events older than `before`, if given. */
  siteEvents: async (site: string, limit: number, before?: EventCursor): Promise<EventPage> => {
    let collection = newestFirst(site, -Infinity, before?.at ?? Infinity);
    if (before) collection = collection.filter((e) => e.at < before.at || (e.id ?? 0) < before.id);
    const rows = await collection.limit(limit + 1).toArray();
    return { events: rows.slice(0, limit), more: rows.length > limit };
  },
  /** The site's events since a moment, newest first. */
  eventsSince: (site: string, since: number): Promise<LedgerEvent[]> => newestFirst(site, since).limit(LIMITS.today).toArray(),
  /** What the popup says about the site for the calendar day of `now`. */
  today: async (site: string, now: number): Promise<TodaySummary> => {
    const [events, parties] = await Promise.all([
      queries.eventsSince(site, startOfDay(now)),
      database().thirdParties.where('[site+day]').equals([site, dayOf(now)]).toArray(),
    ]);
    return summarizeToday(events, parties);
  },
  /** The site's cookies, most recently set first. */
  siteCookies: (site: string): Promise<CookieRecord[]> =>
    database().cookies.where('[site+lastSetAt]').between([site, -Infinity], [site, Infinity]).reverse().limit(LIMITS.cookies).toArray(),
  /** The site's third parties over the last `days` days (today included), most requests first. */
  siteThirdParties: async (site: string, now: number, days: number): Promise<ThirdPartySummary[]> =>
    summarizeThirdParties(await thirdPartyDays(site, dayOf(daysAgo(now, days - 1)))),
  /**
   * Events and third-party requests per day over the last `days` days. Events
   * are counted from the index keys alone: their data is never loaded.
   */
  siteActivity: async (site: string, now: number, days: number): Promise<ActivityDay[]> => {
    const span = lastDays(now, days);
    const [keys, parties] = await Promise.all([
      database().events.where('[site+at]').between([site, daysAgo(now, days - 1)], [site, Infinity], true, true).keys(),
      thirdPartyDays(site, span[0]!),
    ]);
    return activityByDay(span, keys.map((key) => (key as unknown as [string, number])[1]), parties);
  },
};
