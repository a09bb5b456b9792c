import { useState } from 'preact/hooks';
import type { ThirdPartySummary } from '../../core/ledger/thirdPartySummary';
import { formatNumber } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Card } from '../ui/Card';
import { categoryName } from './words';

const FIRST = 25;

/** The third parties the site sent the browser to over the chart's period, with a bar per party. */
export function ThirdPartiesTable({ parties, days }: { parties: ThirdPartySummary[] | undefined; days: number }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const max = Math.max(1, ...(parties ?? []).map((p) => p.requests));
  const rows = all ? parties : parties?.slice(0, FIRST);
  return (
    <Card title={t('parties.title', { days })} icon="share" testId="third-parties">
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="muted">{t('parties.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table compact">
            <caption class="visually-hidden">{t('parties.title', { days })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('parties.col.party')}</th>
                <th scope="col">{t('parties.col.org')}</th>
                <th scope="col">{t('parties.col.category')}</th>
                <th scope="col" class="num">{t('parties.col.requests')}</th>
                <th scope="col" class="num">{t('parties.col.days')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.party}>
                  <th scope="row">{p.party}</th>
                  <td>{p.org ?? '—'}</td>
                  <td>{categoryName(t, p.category)}</td>
                  <td class="num">
                    <span class="bar-cell">
                      <span class="bar-track" aria-hidden="true"><span class="bar" style={{ width: `${(p.requests / max) * 100}%` }} /></span>
                      {formatNumber(p.requests, t.locale)}
                    </span>
                  </td>
                  <td class="num">{formatNumber(p.days, t.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {parties && parties.length > FIRST && (
        <button type="button" class="button link" onClick={() => setAll(!all)}>
          {all ? t('parties.fewer') : t('parties.all', { count: parties.length })}
        </button>
      )}
    </Card>
  );
}
