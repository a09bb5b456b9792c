import { formatNumber } from '../format';
import { useT } from '../i18n';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  label: string;
  onPage: (page: number) => void;
}

/** Previous and next through a long list, and where in it the reader is. */
export function Pager({ page, pageSize, total, label, onPage }: PagerProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const first = page * pageSize + 1;
  const last = Math.min(total, first + pageSize - 1);
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="button secondary small" disabled={page === 0} onClick={() => onPage(page - 1)}>{t('pager.previous')}</button>
      <span class="pager-where" aria-live="polite">
        {t('pager.where', { first: formatNumber(first, t.locale), last: formatNumber(last, t.locale), total: formatNumber(total, t.locale), page: page + 1, pages })}
      </span>
      <button type="button" class="button secondary small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>{t('pager.next')}</button>
    </nav>
  );
}
