import { useT } from '../i18n';

/** What a section says while its live query has not answered yet. */
export function Loading() {
  const t = useT();
  return <p class="muted" role="status">{t('common.loading')}</p>;
}
