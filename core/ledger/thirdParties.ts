import type { ThirdPartyDay } from './records';
import { dayBounds, dayOf } from './days';

/**
 * The third-party ledger counts, it does not list: requests from one site to
 * one third party on one local day become one row (`ThirdPartyDay`). These
 * functions fold observed requests into such rows and merge them into what
 * the database already holds.
 */

/** One request from a page of `site` to `party`, seen at `at`. */
export interface ThirdPartyObservation {
  site: string;
  party: string;
  at: number;
  /** From the tracker dataset, for the request's host; null when it does not know it. */
  org: string | null;
  category: string | null;
}

/** The last day computed and the times it spans: requests come in runs on the same day. */
let lastDay = { from: 0, to: 0, day: '' };

/** The local calendar day of a time (`dayOf`), remembered for the run of requests that share it. */
export function localDay(at: number): string {
  if (at >= lastDay.from && at < lastDay.to) return lastDay.day;
  const [from, to] = dayBounds(at);
  lastDay = { from, to, day: dayOf(at) };
  return lastDay.day;
}

export function thirdPartyId(site: string, day: string, party: string): string {
  return `${site}|${day}|${party}`;
}

/**
 * Adds requests counted for the same row to a row (or starts one): counts
 * add up, times widen, and the first organisation known for the party stays.
 */
export function mergeThirdParty(existing: ThirdPartyDay | undefined, add: ThirdPartyDay): ThirdPartyDay {
  if (!existing) return { ...add };
  const known = existing.org !== null ? existing : add;
  return {
    ...existing,
    requests: existing.requests + add.requests,
    org: known.org,
    category: known.category,
    firstAt: Math.min(existing.firstAt, add.firstAt),
    lastAt: Math.max(existing.lastAt, add.lastAt),
  };
}

/** Counts one observation into `pending`, keyed by row id. The map owns its rows. */
export function addObservation(pending: Map<string, ThirdPartyDay>, seen: ThirdPartyObservation): void {
  const day = localDay(seen.at);
  const id = thirdPartyId(seen.site, day, seen.party);
  const row = pending.get(id);
  if (!row) {
    pending.set(id, { id, site: seen.site, day, party: seen.party, requests: 1, org: seen.org, category: seen.category, firstAt: seen.at, lastAt: seen.at });
    return;
  }
  row.requests += 1;
  if (seen.at < row.firstAt) row.firstAt = seen.at;
  if (seen.at > row.lastAt) row.lastAt = seen.at;
  if (row.org === null && seen.org !== null) Object.assign(row, { org: seen.org, category: seen.category });
}

/** Many observations as rows: one per site, day and party. */
export function aggregateObservations(observations: Iterable<ThirdPartyObservation>): ThirdPartyDay[] {
  const pending = new Map<string, ThirdPartyDay>();
  for (const seen of observations) addObservation(pending, seen);
  return [...pending.values()];
}

/**
 * The (site, party) pairs among `rows`, once each: a site's distinct third
 * parties grow by those of these pairs never seen before on the site.
 */
export function distinctPairs(rows: readonly ThirdPartyDay[]): ThirdPartyDay[] {
  const pairs = new Map<string, ThirdPartyDay>();
  for (const row of rows) {
    const key = `${row.site}|${row.party}`;
    if (!pairs.has(key)) pairs.set(key, row);
  }
  return [...pairs.values()];
}
