import { useMemo } from 'preact/hooks';
import { createTranslator, resolveLocale, type Translate } from '../core/i18n/translate';
import type { LanguageSetting } from '../core/settings/schema';

/** The translator for the user's language setting; `auto` follows the browser. */
export function useTranslator(language: LanguageSetting | undefined): Translate {
  return useMemo(() => {
    const locale = resolveLocale(language ?? 'auto', navigator.language);
    document.documentElement.lang = locale;
    return createTranslator(locale);
  }, [language]);
}
