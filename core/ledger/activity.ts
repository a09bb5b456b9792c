import { dayOf } from './days';
import type { ThirdPartyDay } from './records';

/** What happened on a site on one day, for the activity chart. */
export interface ActivityDay {
  day: string;
  /** Ledger events: what it asked for, and what the extension answered. */
  events: number;
  /** Requests to third parties. */
  requests: number;
}

/**
 * One entry per day of `days`, in that order, zero where nothing happened.
 * Events are given as their times only (read from the `[site+at]` index
 * without loading their data); rows outside `days` are ignored.
 */
export function activityByDay(days: readonly string[], eventTimes: Iterable<number>, thirdParties: readonly ThirdPartyDay[]): ActivityDay[] {
  const index = new Map(days.map((day, i) => [day, i]));
  const out = days.map((day): ActivityDay => ({ day, events: 0, requests: 0 }));
  for (const at of eventTimes) {
    const i = index.get(dayOf(at));
    if (i !== undefined) out[i]!.events += 1;
  }
  for (const row of thirdParties) {
    const i = index.get(row.day);
    if (i !== undefined) out[i]!.requests += row.requests;
  }
  return out;
}
