import type { MessageKey, Translate } from '../../core/i18n/translate';
import type { PolicyContact, PolicySummary } from '../../core/policy/types';

/** Extracted values in the user's language: each closed vocabulary has a message per value; an unknown value shows as is. */
function word(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

export const categoryWord = (t: Translate, v: string) => word(t, 'policy.category', v);
export const purposeWord = (t: Translate, v: string) => word(t, 'policy.purpose', v);
export const recipientWord = (t: Translate, v: string) => word(t, 'policy.recipient', v);
export const rightWord = (t: Translate, v: string) => word(t, 'policy.right', v);
export const channelWord = (t: Translate, v: string) => word(t, 'policy.exercise', v);
export const basisWord = (t: Translate, v: string) => word(t, 'policy.basis', v);
export const roleWord = (t: Translate, v: string) => word(t, 'policy.role', v);
export const fieldWord = (t: Translate, v: string) => word(t, 'policy.field', v);

const list = (t: Translate, values: readonly string[], name: (t: Translate, v: string) => string) =>
  values.length ? values.map((v) => name(t, v)).join(', ') : t('policy.notStated');

export function contactLine(t: Translate, contact: PolicyContact): string {
  return `${contact.value} (${roleWord(t, contact.role)})`;
}

export function saleLine(t: Translate, summary: PolicySummary): string {
  return t(`policy.sale.${summary.sale.value}` as MessageKey);
}

export function retentionLine(t: Translate, summary: PolicySummary): string {
  const r = summary.retention.value;
  if (r.kind === 'period' && r.days !== null) {
    // Policies speak in years and months; the extractor normalises to days (365 a year, 30 a month).
    if (r.days >= 365 && r.days % 365 === 0) return t('policy.retention.years', { count: r.days / 365 });
    if (r.days >= 30 && r.days % 30 === 0) return t('policy.retention.months', { count: r.days / 30 });
    return t('policy.retention.period', { count: r.days });
  }
  return t(r.kind === 'criteria' ? 'policy.retention.criteria' : 'policy.retention.notStated');
}

/** Every field the views show, in order, as the words to show. */
export function summaryLines(t: Translate, s: PolicySummary) {
  const controller = s.controller ? `${s.controller.value.name}${s.controller.value.country ? ` (${s.controller.value.country})` : ''}` : t('policy.notStated');
  return {
    controller: { text: controller, field: s.controller },
    bestContact: { text: s.bestContact ? contactLine(t, s.bestContact.value) : t('policy.noContact'), field: s.bestContact },
    sale: { text: saleLine(t, s), field: s.sale },
    retention: { text: retentionLine(t, s), field: s.retention },
    rights: { text: list(t, s.rights.value, rightWord), field: s.rights },
    rightsExercise: { text: list(t, s.rightsExercise.value, channelWord), field: s.rightsExercise },
    dataCategories: { text: list(t, s.dataCategories.value, categoryWord), field: s.dataCategories },
    purposes: { text: list(t, s.purposes.value, purposeWord), field: s.purposes },
    sharing: {
      text: s.sharing.value.shares ? list(t, s.sharing.value.recipients, recipientWord) : s.sharing.evidence.length ? t('policy.sharing.none') : t('policy.notStated'),
      field: s.sharing,
    },
    transfers: { text: s.transfers.value.international ? t('policy.transfers.yes', { safeguards: s.transfers.value.safeguards.join(', ') || '–' }) : t('policy.notStated'), field: s.transfers },
    childrenMinAge: { text: s.childrenMinAge.value !== null ? t('policy.children.age', { age: s.childrenMinAge.value }) : t('policy.notStated'), field: s.childrenMinAge },
    legalBases: { text: list(t, s.legalBases.value, basisWord), field: s.legalBases },
    regimes: { text: s.regimes.value.join(', ') || t('policy.notStated'), field: s.regimes },
    lastUpdated: { text: s.lastUpdated.value ?? t('policy.notStated'), field: s.lastUpdated },
  };
}
export type SummaryField = keyof ReturnType<typeof summaryLines>;

/** The popup shows these; the Site page shows every field. */
export const POPUP_FIELDS: readonly SummaryField[] = ['controller', 'bestContact', 'sale', 'retention', 'rights', 'dataCategories', 'lastUpdated'];
