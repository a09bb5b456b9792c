import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { I18nContext } from '../../../components/i18n';
import { createTranslator, type Locale } from '../../../core/i18n/translate';

/** Renders a component the way the pages do: inside the translator for a locale. */
export function renderIn(ui: ComponentChildren, locale: Locale = 'en') {
  const t = createTranslator(locale);
  const wrap = (node: ComponentChildren) => <I18nContext.Provider value={t}>{node}</I18nContext.Provider>;
  const result = render(wrap(ui));
  return { ...result, rerender: (next: ComponentChildren) => result.rerender(wrap(next)) };
}
