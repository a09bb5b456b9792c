import type { MessageKey, Translate } from '../../core/i18n/translate';
import type { PolicyContact, PolicySummary, StoredFactForms } from '../../core/policy/types';

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
export const safeguardWord = (t: Translate, v: string) => word(t, 'policy.safeguard', v);

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

function transfersLine(t: Translate, international: boolean, safeguards: readonly string[]): string {
  return international ? t('policy.transfers.yes', { safeguards: safeguards.map((v) => safeguardWord(t, v)).join(', ') || '–' }) : t('policy.notStated');
}

/** The codes of a list as `core/policy/diff.ts` stores it ("a, b", or "—" for none). */
const codes = (text: string) => (text === FORMS.none || text === '' ? [] : text.split(', '));

/** The prefix of a stored form such as "shares: …". */
type Prefix<Form> = Form extends `${infer P}: ${string}` ? `${P}: ` : never;
/** The stored forms read back here, checked against the ones `core/policy/diff.ts` writes. */
const FORMS = {
  none: '—' satisfies StoredFactForms['none'],
  period: 'period: ' satisfies Prefix<StoredFactForms['retention']>,
  shares: 'shares: ' satisfies Prefix<StoredFactForms['sharing']>,
  noSharing: 'does not share' satisfies StoredFactForms['sharing'],
  international: 'international: ' satisfies Prefix<StoredFactForms['transfers']>,
  noTransfers: 'none stated' satisfies StoredFactForms['transfers'],
  described: 'described' satisfies StoredFactForms['securityMeasures'],
  notDescribed: 'not described' satisfies StoredFactForms['securityMeasures'],
} as const;

/**
 * A value of a policy change, as `core/policy/diff.ts` stores it (codes and
 * fixed English words, so that comparing readings does not depend on the
 * language), in the user's words. A value it does not know shows as stored.
 */
export function changedFactText(t: Translate, field: string, stored: string, locale: string): string {
  if (stored === FORMS.none || stored === '') return t('policy.notStated');
  const listOf = (name: (t: Translate, v: string) => string) => codes(stored).map((v) => name(t, v)).join(', ');
  const after = (prefix: string) => stored.slice(prefix.length);
  switch (field) {
    case 'sale':
      return word(t, 'policy.sale', stored);
    case 'retention': {
      const days = stored.startsWith(FORMS.period) ? /^(\d+) days$/.exec(after(FORMS.period)) : null;
      if (days) return retentionLine(t, { retention: { value: { kind: 'period', days: Number(days[1]) } } } as PolicySummary);
      return stored === 'criteria' ? t('policy.retention.criteria') : stored === 'notStated' ? t('policy.retention.notStated') : stored;
    }
    case 'rights':
      return listOf(rightWord);
    case 'rightsExercise':
      return listOf(channelWord);
    case 'dataCategories':
      return listOf(categoryWord);
    case 'purposes':
      return listOf(purposeWord);
    case 'legalBases':
      return listOf(basisWord);
    case 'sharing':
      if (stored === FORMS.noSharing) return t('policy.sharing.none');
      return stored.startsWith(FORMS.shares) ? codes(after(FORMS.shares)).map((v) => recipientWord(t, v)).join(', ') : stored;
    case 'transfers':
      if (stored === FORMS.noTransfers) return t('policy.notStated');
      return stored.startsWith(FORMS.international) ? transfersLine(t, true, codes(after(FORMS.international))) : stored;
    case 'securityMeasures':
      return stored === FORMS.described ? t('policy.security.described') : stored === FORMS.notDescribed ? t('policy.security.notDescribed') : stored;
    case 'childrenMinAge':
      return /^\d+$/.test(stored) ? t('policy.children.age', { age: Number(stored) }) : stored;
    case 'language':
      return languageName(stored, locale);
    default:
      return stored;
  }
}

/** A language code in the user's language ("vi" -> "Vietnamese"); the code itself where the browser has no name, or for "und". */
function languageName(code: string, locale: string): string {
  if (code === 'und') return code;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
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
    transfers: { text: transfersLine(t, s.transfers.value.international, s.transfers.value.safeguards), field: s.transfers },
    childrenMinAge: { text: s.childrenMinAge.value !== null ? t('policy.children.age', { age: s.childrenMinAge.value }) : t('policy.notStated'), field: s.childrenMinAge },
    legalBases: { text: list(t, s.legalBases.value, basisWord), field: s.legalBases },
    regimes: { text: s.regimes.value.join(', ') || t('policy.notStated'), field: s.regimes },
    lastUpdated: { text: s.lastUpdated.value ?? t('policy.notStated'), field: s.lastUpdated },
  };
}
export type SummaryField = keyof ReturnType<typeof summaryLines>;

/** The popup shows these; the Site page shows every field. */
export const POPUP_FIELDS: readonly SummaryField[] = ['controller', 'bestContact', 'sale', 'retention', 'rights', 'dataCategories', 'lastUpdated'];
