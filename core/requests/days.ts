import type { IsoDay } from './types';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Days are counted in UTC so
 * that a day is always 24 hours, whatever the user's time zone and its
 * daylight-saving changes.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO day, or throws a message naming the bad value. */
export function parseIsoDay(day: IsoDay): Date {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new Error(`No such calendar day: "${day}"`);
  }
  return date;
}

export function isIsoDay(value: unknown): value is IsoDay {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDay(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

/** The ISO day of a moment (ms since epoch) in the user's local time. */
export function localIsoDay(ms: number): IsoDay {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addCalendarDays(day: IsoDay, days: number): IsoDay {
  const d = parseIsoDay(day);
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDay(d);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The same date `months` later; when that month is shorter, its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const d = parseIsoDay(day);
  const total = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const date = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return formatIsoDay(new Date(Date.UTC(year, month, date)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: IsoDay): number {
  return parseIsoDay(day).getUTCDay();
}

export function isWorkingDay(day: IsoDay, holidays: ReadonlySet<IsoDay>): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !holidays.has(day);
}

/** The day itself when it is a working day, else the next one. */
export function nextWorkingDay(day: IsoDay, holidays: ReadonlySet<IsoDay>): IsoDay {
  let d = day;
  while (!isWorkingDay(d, holidays)) d = addCalendarDays(d, 1);
  return d;
}

/** `count` working days after `day` (the start day itself never counts). */
export function addBusinessDays(day: IsoDay, count: number, holidays: ReadonlySet<IsoDay>): IsoDay {
  let d = day;
  let left = count;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return Math.round((parseIsoDay(b).getTime() - parseIsoDay(a).getTime()) / 86_400_000);
}
