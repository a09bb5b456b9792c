import { analysePolicy } from '../../../core/policy';
import { describe, expect, it } from 'vitest';
import { allPurposes } from '../../../core/consent/purposes';
import type { ConsentRecord } from '../../../core/consent/record';
import { database } from '../../../platform/db';
import { ledgerFacts, policyController, policyContact, readLedgerFacts } from '../../../platform/requests/facts';
import { composerModel, letterIdentity, requestInput, type ComposerChoices, type ComposerSource } from '../../../stores/requestsComposer';
import { cookie } from '../../support/ledgerRows';

const REFUSED_AT = Date.UTC(2026, 2, 1, 9);

const answer: ConsentRecord = {
  site: 'shop.test', frameUrl: 'https://shop.test/', cmp: 'cookieconsent', adapterId: 'cookieconsent',
  asked: { cmp: 'cookieconsent', categories: [
    { id: 'necessary', label: 'Necessary', purpose: 'necessary', required: true, consented: null },
    { id: 'analytics', label: 'Analytics', purpose: 'analytics', required: false, consented: null },
    { id: 'ads', label: 'Ads', purpose: 'advertising', required: false, consented: null },
  ], vendorCount: null, legitimateInterestOn: [], firstLayerReject: true, answered: false, evidence: '' },
  intent: { purposes: allPurposes(false), legitimateInterest: 'object', source: 'preferences' },
  method: 'adapter', fallback: false, reason: null,
  stored: { purposes: { analytics: false, advertising: false }, legitimateInterestOn: [], evidence: 'cc_cookie', otherOn: [] },
  verdict: null, outcome: 'respected', startedAt: REFUSED_AT, durationMs: 400,
};

describe('ledger facts for a letter', () => {
  it('takes what the banner asked, what was refused, cookies set despite it and what the CMP stored', () => {
    const facts = ledgerFacts(
      [answer],
      [cookie('shop.test', '_ga', REFUSED_AT + 1000, { violation: { at: REFUSED_AT + 1000, purpose: 'analytics', refusedAt: REFUSED_AT } }),
        cookie('shop.test', 'session', REFUSED_AT + 500, { purpose: 'necessary' })],
      [{ site: 'shop.test', at: 1, kind: 'form.fields', data: { url: 'https://shop.test/', fields: [{ kind: 'email', via: 'type', hint: 'type=email' }], insecureSubmit: false } }],
      [{ party: 'tracker.example', org: null, category: null, requests: 3, days: 1, firstAt: 1, lastAt: 2 }],
      'https://shop.test/privacy',
    );
    expect(facts.asked).toEqual({ purposes: ['analytics', 'advertising'], vendors: [], formFields: ['email'], permissions: [] });
    expect(facts.refused.at).toBe(REFUSED_AT);
    expect(facts.refused.purposes).toEqual(expect.arrayContaining(['analytics', 'advertising']));
    expect(facts.cookiesDespiteRefusal).toEqual([{ name: '_ga', domain: 'shop.test', purpose: 'analytics', at: REFUSED_AT + 1000 }]);
    expect(facts.storedConsent).toMatchObject({ cmp: 'cookieconsent', purposesOn: [], purposesOff: ['analytics', 'advertising'], readAt: REFUSED_AT + 400 });
    expect(facts.thirdParties).toEqual(['tracker.example']);
    expect(facts.policy).toEqual({ controller: null, url: 'https://shop.test/privacy' });
  });

  it('has nothing to say about a site it never saw answer a banner', () => {
    expect(ledgerFacts([], [], [], [], null)).toMatchObject({ refused: { purposes: [], at: null }, cookiesDespiteRefusal: [], storedConsent: null, policy: null });
  });

  it('takes the best contact the policy reader extracted, with its confidence', () => {
    const summary = analysePolicy({ html: '<h1>Privacy policy</h1><p>Shop Ltd is the controller. To exercise your rights, write to <a href="mailto:privacy@shop.test">privacy@shop.test</a>.</p>' });
    expect(summary.bestContact?.value.value).toBe('privacy@shop.test');
    expect(policyController({ summary })).toBe('Shop Ltd');
    expect(policyController({ summary: { controller: null } })).toBeNull();
    expect(policyContact({ summary })).toEqual({ channel: 'email', value: 'privacy@shop.test', role: summary.bestContact!.value.role, confidence: summary.bestContact!.confidence });
  });

  it('reads stored rows defensively: no summary, a damaged one or an unknown channel gives no contact', () => {
    expect(policyContact({ summary: { bestContact: { value: { channel: 'email', value: ' privacy@shop.test ' }, confidence: 0.8 } } })).toEqual({ channel: 'email', value: 'privacy@shop.test', confidence: 0.8 });
    expect(policyContact({ text: 'no summary yet' })).toBeNull();
    expect(policyContact({ summary: { bestContact: null } })).toBeNull();
    expect(policyContact({ summary: { bestContact: { value: { channel: 'email', value: 42 } } } })).toBeNull();
    expect(policyContact({ summary: { bestContact: { value: { channel: 'pigeon', value: 'loft 3' } } } })).toBeNull();
    expect(policyContact(undefined)).toBeNull();
  });

  it('reads the site\'s rows from the database, with the newest policy\'s contact', async () => {
    const db = database();
    await db.events.add({ site: 'shop.test', at: REFUSED_AT, kind: 'consent.answer', data: answer });
    await db.policies.add({ site: 'shop.test', url: 'https://shop.test/privacy', fetchedAt: 5, hash: 'h', text: 't', summary: { bestContact: { value: { channel: 'email', value: 'privacy@shop.test', role: 'privacy' }, confidence: 0.9 } } } as never);
    const context = await readLedgerFacts('shop.test', REFUSED_AT + 1000);
    expect(context.policyContact).toEqual({ channel: 'email', value: 'privacy@shop.test', role: 'privacy', confidence: 0.9 });
    expect(context.facts.refused.at).toBe(REFUSED_AT);
    await Promise.all(db.tables.map((table) => table.clear()));
  });

  it('speaks of the latest text read: a later failed attempt lends the letter neither its address nor its URL', async () => {
    const db = database();
    await db.policies.add({ site: 'shop.test', url: 'https://shop.test/privacy', fetchedAt: 5, hash: 'h', text: 't', status: 'ok', summary: { bestContact: { value: { channel: 'email', value: 'privacy@shop.test', role: 'privacy' }, confidence: 0.9 }, controller: { value: { name: 'Shop Ltd', country: null } } } } as never);
    await db.policies.add({ site: 'shop.test', url: 'https://shop.test/gone', fetchedAt: 9, hash: '', text: '', status: 'notFound' } as never);
    const context = await readLedgerFacts('shop.test', REFUSED_AT + 1000);
    expect(context.policyContact?.value).toBe('privacy@shop.test');
    expect(context.facts.policy).toEqual({ controller: 'Shop Ltd', url: 'https://shop.test/privacy' });
    await Promise.all(db.tables.map((table) => table.clear()));
  });
});

