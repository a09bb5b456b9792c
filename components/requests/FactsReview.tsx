import type { MessageKey } from '../../core/i18n/translate';
import type { LedgerFacts } from '../../core/requests/types';
import { formatDateTime, formatList } from '../format';
import { useT } from '../i18n';

/** The ledger's facts the letter will cite, for the user to review before sending. */
export function FactsReview({ facts }: { facts: LedgerFacts }) {
  const t = useT();
  const purpose = (p: string) => {
    const key = `purpose.${p}` as MessageKey;
    const label = t(key);
    return label === key ? p : label;
  };
  const lines: { key: string; text: string }[] = [];
  if (facts.asked.purposes.length) lines.push({ key: 'asked', text: t('facts.asked', { purposes: formatList(facts.asked.purposes.map(purpose), t.locale) }) });
  if (facts.refused.purposes.length && facts.refused.at !== null) {
    lines.push({ key: 'refused', text: t('facts.refused', { purposes: formatList(facts.refused.purposes.map(purpose), t.locale), date: formatDateTime(facts.refused.at, t.locale) }) });
  }
  for (const c of facts.cookiesDespiteRefusal) {
    lines.push({ key: `cookie:${c.domain}:${c.name}`, text: t('facts.cookie', { name: c.name, domain: c.domain, purpose: purpose(c.purpose), date: formatDateTime(c.at, t.locale) }) });
  }
  if (facts.storedConsent) lines.push({ key: 'stored', text: t('facts.stored', { cmp: facts.storedConsent.cmp, on: t('facts.purposes', { count: facts.storedConsent.purposesOn.length }), off: t('facts.purposes', { count: facts.storedConsent.purposesOff.length }) }) });
  if (facts.asked.formFields.length) lines.push({ key: 'fields', text: t('facts.fields', { fields: formatList(facts.asked.formFields.map((f) => t(`field.${f}` as MessageKey)), t.locale) }) });
  if (facts.asked.permissions.length) lines.push({ key: 'permissions', text: t('facts.permissions', { permissions: formatList(facts.asked.permissions.map((p) => t(`permission.${p}` as MessageKey)), t.locale) }) });
  if (facts.thirdParties.length) lines.push({ key: 'parties', text: t('facts.parties', { count: facts.thirdParties.length, parties: facts.thirdParties.slice(0, 8).join(', ') }) });
  return (
    <section class="facts-review" aria-labelledby="facts-title">
      <h3 id="facts-title">{t('facts.title')}</h3>
      {lines.length === 0 ? <p class="muted">{t('facts.none')}</p> : (
        <ul data-testid="composer-facts">{lines.map((l) => <li key={l.key}>{l.text}</li>)}</ul>
      )}
    </section>
  );
}
