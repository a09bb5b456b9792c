import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../../../core/consent/record';
import { CATALOGS, type MessageKey } from '../../../../core/i18n/translate';
import { LIMITS, PRINCIPLES, scorecard, type Principle, type SiteFacts } from '../../../../core/policy/scorecard';
import { consentFacts, isHttps } from '../../../../core/policy/scorecardFacts';
import { emptySummary, field, fullSummary, quote } from '../../../support/policySummary';

const facts = (over: Partial<SiteFacts> = {}): SiteFacts => ({
  policyStatus: 'ok',
  summary: fullSummary(),
  consent: { firstLayerReject: true, preTicked: false, outcome: 'respected', vendorCount: 12 },
  cookieViolations: 0,
  thirdParties: 3,
  formFields: ['email', 'name'],
  insecureSubmit: false,
  pageHttps: true,
  ...over,
});

const line = (f: SiteFacts, p: Principle) => scorecard(f).find((s) => s.principle === p)!;
const keys = (f: SiteFacts, p: Principle) => line(f, p).evidence.map((e) => e.key);

describe('scorecard', () => {
  it('gives six lines, in the order of the principles, all good for a site that does everything right', () => {
    const card = scorecard(facts());
    expect(card.map((s) => s.principle)).toEqual([...PRINCIPLES]);
    expect(card.map((s) => s.verdict)).toEqual(['good', 'good', 'good', 'good', 'good', 'good']);
  });

  it('says "not known yet" for every principle it has nothing on', () => {
    const card = scorecard(facts({ policyStatus: null, summary: null, consent: null, thirdParties: 0, formFields: [], pageHttps: null }));
    expect(card.map((s) => s.verdict)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(keys(facts({ policyStatus: null, summary: null }), 'notice')).toEqual(['scorecard.policy.notYet']);
    expect(keys(facts({ policyStatus: 'timeout', summary: null }), 'notice')).toEqual(['scorecard.policy.unread']);
  });

  describe('clear notice', () => {
    it('is poor when no policy can be found, and the policy-based lines say so too', () => {
      const f = facts({ policyStatus: 'noLink', summary: null });
      expect(line(f, 'notice').verdict).toBe('poor');
      expect(line(f, 'legalCompliance').verdict).toBe('poor');
      expect(line(f, 'accessDeletion').verdict).toBe('poor');
      expect(keys(f, 'notice')).toEqual(['scorecard.notice.noPolicy']);
    });
    it('is mixed when the policy states purposes but not recipients, poor when it states neither', () => {
      const noRecipients = fullSummary({ sharing: field({ shares: false, recipients: [] }) });
      expect(line(facts({ summary: noRecipients }), 'notice').verdict).toBe('mixed');
      expect(line(facts({ summary: emptySummary() }), 'notice').verdict).toBe('poor');
    });
    it('quotes the policy for what it found', () => {
      const purposes = line(facts(), 'notice').evidence.find((e) => e.key === 'scorecard.notice.purposes')!;
      expect(purposes.quote?.quote).toBe('to deliver your orders');
      expect(purposes.params).toEqual({ count: 3 });
    });
  });

  describe('consent', () => {
    it('is poor when cookies were set after a refusal, whatever the banner looked like', () => {
      expect(line(facts({ cookieViolations: 2 }), 'consent').verdict).toBe('poor');
      expect(line(facts({ cookieViolations: 2, consent: null }), 'consent').verdict).toBe('poor');
    });
    it('is poor when the site stored something else than the answer', () => {
      expect(line(facts({ consent: { firstLayerReject: true, preTicked: false, outcome: 'notRespected', vendorCount: null } }), 'consent').verdict).toBe('poor');
    });
    it('is mixed without a first-layer reject or with pre-ticked choices', () => {
      expect(line(facts({ consent: { firstLayerReject: false, preTicked: false, outcome: 'respected', vendorCount: null } }), 'consent').verdict).toBe('mixed');
      expect(line(facts({ consent: { firstLayerReject: true, preTicked: true, outcome: 'respected', vendorCount: null } }), 'consent').verdict).toBe('mixed');
    });
    it('is unknown when no banner was seen', () => {
      expect(line(facts({ consent: null }), 'consent')).toEqual({ principle: 'consent', verdict: 'unknown', evidence: [expect.objectContaining({ key: 'scorecard.consent.noBanner' })] });
    });
  });

  describe('minimal collection', () => {
    it('counts what is collected against the limits', () => {
      const many = fullSummary({ dataCategories: field(['contact', 'identifiers', 'account', 'financial', 'location', 'deviceAndUsage', 'cookiesAndTracking', 'health'], [quote('x')]) });
      expect(many.dataCategories.value.length).toBeGreaterThanOrEqual(LIMITS.dataCategories);
      expect(line(facts({ summary: many }), 'minimalCollection').verdict).toBe('mixed');
      const f = facts({
        summary: fullSummary({ sale: field('sells', [quote('We sell your data')]) }),
        consent: { firstLayerReject: true, preTicked: false, outcome: 'respected', vendorCount: LIMITS.vendors + 1 },
        thirdParties: LIMITS.thirdParties + 1,
        formFields: ['governmentId'],
      });
      expect(line(f, 'minimalCollection').verdict).toBe('poor');
      expect(keys(f, 'minimalCollection')).toContain('scorecard.minimal.advertising');
      expect(line(f, 'minimalCollection').evidence.find((e) => e.key === 'scorecard.minimal.advertising')!.quote!.quote).toBe('We sell your data');
    });
  });

  describe('security', () => {
    it('is poor over plain HTTP or with a form posting in the clear, even when the policy describes measures', () => {
      expect(line(facts({ pageHttps: false }), 'security').verdict).toBe('poor');
      expect(line(facts({ insecureSubmit: true }), 'security').verdict).toBe('poor');
    });
    it('is mixed over HTTPS when the policy describes no security measures', () => {
      expect(line(facts({ summary: fullSummary({ securityMeasures: field(false) }) }), 'security').verdict).toBe('mixed');
    });
  });

  describe('legal compliance', () => {
    it('names the data protection officer when there is one', () => {
      const dpo = { channel: 'email' as const, value: 'dpo@shop.test', role: 'dpo' as const, evidence: quote('our DPO at dpo@shop.test') };
      const f = facts({ summary: fullSummary({ contacts: [dpo] }) });
      const named = line(f, 'legalCompliance').evidence.find((e) => e.key === 'scorecard.legal.dpo')!;
      expect(named.params).toEqual({ contact: 'dpo@shop.test' });
    });
    it('is poor when the policy names no basis, no law and no contact; mixed with some', () => {
      expect(line(facts({ summary: emptySummary() }), 'legalCompliance').verdict).toBe('poor');
      expect(line(facts({ summary: fullSummary({ regimes: field([]) }) }), 'legalCompliance').verdict).toBe('mixed');
    });
  });

  describe('access and deletion', () => {
    it('needs both rights and a channel to be good', () => {
      expect(line(facts({ summary: fullSummary({ bestContact: null }) }), 'accessDeletion').verdict).toBe('mixed');
      expect(line(facts({ summary: fullSummary({ rights: field(['access'], [quote('access')]) }) }), 'accessDeletion').verdict).toBe('mixed');
      expect(line(facts({ summary: emptySummary() }), 'accessDeletion').verdict).toBe('poor');
    });
    it('accepts the account settings as a channel', () => {
      const f = facts({ summary: fullSummary({ bestContact: null, rightsExercise: field(['accountSettings'], [quote('in your account settings')]) }) });
      expect(line(f, 'accessDeletion').verdict).toBe('good');
    });
  });

  it('words every piece of evidence in English and Vietnamese', () => {
    const all = [facts(), facts({ policyStatus: 'noLink', summary: null, consent: null, cookieViolations: 1, pageHttps: false, insecureSubmit: true, formFields: ['birthDate'] }),
      facts({ summary: emptySummary() }), facts({ policyStatus: null, summary: null, consent: null, thirdParties: 0, formFields: [] })];
    const used = new Set(all.flatMap((f) => scorecard(f).flatMap((s) => s.evidence.map((e) => e.key))));
    for (const p of PRINCIPLES) used.add(`scorecard.principle.${p}` as MessageKey);
    for (const v of ['good', 'mixed', 'poor', 'unknown']) used.add(`scorecard.verdict.${v}` as MessageKey);
    for (const key of used) {
      expect(CATALOGS.en[key], key).toBeTruthy();
      expect(CATALOGS.vi[key], key).toBeTruthy();
    }
  });
});

describe('scorecard facts', () => {
  const record = (asked: Partial<NonNullable<ConsentRecord['asked']>> | null): ConsentRecord => ({
    site: 'shop.test', frameUrl: 'https://shop.test/', cmp: 'Klaro', adapterId: 'klaro', intent: null, method: 'adapter', fallback: false, reason: null,
    stored: null, verdict: null, outcome: 'respected', startedAt: 1, durationMs: 5,
    asked: asked && { cmp: 'Klaro', categories: [], vendorCount: 4, legitimateInterestOn: [], firstLayerReject: true, answered: false, evidence: '', ...asked },
  });

  it('reads a pre-ticked optional category or a legitimate interest left on from the banner as first read', () => {
    expect(consentFacts(record({})).preTicked).toBe(false);
    expect(consentFacts(record({ legitimateInterestOn: ['measurement'] })).preTicked).toBe(true);
    const ticked = [{ id: 'ads', label: 'Ads', purpose: 'advertising' as const, required: false, consented: true }];
    expect(consentFacts(record({ categories: ticked })).preTicked).toBe(true);
    // Once the CMP holds an answer, a consented category is the user's earlier choice, not a pre-ticked box.
    expect(consentFacts(record({ categories: ticked, answered: true })).preTicked).toBe(false);
    expect(consentFacts(record(null))).toEqual({ firstLayerReject: null, preTicked: null, outcome: 'respected', vendorCount: null });
  });

  it('tells HTTPS from HTTP and from anything else', () => {
    expect([isHttps('https://a.test/'), isHttps('http://a.test/'), isHttps('file:///x'), isHttps(null)]).toEqual([true, false, null, null]);
  });
});
