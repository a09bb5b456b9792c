import type { RequestRecord } from '../../core/ledger/records';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';

export function RequestsView({ requests }: { requests: RequestRecord[] | undefined }) {
  const t = useT();
  return (
    <>
      <header class="page-header">
        <h1>{t('requests.title')}</h1>
        <p class="lead">{t('requests.lead')}</p>
      </header>
      {requests === undefined ? (
        <p class="muted" role="status">{t('common.loading')}</p>
      ) : requests.length === 0 ? (
        <div class="empty">
          <Icon name="mail" size={36} />
          <h2>{t('requests.empty.title')}</h2>
          <p>{t('requests.empty.body')}</p>
        </div>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('requests.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sites.col.site')}</th>
              <th scope="col">{t('requests.col.type')}</th>
              <th scope="col">{t('requests.col.status')}</th>
              <th scope="col">{t('requests.col.due')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.site}</th>
                <td>{r.type}</td>
                <td>{r.status}</td>
                <td>{r.dueAt === null ? '—' : formatDate(r.dueAt, t.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
