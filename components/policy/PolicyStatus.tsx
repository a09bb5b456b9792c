import type { MessageKey } from '../../core/i18n/translate';
import type { PolicyRecord } from '../../core/ledger/records';
import { formatDate } from '../format';
import { useT } from '../i18n';

/** Where the reading stands: reading, never read, or why it failed. */
export function PolicyStatus({ reading, failure, hasVersion }: { reading: boolean; failure: PolicyRecord | null; hasVersion: boolean }) {
  const t = useT();
  if (reading) return <p class="muted" role="status" data-testid="policy-status" data-status="reading">{t('policy.status.reading')}</p>;
  if (failure) {
    const status = failure.status ?? 'failed';
    return (
      <p class="policy-failure" role="status" data-testid="policy-status" data-status={status}>
        {t(`policy.status.${status}` as MessageKey, { detail: failure.detail ?? '' })}
        <span class="muted"> · {formatDate(failure.fetchedAt, t.locale)}</span>
      </p>
    );
  }
  if (!hasVersion) return <p class="muted" data-testid="policy-status" data-status="none">{t('card.policy.empty')}</p>;
  return null;
}
