import type { SiteRecord } from '../../core/ledger/records';
import type { MessageKey } from '../../core/i18n/translate';
import { formatNumber } from '../format';
import { useT } from '../i18n';

const COUNTERS = ['visits', 'thirdParties', 'cookies', 'violations', 'fields', 'permissions'] as const;

const valueOf = (record: SiteRecord, key: (typeof COUNTERS)[number]) =>
  key === 'fields' || key === 'permissions' ? record[key].length : record[key];

/** The site's totals, large enough to take in at a glance. */
export function SiteCounters({ record }: { record: SiteRecord }) {
  const t = useT();
  return (
    <dl class="counters" data-testid="site-counters">
      {COUNTERS.map((key) => (
        <div key={key} class={`counter ${key === 'violations' && record.violations > 0 ? 'counter-warn' : ''}`}>
          <dt>{t(`site.counter.${key}` as MessageKey)}</dt>
          <dd>{formatNumber(valueOf(record, key), t.locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
