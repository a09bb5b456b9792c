import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../core/i18n/translate';

export const I18nContext = createContext<Translate | null>(null);

/** The translator the page was rendered with. */
export function useT(): Translate {
  const t = useContext(I18nContext);
  if (!t) throw new Error('useT() outside an I18nContext provider');
  return t;
}