describe('the composer model', () => {
  const identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1', country: 'DE', accountIds: [{ label: 'Customer', value: 'C-1' }] };
  const source: ComposerSource = {
    site: 'shop.test', start: 'erasure', identity, facts: ledgerFacts([answer], [], [], [], null),
    policyContact: { channel: 'email', value: 'privacy@shop.test', confidence: 0.9 }, now: Date.UTC(2026, 2, 2, 12),
  };
  const choices: ComposerChoices = { regime: 'gdpr', type: 'erasure', language: 'en', contact: 0, typedContact: '', disclose: { name: true, email: true, postalAddress: false, accounts: [false] } };

  it('discloses only what is ticked', () => {
    expect(letterIdentity(identity, choices.disclose)).toEqual({ name: 'Ana Weber', email: 'ana@example.org', postalAddress: null, accountIds: [] });
    expect(letterIdentity(identity, { ...choices.disclose, accounts: [true] }).accountIds).toEqual([{ label: 'Customer', value: 'C-1' }]);
  });

  it('chooses the law from the country of residence, addresses the policy\'s contact, and writes the letter without the postal address', () => {
    const model = composerModel(source, choices);
    expect(model.regimeChoice).toMatchObject({ regime: 'gdpr', reason: 'residence' });
    expect(model.contact).toMatchObject({ value: 'privacy@shop.test', source: 'policy' });
    expect(model.letter!.body).toContain('Ana Weber');
    expect(model.letter!.body).not.toContain('Hauptstraße');
    expect(model.deadline.dueDate).toBe('2026-04-02');
    expect(model.deadlineCitation).toEqual({ en: 'Art. 12(3) GDPR', vi: 'Điều 12(3) GDPR' });
    const input = requestInput(model, 'copy', '2026-03-02');
    expect(input).toMatchObject({ site: 'shop.test', regime: 'gdpr', type: 'erasure', channel: 'copy', sentOn: '2026-03-02', contact: { value: 'privacy@shop.test', source: 'policy', confidence: 0.9 } });
    expect(input.body).toBe(model.letter!.body);
    // No company index entry for shop.test: the letter names the site, and so does the saved request.
    expect(input.company).toBe('shop.test');
    const named = composerModel({ ...source, facts: { ...source.facts, policy: { controller: 'Shop Test GmbH', url: 'https://shop.test/privacy' } } }, choices);
    expect(requestInput(named, 'copy', '2026-03-02').company).toBe('Shop Test GmbH');
    expect(named.letter!.body).toContain('Shop Test GmbH');
  });

  it('names no answer day in a letter to a postal address, which is received some days later', () => {
    expect(composerModel(source, choices).letter!.body).toContain('that is by 2 April 2026 at the latest');
    const posted = composerModel({ ...source, policyContact: { channel: 'postal', value: 'Shop Test GmbH, 1 Harbour Road, Hamburg', confidence: 0.9 } }, choices);
    expect(posted.contact).toMatchObject({ channel: 'postal' });
    expect(posted.letter!.body).toContain('within one month of receipt (Art. 12(3) GDPR).');
    expect(posted.letter!.body).not.toContain('2 April 2026');
  });

  it('puts the whole letter with its facts in the mailto link', () => {
    const model = composerModel(source, choices);
    expect('url' in model.mailto! && new URL(model.mailto.url).searchParams.get('body')).toBe(model.letter!.body.replace(/\r?\n/g, '\r\n'));
  });

  it('gives a subject-only mailto link when the whole letter would be too long for one', () => {
    const accountIds = Array.from({ length: 40 }, (_, i) => ({ label: `Account ${i}`, value: 'x'.repeat(250) }));
    const long = { ...source, identity: { ...identity, accountIds } };
    const model = composerModel(long, { ...choices, disclose: { ...choices.disclose, accounts: accountIds.map(() => true) } });
    expect(model.mailto).toMatchObject({ tooLong: true });
    expect(model.shortMailto).toMatch(/^mailto:privacy@shop\.test\?subject=.+&body=$/);
  });

  it('writes nothing to an address no one gave: without contacts there is no link', () => {
    const model = composerModel({ ...source, site: 'unknown-company.test', policyContact: null }, choices);
    expect(model.contacts).toEqual([]);
    expect(model.contact).toBeNull();
    expect(model.mailto).toBeNull();
  });
});
