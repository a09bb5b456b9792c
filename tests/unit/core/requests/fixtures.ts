import type { LedgerFacts, LetterInput } from '../../../../core/requests/types';

/** Facts as the ledger would give them for a shop that set cookies after a refusal. */
export const FACTS: LedgerFacts = {
  asked: { purposes: ['analytics', 'advertising'], vendors: ['Tracker Inc', 'AdNet'], formFields: ['email', 'phone'], permissions: ['geolocation'] },
  refused: { purposes: ['analytics', 'advertising'], at: Date.UTC(2026, 2, 4, 9, 30) },
  cookiesDespiteRefusal: [{ name: '_ga', domain: 'shop.example', purpose: 'analytics', at: Date.UTC(2026, 2, 4, 9, 31) }],
  storedConsent: {
    cmp: 'Cookiebot',
    purposesOn: ['functional'],
    purposesOff: ['analytics', 'advertising'],
    legitimateInterestOn: ['personalization'],
    tcString: 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA',
    readAt: Date.UTC(2026, 2, 4, 9, 30, 5),
  },
  thirdParties: ['tracker.example', 'ads.example'],
  policy: { controller: 'Shop Example GmbH', url: 'https://shop.example/privacy' },
};

export const EMPTY_FACTS: LedgerFacts = {
  asked: { purposes: [], vendors: [], formFields: [], permissions: [] },
  refused: { purposes: [], at: null },
  cookiesDespiteRefusal: [],
  storedConsent: null,
  thirdParties: [],
  policy: null,
};

export function input(over: Partial<LetterInput> = {}): LetterInput {
  return {
    regime: 'gdpr',
    type: 'access',
    language: 'en',
    company: { name: 'Shop Example GmbH', site: 'shop.example', contact: 'privacy@shop.example' },
    identity: { name: 'Lan Nguyen', email: 'lan@mail.example', postalAddress: null, accountIds: [{ label: 'Customer number', value: 'C-1234' }] },
    facts: FACTS,
    today: '2026-03-10',
    ...over,
  };
}
