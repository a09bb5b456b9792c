import type { RetentionDays } from '../settings/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The time before which records are dropped, or null to keep everything. */
export function retentionCutoff(now: number, days: RetentionDays): number | null {
  return days === null ? null : now - days * DAY_MS;
}
