import type { RequestRecord } from '../../core/ledger/records';
import type { RequestStatus } from '../../core/requests/types';
import { formatDay } from '../format';
import type { MessageKey } from '../../core/i18n/translate';
import { useT } from '../i18n';
import { Card } from '../ui/Card';

export interface SiteRequestRow {
  record: RequestRecord;
  /** The status as of today: a sent request past its due day is overdue. */
  status: RequestStatus;
  /** A letter by post waiting for an answer: the day it was delivered, if given (its period counts from then). */
  delivery?: { on: string | null } | null;
}

/** The rights requests sent to this site, overdue first, each with its status and due day. */
export function SiteRequests({ rows, onOpen }: { rows: SiteRequestRow[]; onOpen: () => void }) {
  const t = useT();
  return (
    <Card title={t('card.requests.title')} icon="mail" testId="card-requests">
      {rows.length === 0 ? (
        <p class="muted">{t('card.requests.empty')}</p>
      ) : (
        <>
          <ul class="site-requests" data-testid="popup-site-requests">
            {rows.slice(0, 3).map(({ record, status, delivery }) => (
              <li key={record.id} data-status={status}>
                {t('card.requests.row', {
                  type: t(`request.type.${record.type}` as MessageKey),
                  status: t(`request.status.${status}` as MessageKey),
                })}
                {record.dueDate && <span class="muted"> · {t('card.requests.due', { date: formatDay(record.dueDate, t.locale, true) })}</span>}
                {!record.dueDate && delivery && !delivery.on && <span class="muted"> · {t('requests.delivery.awaiting')}</span>}
              </li>
            ))}
          </ul>
          <button type="button" class="button link small" onClick={onOpen}>{t('card.requests.open', { count: rows.length })}</button>
        </>
      )}
    </Card>
  );
}
