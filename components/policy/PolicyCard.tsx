import type { PolicyReadResult } from '../../core/messaging/protocol';
import type { PolicyRecord } from '../../core/ledger/records';
import type { PrincipleScore } from '../../core/policy/scorecard';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { Card } from '../ui/Card';
import { FactList } from './FactList';
import { PolicyChanged } from './PolicyChanged';
import { PolicyStatus } from './PolicyStatus';
import { Scorecard } from './Scorecard';
import { POPUP_FIELDS } from './words';
import { failureText } from '../failureText';

export interface PolicyPanelProps {
  /** Versions read, newest first; undefined while loading. */
  versions: PolicyRecord[] | undefined;
  failure: PolicyRecord | null;
  scores: PrincipleScore[] | undefined;
  reading: boolean;
  result: PolicyReadResult | null;
  error: unknown;
  onReadNow: () => void;
  onSeen: () => void;
}

/** The popup's policy card: the summary's key facts, a change notice, the scorecard, and "Read now". */
export function PolicyCard({ versions, failure, scores, reading, result, error, onReadNow, onSeen }: PolicyPanelProps) {
  const t = useT();
  const latest = versions?.[0] ?? null;
  const summary = latest?.summary ?? null;
  return (
    <Card title={t('card.policy.title')} icon="doc" testId="card-policy" tone={latest?.changes && latest.seenAt === null ? 'warn' : 'neutral'}>
      {latest && latest.changes && latest.seenAt === null && <PolicyChanged version={latest} onSeen={onSeen} />}
      <PolicyStatus reading={reading} failure={failure} hasVersion={latest !== null} />
      {error !== null && error !== undefined && <p class="popup-error" role="alert">{t('popup.error', { detail: failureText(t, error) })}</p>}
      {!reading && result?.status === 'ok' && result.outcome === 'unchanged' && <p class="muted" role="status" data-testid="policy-unchanged">{t('policy.read.unchanged')}</p>}
      {summary && (
        <>
          <p class="muted policy-source">
            {t('policy.source', { url: latest!.url, date: formatDate(latest!.checkedAt ?? latest!.fetchedAt, t.locale) })}
          </p>
          <FactList summary={summary} fields={POPUP_FIELDS} />
        </>
      )}
      {scores && (
        <details class="policy-scorecard" open={summary !== null}>
          <summary>{t('scorecard.title')}</summary>
          <Scorecard scores={scores} />
        </details>
      )}
      <button type="button" class="button secondary small" onClick={onReadNow} disabled={reading} data-testid="policy-read-now">
        {latest ? t('policy.readAgain') : t('policy.readNow')}
      </button>
    </Card>
  );
}
