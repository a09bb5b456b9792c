import type { Locale } from '../core/i18n/translate';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', vi: 'vi-VN' };

export function formatDate(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium' }).format(ms);
}

export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(n);
}

/** A `YYYY-MM-DD` day key, as a short date: "3 Nov", "3 thg 11". Read at local noon, like the key was written. */
export function formatDay(day: string, locale: Locale, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(new Date(y, m - 1, d, 12));
}

/** A list in running text: "a, b and c", "a, b và c". */
export function formatList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(items);
}
