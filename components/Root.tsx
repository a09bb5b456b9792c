import type { ComponentChildren } from 'preact';
import type { Translate } from '../core/i18n/translate';
import { I18nContext } from './i18n';
import { failureText } from './failureText';

interface RootProps {
  t: Translate;
  ready: boolean;
  /** A failure of the background (components/failureText.ts words it), or null. */
  error: unknown;
  children: ComponentChildren;
}

/** Every extension page: the translator, and a clear word while loading or when the background fails. */
export function Root({ t, ready, error, children }: RootProps) {
  return (
    <I18nContext.Provider value={t}>
      {error !== null && error !== undefined ? (
        <p class="page-error" role="alert">{t('common.backgroundError', { detail: failureText(t, error) })}</p>
      ) : ready ? (
        children
      ) : (
        <p class="page-loading" role="status">{t('common.loading')}</p>
      )}
    </I18nContext.Provider>
  );
}
