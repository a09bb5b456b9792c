import type { RequestRecord } from '../../core/ledger/records';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';
import { Notice } from '../ui/Notice';

interface RequestsViewProps {
  requests: RequestRecord[] | undefined;
  /** A request the user started from a site's page; the composer that writes it comes later. */
  draft: { site: string; type: 'access' | 'erasure' } | null;
}

export function RequestsView({ requests, draft }: RequestsViewProps) {
  const t = useT();
  return (
    <>
      <header class="page-header">
        <h1>{t('requests.title')}</h1>
        <p class="lead">{t('requests.lead')}</p>
      </header>
      {draft && (
        <Notice tone="info">
          <span data-testid="request-draft">{t(draft.type === 'access' ? 'requests.draft.access' : 'requests.draft.erasure', { site: draft.site })}</span>
        </Notice>
      )}
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
