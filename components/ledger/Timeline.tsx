import type { LedgerEvent } from '../../core/ledger/records';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Card } from '../ui/Card';
import { EventLine } from './EventLine';

interface TimelineProps {
  /** The newest events, one page or more; undefined while they load. */
  events: LedgerEvent[] | undefined;
  more: boolean;
  onMore: () => void;
}

/** Everything recorded on the site, newest first, a page at a time. */
export function Timeline({ events, more, onMore }: TimelineProps) {
  const t = useT();
  return (
    <Card title={t('timeline.title')} icon="clock" testId="timeline">
      {events === undefined ? (
        <Loading />
      ) : events.length === 0 ? (
        <p class="muted">{t('timeline.empty')}</p>
      ) : (
        <ol class="timeline">
          {events.map((e) => (
            <li key={e.id ?? `${e.at}-${e.kind}`}>
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, t.locale)}</time>
              <EventLine event={e} />
            </li>
          ))}
        </ol>
      )}
      {more && <button type="button" class="button secondary small" onClick={onMore}>{t('timeline.more')}</button>}
    </Card>
  );
}
