import type { ComponentChildren } from 'preact';
import type { Translate } from '../core/i18n/translate';
import { I18nContext } from './i18n';

interface RootProps {
  t: Translate;
  ready: boolean;
  error: string | null;
  children: ComponentChildren;
}

/** Every extension page: the translator, and a clear word while loading or when the background fails. */
export function Root({ t, ready, error, children }: RootProps) {
  return (
    <I18nContext.Provider value={t}>
      {error ? (
        <p class="page-error" role="alert">{t('common.backgroundError', { detail: error })}</p>
      ) : ready ? (
        children
      ) : (
        <p class="page-loading" role="status">{t('common.loading')}</p>
      )}
    </I18nContext.Provider>
  );
}
