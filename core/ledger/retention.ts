import type { RetentionDays } from '../settings/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The time before which records are dropped, or null to keep everything. */
export function retentionCutoff(now: number, days: RetentionDays): number | null {
  return days === null ? null : now - days * DAY_MS;
}

/** The local calendar day of a time, `YYYY-MM-DD`, as third-party rows name their day. */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
