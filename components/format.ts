import type { Locale } from '../core/i18n/translate';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', vi: 'vi-VN' };

export function formatDate(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium' }).format(ms);
}

export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
