import type { Translate } from '../../core/i18n/translate';
import type { Evidence, PolicySummary } from '../../core/policy/types';
import { useT } from '../i18n';
import { fieldWord, summaryLines, type SummaryField } from './words';

/** A quote from the policy, opened on demand. */
export function Quote({ evidence, t }: { evidence: Evidence[]; t: Translate }) {
  if (!evidence.length) return null;
  return (
    <details class="policy-quote">
      <summary>{t('policy.quote')}</summary>
      {evidence.slice(0, 3).map((e) => <blockquote key={e.start}>{e.quote}</blockquote>)}
    </details>
  );
}

/** A field's quotes; a contact carries its own when the field has none. */
function evidenceOf(field: { evidence: Evidence[]; value: unknown }): Evidence[] {
  if (field.evidence.length) return field.evidence;
  const own = (field.value as { evidence?: Evidence } | null)?.evidence;
  return own ? [own] : [];
}

interface FactListProps {
  summary: PolicySummary;
  fields: readonly SummaryField[];
  /** Shows how sure the extractor was of each field. */
  showConfidence?: boolean;
}

/** The summary's fields as a definition list, each with its quote. */
export function FactList({ summary, fields, showConfidence = false }: FactListProps) {
  const t = useT();
  const lines = summaryLines(t, summary);
  return (
    <dl class="policy-facts" data-testid="policy-facts">
      {fields.map((name) => {
        const { text, field } = lines[name];
        return (
          <div class="policy-fact" key={name} data-field={name}>
            <dt>{fieldWord(t, name)}</dt>
            <dd>
              <span class="policy-value" data-testid={`policy-${name}`}>{text}</span>
              {showConfidence && field && <span class="policy-confidence muted">{t('policy.confidence', { percent: Math.round(field.confidence * 100) })}</span>}
              {field && <Quote evidence={evidenceOf(field)} t={t} />}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
