/**
 * Local calendar days, the unit the ledger counts activity in. A day is
 * written `YYYY-MM-DD` in the browser's time zone, as `ThirdPartyDay.day` is.
 */

const MS_PER_DAY = 86_400_000;

/** The local calendar day of a moment. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight at the start of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return dayBounds(ms)[0];
}

/** Local midnight at the start of the day holding `ms`, and at the start of the next: a calendar day, whatever daylight saving does. */
export function dayBounds(ms: number): [number, number] {
  const d = new Date(ms);
  return [new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(), new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime()];
}

/** Local noon of a day key: a moment safely inside the day whatever daylight saving does. */
export function noonOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
}

/** The `count` days ending with the day of `now`, oldest first. */
export function lastDays(now: number, count: number): string[] {
  const today = noonOf(dayOf(now));
  return Array.from({ length: count }, (_, i) => dayOf(today - (count - 1 - i) * MS_PER_DAY));
}

/** Local midnight `days` days before today's start: where "the last N days" begins. */
export function daysAgo(now: number, days: number): number {
  return startOfDay(noonOf(dayOf(now)) - days * MS_PER_DAY);
}
