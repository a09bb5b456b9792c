import en from './messages/en.json';
import vi from './messages/vi.json';
import { fillTemplate } from './template';

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type TranslateParams = Readonly<Record<string, string | number>>;
export type Translate = ((key: MessageKey, params?: TranslateParams) => string) & { locale: Locale };

export const CATALOGS: Record<Locale, Catalog> = { en, vi };

/**
 * A message may hold two forms, `one|other`, chosen by the `count` parameter
 * with the locale's plural rules (Vietnamese messages have one form).
 */
function pickPlural(message: string, locale: Locale, params: TranslateParams | undefined): string {
  const bar = message.indexOf('|');
  if (bar === -1 || typeof params?.count !== 'number') return message;
  const form = new Intl.PluralRules(locale).select(params.count);
  return form === 'one' ? message.slice(0, bar) : message.slice(bar + 1);
}

export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  const t = (key: MessageKey, params?: TranslateParams): string => {
    const message = catalog[key] ?? CATALOGS.en[key] ?? key;
    return fillTemplate(pickPlural(message, locale, params), params);
  };
  return Object.assign(t, { locale });
}

/** `auto` follows the browser's interface language, else English. */
export function resolveLocale(setting: 'auto' | Locale, uiLanguage: string): Locale {
  if (setting !== 'auto') return setting;
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}
