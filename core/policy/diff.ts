/**
 * What changed between two readings of a policy, field by field, as short
 * display strings (the ledger stores them; the popup shows them). Only the
 * extracted values count: a reworded sentence with the same meaning is not
 * a change, and neither is a moved quote.
 */
import type { FieldChange, PolicySummary, StoredFactForms } from './types';

const NONE: StoredFactForms['none'] = '—';
const list = (xs: readonly (string | number)[]) => (xs.length ? [...xs].map(String).sort().join(', ') : NONE);
const opt = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? NONE : String(x));

/** Each field as it is compared and shown. */
export function summaryFacts(s: PolicySummary): Record<string, string> {
  const r = s.retention.value;
  // The forms the popup reads back (StoredFactForms), typed as such.
  const retention: StoredFactForms['retention'] = r.kind === 'period' ? `period: ${r.days} days` : r.kind;
  const sharing: StoredFactForms['sharing'] = s.sharing.value.shares ? `shares: ${list(s.sharing.value.recipients)}` : 'does not share';
  const transfers: StoredFactForms['transfers'] = s.transfers.value.international ? `international: ${list(s.transfers.value.safeguards)}` : 'none stated';
  const securityMeasures: StoredFactForms['securityMeasures'] = s.securityMeasures.value ? 'described' : 'not described';
  return {
    controller: opt(s.controller ? [s.controller.value.name, s.controller.value.country].filter(Boolean).join(', ') : null),
    bestContact: opt(s.bestContact?.value.value),
    sale: s.sale.value,
    retention,
    rights: list(s.rights.value),
    rightsExercise: list(s.rightsExercise.value),
    dataCategories: list(s.dataCategories.value),
    purposes: list(s.purposes.value),
    sharing,
    transfers,
    childrenMinAge: opt(s.childrenMinAge.value),
    lastUpdated: opt(s.lastUpdated.value),
    legalBases: list(s.legalBases.value),
    securityMeasures,
    regimes: list(s.regimes.value),
    language: s.language,
  };
}

export function diffSummaries(before: PolicySummary, after: PolicySummary): FieldChange[] {
  const a = summaryFacts(before);
  const b = summaryFacts(after);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(b)) {
    if (a[field] !== b[field]) changes.push({ field, before: a[field] ?? NONE, after: b[field]! });
  }
  return changes;
}
