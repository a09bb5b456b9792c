import type { MessageKey } from '../../core/i18n/translate';
import type { RequestRecord } from '../../core/ledger/records';
import type { FollowUpKind, PauseKind, RequestStatus, RequestType } from '../../core/requests/types';
import { formatDay } from '../format';
import { useT } from '../i18n';
import { ClockControl, type ClockState } from './ClockControl';
import { DayAction } from './DayAction';

/** A stored request and its status today (`overdue` once its due day has passed without an answer). */
export interface TrackedRow {
  record: RequestRecord;
  status: RequestStatus;
  /** The day it was sent (core/requests/receipt.ts `sentDay`), null for a draft. */
  sent: string | null;
  /** A letter by post waiting for an answer: its delivery day, which starts the period, and the days it may be. */
  delivery?: { on: string | null; min: string | null; max: string } | null;
  /** Where the law lets the company stop the clock. */
  clock?: ClockState | null;
  /** The reminder days still ahead (today included), for a request waiting for an answer. */
  reminders?: string[];
}

interface RequestListProps {
  /** Overdue first, then by due day. */
  rows: TrackedRow[];
  /** The request a reminder notification opened. */
  highlight: string | null;
  regimeName: (id: string) => string;
  onStatus: (id: string, status: RequestStatus) => void;
  /** A letter by post reached the company on a day. */
  onDelivered: (id: string, day: string) => void;
  /** The company asked for something first, on a day; the user sent it, on a day. */
  onPause: (id: string, kind: PauseKind, day: string) => void;
  onResume: (id: string, day: string) => void;
  onFollowUp: (id: string, kind: FollowUpKind | 'checklist') => void;
  onDelete: (id: string) => void;
}

/**
 * Both letters say the period to answer has ended, on its due day: a reminder once it has without an answer,
 * a complaint then or against an answer the user disputes (or again, once filed). Never while the company
 * still has time, nor for a request that never had a due day (a letter by post without its delivery day,
 * an answer that came while the clock was stopped).
 */
const REMINDER_WHEN: readonly RequestStatus[] = ['overdue'];
const COMPLAINT_WHEN: readonly RequestStatus[] = ['overdue', 'answered', 'complaintFiled'];

/** The steps each status offers; `extended` only where the law allows one (the request has an extended due day). */
const NEXT: Partial<Record<RequestStatus, RequestStatus[]>> = {
  draft: ['sent'],
  sent: ['acknowledged', 'extended', 'answered', 'closed'],
  acknowledged: ['extended', 'answered', 'closed'],
  extended: ['answered', 'closed'],
  paused: ['answered', 'closed'],
  overdue: ['answered', 'complaintFiled', 'closed'],
  answered: ['complaintFiled', 'closed'],
  complaintFiled: ['closed'],
};

export function RequestList({ rows, highlight, regimeName, onStatus, onDelivered, onPause, onResume, onFollowUp, onDelete }: RequestListProps) {
  const t = useT();
  return (
    <div class="table-scroll">
      <table class="table requests-table" data-testid="requests-table">
        <caption class="visually-hidden">{t('requests.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sites.col.site')}</th>
            <th scope="col">{t('requests.col.type')}</th>
            <th scope="col">{t('requests.col.status')}</th>
            <th scope="col">{t('requests.col.sent')}</th>
            <th scope="col">{t('requests.col.due')}</th>
            <th scope="col">{t('requests.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ record: r, status, sent, delivery, clock, reminders }) => (
            <tr key={r.id} data-testid="request-row" data-request={r.id} class={r.id === highlight ? 'highlight' : undefined}>
              <th scope="row">
                {r.site}
                <div class="muted small">{regimeName(r.regime)}{r.contact ? ` · ${r.contact.value}` : ''}</div>
              </th>
              <td>{t(`request.type.${r.type as RequestType}` as MessageKey)}</td>
              <td><span class={`badge badge-${status}`} data-testid="request-status">{t(`request.status.${status}` as MessageKey)}</span></td>
              <td>{sent ? formatDay(sent, t.locale, true) : '—'}</td>
              <td>
                <span data-testid="request-due">
                  {r.dueDate ? formatDay(r.dueDate, t.locale, true)
                    : clock?.stoppedSince ? t('requests.pause.stopped', { date: formatDay(clock.stoppedSince, t.locale, true) })
                    : delivery ? t('requests.delivery.awaiting') : '—'}
                </span>
                {delivery?.on && <div class="muted small" data-testid="request-delivered">{t('requests.delivery.on', { date: formatDay(delivery.on, t.locale, true) })}</div>}
                {reminders && reminders.length > 0 && (
                  <div class="muted small" data-testid="request-reminders">
                    {t('requests.reminders', { days: reminders.map((d) => formatDay(d, t.locale)).join(', ') })}
                  </div>
                )}
              </td>
              <td>
                <div class="row-actions">
                  {(NEXT[status] ?? []).filter((next) => next !== 'extended' || r.extendedDueDate !== null).map((next) => (
                    <button key={next} type="button" class="button link" onClick={() => onStatus(r.id, next)}>{t(`requests.mark.${next}` as MessageKey)}</button>
                  ))}
                  {delivery && (
                    <DayAction label={t(delivery.on ? 'requests.delivery.change' : 'requests.delivery.add')} field={t('requests.delivery.label')}
                      initial={delivery.on ?? delivery.max} min={delivery.min} max={delivery.max} testId="request-delivery" onSave={(day) => onDelivered(r.id, day)} />
                  )}
                  {clock && <ClockControl id={r.id} clock={clock} onPause={(kind, day) => onPause(r.id, kind, day)} onResume={(day) => onResume(r.id, day)} />}
                  {REMINDER_WHEN.includes(status) && r.dueDate && (
                    <button type="button" class="button link" onClick={() => onFollowUp(r.id, 'reminder')}>{t('requests.followUp.reminder')}</button>
                  )}
                  {COMPLAINT_WHEN.includes(status) && r.dueDate && (
                    <button type="button" class="button link" onClick={() => onFollowUp(r.id, 'complaint')}>{t('requests.followUp.complaint')}</button>
                  )}
                  {status !== 'draft' && (
                    <button type="button" class="button link" onClick={() => onFollowUp(r.id, 'checklist')}>{t('requests.followUp.checklist')}</button>
                  )}
                  <button type="button" class="button link danger-text" onClick={() => onDelete(r.id)}>{t('common.remove')}</button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

