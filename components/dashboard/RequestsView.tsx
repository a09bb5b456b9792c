import type { ComponentChildren } from 'preact';
import type { FollowUpKind, NotificationsState, PauseKind, RequestStatus } from '../../core/requests/types';
import { useT } from '../i18n';
import { RemindersNotice } from '../requests/RemindersNotice';
import { RequestList, type TrackedRow } from '../requests/RequestList';
import { Icon } from '../ui/Icon';
import { Notice } from '../ui/Notice';
import { failureText } from '../failureText';

interface RequestsViewProps {
  /** Overdue first, then by due day; undefined while read. */
  rows: TrackedRow[] | undefined;
  /** The composer, when a request is being written (`#/requests?site=…&type=…`). */
  composer: ComponentChildren;
  /** A follow-up letter or reply checklist being shown. */
  followUp: ComponentChildren;
  highlight: string | null;
  regimeName: (id: string) => string;
  onStatus: (id: string, status: RequestStatus) => void;
  onDelivered: (id: string, day: string) => void;
  onPause: (id: string, kind: PauseKind, day: string) => void;
  onResume: (id: string, day: string) => void;
  onFollowUp: (id: string, kind: FollowUpKind | 'checklist') => void;
  onDelete: (id: string) => void;
  onExportIcs: () => void;
  /** Whether reminders may show as notifications; null while read. */
  notifications?: NotificationsState | null;
  /** Asks the browser for the notifications permission (from the click). */
  onAllowNotifications?: () => void;
  /** Why the last change to a tracked request failed, if it did. */
  error?: unknown;
}

export function RequestsView({ rows, composer, followUp, highlight, regimeName, onStatus, onDelivered, onPause, onResume, onFollowUp, onDelete, onExportIcs, notifications = null, onAllowNotifications, error = null }: RequestsViewProps) {
  const t = useT();
  const overdue = rows?.filter((r) => r.status === 'overdue').length ?? 0;
  const reminding = rows?.some((r) => (r.reminders?.length ?? 0) > 0) ?? false;
  return (
    <>
      <header class="page-header">
        <h1>{t('requests.title')}</h1>
        <p class="lead">{t('requests.lead')}</p>
      </header>
      {composer}
      {followUp}
      <h2 class="section-title">{t('requests.tracker')}</h2>
      <div aria-live="polite">{error !== null && error !== undefined && <Notice tone="error">{t('data.failed', { detail: failureText(t, error) })}</Notice>}</div>
      {rows === undefined ? (
        <p class="muted" role="status">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <div class="empty">
          <Icon name="mail" size={36} />
          <h2>{t('requests.empty.title')}</h2>
          <p>{t('requests.empty.body')}</p>
        </div>
      ) : (
        <>
          {overdue > 0 && <p class="overdue-line" role="status">{t('requests.overdueCount', { count: overdue })}</p>}
          {reminding && notifications && <RemindersNotice state={notifications} onAllow={onAllowNotifications} />}
          <RequestList rows={rows} highlight={highlight} regimeName={regimeName} onStatus={onStatus} onDelivered={onDelivered} onPause={onPause} onResume={onResume} onFollowUp={onFollowUp} onDelete={onDelete} />
          <div class="actions">
            <button type="button" class="button secondary" onClick={onExportIcs}>{t('requests.ics')}</button>
          </div>
        </>
      )}
    </>
  );
}
