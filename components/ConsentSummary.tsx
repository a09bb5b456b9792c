import type { Purpose } from '../core/consent/purposes';
import type { ConsentRecord } from '../core/consent/record';
import type { MessageKey } from '../core/i18n/translate';
import { formatDateTime } from './format';
import { useT } from './i18n';

const PURPOSE_KEY = (p: Purpose | 'necessary' | 'legitimateInterest' | 'other') => `purpose.${p}` as MessageKey;

/** One banner's answer in plain words: the verdict, what differed, what the site asked, and the proof. */
export function ConsentSummary({ record, showTime = false }: { record: ConsentRecord; showTime?: boolean }) {
  const t = useT();
  const cmp = record.detectedBy === 'privacy-ledger-heuristic' ? t('consent.unknownBanner') : record.cmp;
  const headline = (() => {
    switch (record.outcome) {
      case 'respected':
        return record.reason === 'alreadyStored' ? t('consent.alreadyStored', { cmp }) : t('consent.respected', { cmp });
      case 'notRespected':
        return t('consent.notRespected', { cmp });
      case 'unverified':
        return t('consent.unverified', { cmp });
      case 'leftAlone':
        if (record.reason === 'askMe') return t('consent.leftAlone.askMe', { cmp });
        if (record.reason === 'loopGuard') return t('consent.leftAlone.loopGuard', { cmp });
        if (record.reason === 'noAcceptPath') return t('consent.leftAlone.noAcceptPath', { cmp });
        if (record.reason === 'hiddenOnly') return t('consent.leftAlone.hiddenOnly', { cmp });
        if (record.reason === 'unsure') return t('consent.leftAlone.unsure', { cmp, why: t(`heuristic.reason.${record.unsure ?? 'noReject'}`) });
        return t('consent.leftAlone.siteRule', { cmp });
      case 'failed':
        return record.reason === 'timeout' ? t('consent.failed.timeout', { cmp }) : t('consent.failed', { cmp });
      case 'working':
        return t('consent.working', { cmp });
    }
  })();
  const asked = (record.asked?.categories ?? []).filter((c) => c.purpose !== 'necessary' && !c.required);
  const askedPurposes = [...new Set(asked.map((c) => c.purpose ?? 'other'))];
  return (
    <div class={`consent-summary outcome-${record.outcome}`} data-testid="consent-summary" data-outcome={record.outcome}>
      <p class="consent-headline">{headline}</p>
      {record.verdict?.status === 'notRespected' && (
        <ul class="mismatches">
          {record.verdict.mismatches.map((m) => (
            <li key={m.purpose}>
              {t(m.intended ? 'consent.mismatch.wanted' : 'consent.mismatch.refused', { purpose: t(PURPOSE_KEY(m.purpose)) })}
            </li>
          ))}
        </ul>
      )}
      {record.method !== 'none' && (
        <p class="consent-meta">
          {t(`consent.method.${record.method}`)}
          {record.fallback ? ` ${t('consent.fallbackNote')}` : ''}
          {record.durationMs !== null ? ` · ${t('consent.duration', { ms: record.durationMs })}` : ''}
          {showTime ? ` · ${formatDateTime(record.startedAt, t.locale)}` : ''}
        </p>
      )}
      {askedPurposes.length > 0 && (
        <p class="consent-asked">
          {t('consent.asked', { purposes: askedPurposes.map((p) => t(PURPOSE_KEY(p)).toLocaleLowerCase(t.locale)).join(', ') })}
          {record.asked?.vendorCount ? ` ${t('consent.vendors', { count: record.asked.vendorCount })}` : ''}
          {record.asked?.firstLayerReject === false ? ` ${t('consent.noFirstLayerReject')}` : ''}
        </p>
      )}
      {(record.stored?.evidence || record.asked?.evidence) && record.outcome !== 'leftAlone' && (
        <details class="evidence">
          <summary>{t('consent.evidence')}</summary>
          <code>{record.stored?.evidence ?? record.asked?.evidence}</code>
        </details>
      )}
    </div>
  );
}
