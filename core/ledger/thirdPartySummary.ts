import type { ThirdPartyDay } from './records';

/** One third party of a site over a span of days. */
export interface ThirdPartySummary {
  party: string;
  org: string | null;
  category: string | null;
  requests: number;
  /** Days on which the site contacted it. */
  days: number;
  firstAt: number;
  lastAt: number;
}

/** Adds up a site's per-day rows per party, most requests first (then by name, for a stable order). */
export function summarizeThirdParties(rows: readonly ThirdPartyDay[]): ThirdPartySummary[] {
  const byParty = new Map<string, ThirdPartySummary>();
  for (const row of rows) {
    const seen = byParty.get(row.party);
    if (!seen) {
      byParty.set(row.party, { party: row.party, org: row.org, category: row.category, requests: row.requests, days: 1, firstAt: row.firstAt, lastAt: row.lastAt });
      continue;
    }
    seen.requests += row.requests;
    seen.days += 1;
    seen.firstAt = Math.min(seen.firstAt, row.firstAt);
    seen.lastAt = Math.max(seen.lastAt, row.lastAt);
    seen.org ??= row.org;
    seen.category ??= row.category;
  }
  return [...byParty.values()].sort((a, b) => b.requests - a.requests || (a.party < b.party ? -1 : 1));
}
