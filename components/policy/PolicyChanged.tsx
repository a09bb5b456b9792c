import type { PolicyRecord } from '../../core/ledger/records';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { changedFactText, fieldWord } from './words';

/** "The policy changed", with what changed in the extracted fields, until the user dismisses it. */
export function PolicyChanged({ version, onSeen }: { version: PolicyRecord; onSeen: () => void }) {
  const t = useT();
  const changes = version.changes ?? [];
  return (
    <div class="notice notice-info policy-changed" role="status" data-testid="policy-changed">
      <div>
        <p class="card-fact">{t('policy.changed.title', { date: formatDate(version.fetchedAt, t.locale) })}</p>
        {changes.length === 0 ? (
          <p class="muted">{t('policy.changed.none')}</p>
        ) : (
          <ul class="policy-changes">
            {changes.map((c) => (
              <li key={c.field} data-field={c.field}>
                {t('policy.changed.field', { field: fieldWord(t, c.field), before: changedFactText(t, c.field, c.before, t.locale), after: changedFactText(t, c.field, c.after, t.locale) })}
              </li>
            ))}
          </ul>
        )}
        <button type="button" class="button secondary small" onClick={onSeen}>{t('policy.changed.dismiss')}</button>
      </div>
    </div>
  );
}
