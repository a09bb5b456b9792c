import type { PolicyRecord } from '../../core/ledger/records';
import type { PolicySummary } from '../../core/policy/types';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { Card } from '../ui/Card';
import { FactList, Quote } from './FactList';
import type { PolicyPanelProps } from './PolicyCard';
import { PolicyChanged } from './PolicyChanged';
import { PolicyStatus } from './PolicyStatus';
import { Scorecard } from './Scorecard';
import { contactLine, type SummaryField } from './words';
import { failureText } from '../failureText';

/** The Site page's policy section: every field with its quotes and confidence, every contact, the versions, the scorecard. */
export function PolicySection({ versions, failure, scores, reading, result, error, onReadNow, onSeen }: PolicyPanelProps) {
  const t = useT();
  const latest = versions?.[0] ?? null;
  const summary = latest?.summary ?? null;
  // The Site page has no tab to scan: it can only read again from an address the policy was found or tried at.
  const canRead = latest !== null || (failure !== null && failure.status !== 'noLink' && failure.url !== '');
  return (
    <>
      <Card title={t('card.policy.title')} icon="doc" testId="site-policy">
        {latest && latest.changes && latest.seenAt === null && <PolicyChanged version={latest} onSeen={onSeen} />}
        <PolicyStatus reading={reading} failure={failure} hasVersion={latest !== null} />
        {error !== null && error !== undefined && <p class="popup-error" role="alert">{t('popup.error', { detail: failureText(t, error) })}</p>}
        {!reading && result?.status === 'ok' && result.outcome === 'unchanged' && <p class="muted" role="status">{t('policy.read.unchanged')}</p>}
        {summary && latest && <SummaryDetail summary={summary} version={latest} />}
        <button type="button" class="button secondary small" onClick={onReadNow} disabled={reading || !canRead} data-testid="site-policy-read">
          {latest ? t('policy.readAgain') : t('policy.readNow')}
        </button>
        {!canRead && <p class="muted">{t('policy.readFromPopup')}</p>}
      </Card>
      <Card title={t('scorecard.title')} icon="check" testId="site-scorecard">
        {scores ? <Scorecard scores={scores} /> : <p class="muted">{t('common.loading')}</p>}
      </Card>
      {versions && versions.length > 0 && (
        <Card title={t('policy.versions.title')} icon="list" testId="site-policy-versions">
          <ol class="policy-versions">
            {versions.map((v) => (
              <li key={v.id ?? v.hash}>
                <span>{formatDateTime(v.fetchedAt, t.locale)}</span> <code title={v.hash}>{v.hash.slice(0, 12)}</code>
                <span class="muted"> {v.changes === null || v.changes === undefined ? t('policy.versions.first') : t('policy.versions.changes', { count: v.changes.length })}</span>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}

const ALL_FIELDS: readonly SummaryField[] = [
  'controller', 'bestContact', 'sale', 'retention', 'rights', 'rightsExercise', 'dataCategories', 'purposes', 'sharing',
  'transfers', 'childrenMinAge', 'legalBases', 'regimes', 'lastUpdated',
];

function SummaryDetail({ summary, version }: { summary: PolicySummary; version: PolicyRecord }) {
  const t = useT();
  return (
    <>
      <p class="muted policy-source">
        {t('policy.source', { url: version.url, date: formatDateTime(version.checkedAt ?? version.fetchedAt, t.locale) })}
        {' · '}{t('policy.language', { language: summary.language })}
      </p>
      <FactList summary={summary} fields={ALL_FIELDS} showConfidence />
      {summary.contacts.length > 0 && (
        <details class="policy-contacts">
          <summary>{t('policy.contacts.title', { count: summary.contacts.length })}</summary>
          <ul>
            {summary.contacts.map((c) => (
              <li key={`${c.channel}:${c.value}:${c.evidence.start}`} data-role={c.role}>
                {contactLine(t, c)}
                <Quote evidence={[c.evidence]} t={t} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
