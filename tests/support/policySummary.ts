import { POLICY_SUMMARY_VERSION } from '../../core/policy/version';
import type { Evidence, Field, PolicyContact, PolicySummary } from '../../core/policy/types';

/** A quote for hand-made summaries: offsets are only checked by the extractors' own tests. */
export const quote = (text: string): Evidence => ({ quote: text, start: 0, end: text.length });
const field = <T>(value: T, evidence: Evidence[] = []): Field<T> => ({ value, confidence: evidence.length ? 0.9 : 0.2, evidence });

/** A summary with nothing found in it; tests fill in what they need. */
export function emptySummary(overrides: Partial<PolicySummary> = {}): PolicySummary {
  return {
    version: POLICY_SUMMARY_VERSION,
    language: 'en',
    title: 'Privacy policy',
    textHash: '0',
    textLength: 0,
    controller: null,
    contacts: [],
    bestContact: null,
    dataCategories: field([]),
    purposes: field([]),
    sharing: field({ shares: false, recipients: [] }),
    sale: field('notMentioned'),
    retention: field({ kind: 'notStated', days: null }),
    rights: field([]),
    rightsExercise: field([]),
    transfers: field({ international: false, safeguards: [] }),
    childrenMinAge: field(null),
    lastUpdated: field(null),
    legalBases: field([]),
    securityMeasures: field(false),
    regimes: field([]),
    warnings: [],
    ...overrides,
  };
}

export const privacyContact = (value = 'privacy@shop.test', role: PolicyContact['role'] = 'privacy'): PolicyContact => ({
  channel: 'email', value, role, evidence: quote(`email ${value}`),
});

/** A summary of a policy that says everything a good one should. */
export function fullSummary(overrides: Partial<PolicySummary> = {}): PolicySummary {
  const contact = privacyContact();
  return emptySummary({
    controller: field({ name: 'Shop Ltd', country: 'PT' }, [quote('Shop Ltd is the controller')]),
    contacts: [contact, privacyContact('geral@cnpd.pt', 'authority')],
    bestContact: field(contact, [contact.evidence]),
    dataCategories: field(['contact', 'financial', 'deviceAndUsage'], [quote('your name, email address')]),
    purposes: field(['serviceProvision', 'customerSupport', 'security'], [quote('to deliver your orders')]),
    sharing: field({ shares: true, recipients: ['serviceProviders', 'paymentProviders'] }, [quote('We share your data with service providers')]),
    sale: field('doesNotSell', [quote('We do not sell your personal data')]),
    retention: field({ kind: 'period', days: 2190 }, [quote('We keep order records for 6 years')]),
    rights: field(['access', 'rectification', 'erasure', 'objection'], [quote('You have the right to access')]),
    rightsExercise: field(['email'], [quote('email us at privacy@shop.test')]),
    legalBases: field(['contract', 'consent'], [quote('to perform our contract with you')]),
    securityMeasures: field(true, [quote('We protect your data with encryption')]),
    regimes: field(['GDPR'], [quote('General Data Protection Regulation')]),
    lastUpdated: field('2025-03-03', [quote('Last updated: 3 March 2025')]),
    ...overrides,
  });
}

export { field };
