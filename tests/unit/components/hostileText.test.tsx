/**
 * Page-world data is never rendered as HTML: policy quotes, controller names and contacts, CMP category
 * labels as the site names them, cookie and vendor names, letters and identity fields, each holding markup,
 * render as text. No element comes from the data, and the text shows the literal string. The source scan at
 * the end proves the other half: no file in components/, platform/, entrypoints/ or stores/ writes HTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConsentSummary } from '../../../components/ConsentSummary';
import { CookiesTable } from '../../../components/ledger/CookiesTable';
import { ThirdPartiesTable } from '../../../components/ledger/ThirdPartiesTable';
import { PolicyCard, type PolicyPanelProps } from '../../../components/policy/PolicyCard';
import { PolicySection } from '../../../components/policy/PolicySection';
import { Composer, type ComposerViewModel } from '../../../components/requests/Composer';
import { FactsReview } from '../../../components/requests/FactsReview';
import { FollowUpPanel, type FollowUpView } from '../../../components/requests/FollowUpPanel';
import type { ConsentRecord } from '../../../core/consent/record';
import type { CookieRecord, PolicyRecord } from '../../../core/ledger/records';
import { scorecard } from '../../../core/policy/scorecard';
import { buildMailto, chooseRegime, computeDeadline, REGIMES, renderFollowUp, renderLetter, requestTypesFor, type LedgerFacts } from '../../../core/requests';
import { emptySummary, quote } from '../../support/policySummary';
import { renderIn } from './render';

/** Markup a page could put in any text it controls; `hostile-tag` and `data-h` cannot come from the interface itself. */
const HTML = '<img src=x onerror="window.__pwned=1" data-h=1><hostile-tag>x</hostile-tag><script>window.__pwned=2</script></textarea></pre><b onmouseover=alert(1)>b</b>';
const P = `${HTML} {{user.email}} {count} \u202eevil\u202c`;

function expectNoElementFromData(container: Element): void {
  expect(container.querySelector('hostile-tag, [data-h], [onerror], [onmouseover], script, img')).toBeNull();
  for (const a of container.querySelectorAll('a[href]')) expect(a.getAttribute('href')).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
}

const facts: LedgerFacts = {
  asked: { purposes: [P, 'analytics'], vendors: [P], formFields: ['email'], permissions: ['geolocation'] },
  refused: { purposes: [P], at: Date.UTC(2026, 2, 1, 9) },
  cookiesDespiteRefusal: [{ name: P, domain: P, purpose: P, at: Date.UTC(2026, 2, 1, 9, 1) }],
  storedConsent: { cmp: P, purposesOn: [P], purposesOff: [P], legitimateInterestOn: [P], tcString: P, readAt: Date.UTC(2026, 2, 1, 9) },
  thirdParties: [P],
  policy: { controller: P, url: 'https://shop.example/privacy' },
};
const identity = { name: `Ana ${P}`, email: 'ana@example.org', postalAddress: `Street ${P}`, country: 'DE', accountIds: [{ label: P, value: P }] };

describe('page-world data renders as text', () => {
  it('the composer: letter, subject, contacts, identity and the facts under review', () => {
    const contacts: ComposerViewModel['contacts'] = [
      { channel: 'email', value: 'privacy@shop.example', source: 'policy', confidence: 0.9 },
      { channel: 'email', value: `${HTML}@shop.example`, source: 'user', confidence: 1 },
      { channel: 'webForm', value: 'javascript:alert(1)', source: 'policy', confidence: 0.5 },
    ];
    const letter = renderLetter({ regime: 'gdpr', type: 'access', language: 'en', company: { name: P, site: 'shop.example', contact: `Privacy ${P}` },
      identity: { name: identity.name, email: identity.email, postalAddress: identity.postalAddress, accountIds: identity.accountIds }, facts, today: '2026-03-02', details: P });
    const choices = { regime: 'gdpr' as const, type: 'access' as const, language: 'en' as const, contact: 0, typedContact: P,
      disclose: { name: true, email: true, postalAddress: true, accounts: [true] } };
    const model: ComposerViewModel = {
      site: 'shop.example', company: null, companyName: P, regimeChoice: chooseRegime('DE', 'shop.example'),
      regimes: REGIMES.map((r) => ({ id: r.id, name: r.name })), types: requestTypesFor('gdpr'), contacts, contact: contacts[0]!, letter, letterError: P,
      mailto: buildMailto('privacy@shop.example', letter.subject, 'short'), shortMailto: null, deadline: computeDeadline('gdpr', 'access', '2026-03-02'),
      deadlineCitation: { en: P, vi: P }, byPost: false, deadlinePeriod: { en: P, vi: P }, choices, facts, identity,
    };
    const { container, getByTestId } = renderIn(<Composer model={model} locked={false} today="2026-03-02" onChange={vi.fn()} onUnlock={vi.fn()}
      onSend={vi.fn(async () => {})} onSent={vi.fn(async () => '2026-04-02')} onSaveDraft={vi.fn(async () => {})} />);
    expectNoElementFromData(container);
    expect(getByTestId('composer-letter').tagName).toBe('PRE');
    expect(getByTestId('composer-letter').textContent).toBe(letter.body);
    expect(getByTestId('composer-letter').textContent).toContain(HTML);
    expect(getByTestId('composer-subject').textContent).toBe(letter.subject);
    expect(container.textContent).toContain(`${HTML}@shop.example`);
    // The typed contact is an input's value, not markup.
    expect((getByTestId('composer-contact-typed') as HTMLInputElement).value).toBe(P);
    expect(getByTestId('send-mailto').getAttribute('href')).toMatch(/^mailto:privacy@shop\.example\?subject=/);
  });

  it('the facts under review on their own', () => {
    const { container } = renderIn(<FactsReview facts={facts} />);
    expectNoElementFromData(container);
    expect(container.textContent).toContain(HTML);
  });

  it('a follow-up letter and its authority', () => {
    const record = {
      id: 'r1', site: 'shop.example', regime: 'gdpr', type: 'access', status: 'sent', createdAt: 1, sentAt: Date.UTC(2026, 0, 5), dueAt: null,
      language: 'en', channel: 'copy', contact: { channel: 'email', value: 'privacy@shop.example', source: 'user', confidence: 1 }, subject: P, body: P,
      dueDate: '2026-02-05', extendedDueDate: '2026-04-06', history: [],
    } as unknown as FollowUpView['record'];
    const authority = { slug: 'x', name: P, country: 'DE', email: 'poststelle@authority.example', webForm: 'https://authority.example/form', address: `Street ${P}`, web: null, credit: P };
    const letter = renderFollowUp('complaint', { regime: 'gdpr', type: 'access', language: 'en', company: { name: P, site: 'shop.example', contact: null },
      identity: { name: identity.name, accountIds: [] }, facts, today: '2026-03-02', original: { sentAt: '2026-01-05', dueDate: '2026-02-05', channel: P }, authority });
    const view: FollowUpView = { record, kind: 'complaint', letter, error: P, authority, checklist: [] };
    const { container } = renderIn(<FollowUpPanel view={view} onCopy={vi.fn(async () => {})} onPrint={vi.fn()} onClose={vi.fn()} />);
    expectNoElementFromData(container);
    expect(container.textContent).toContain(HTML);
  });

  it('the policy: title, quotes, controller and contacts, in the popup card and the dashboard section', () => {
    const summary = emptySummary({
      title: P,
      controller: { value: { name: P, country: null }, confidence: 0.9, evidence: [quote(P)] },
      contacts: [{ channel: 'email', value: `${HTML}@shop.example`, role: 'privacy', evidence: quote(P) }],
      bestContact: { value: { channel: 'webForm', value: 'javascript:alert(1)', role: 'privacy', evidence: quote(P) }, confidence: 0.9, evidence: [quote(P)] },
      sale: { value: 'sells', confidence: 0.9, evidence: [quote(P)] },
      retention: { value: { kind: 'period', days: 30 }, confidence: 0.9, evidence: [quote(P)] },
      lastUpdated: { value: P, confidence: 0.9, evidence: [quote(P)] },
      warnings: [P],
    });
    const version: PolicyRecord = {
      id: 1, site: 'shop.example', url: 'javascript:alert(1)', fetchedAt: Date.UTC(2026, 10, 1), hash: 'a'.repeat(64), text: P, status: 'ok',
      checkedAt: Date.UTC(2026, 10, 2), language: 'en', summary, summaryVersion: 1, changes: [{ field: 'sale', before: P, after: P }], seenAt: null, detail: P,
    };
    const scores = scorecard({ policyStatus: 'ok', summary, consent: null, cookieViolations: 0, thirdParties: 0, formFields: [], insecureSubmit: false, pageHttps: true });
    const props: PolicyPanelProps = { versions: [version], failure: { ...version, status: 'notFound', detail: P }, scores, reading: false, result: null, error: P, onReadNow: vi.fn(), onSeen: vi.fn() };
    for (const ui of [<PolicyCard {...props} />, <PolicySection {...props} />]) {
      const { container, unmount } = renderIn(ui);
      expectNoElementFromData(container);
      expect(container.textContent).toContain(HTML);
      unmount();
    }
  });

  it('ledger labels: cookie names and domains, third parties, and CMP categories as the site names them', () => {
    const cookie: CookieRecord = {
      id: 'x', site: 'shop.example', domain: P, name: P, firstParty: false, session: false, lifetimeDays: 30, purpose: 'analytics',
      firstSetAt: 1, lastSetAt: 2, times: 1, violation: null,
    };
    const cookies = renderIn(<CookiesTable cookies={[cookie]} />);
    expectNoElementFromData(cookies.container);
    expect(cookies.container.textContent).toContain(HTML);
    cookies.unmount();
    const parties = renderIn(<ThirdPartiesTable parties={[{ party: P, org: P, category: P, requests: 3, days: 1, firstAt: 1, lastAt: 2 }]} days={1} />);
    expectNoElementFromData(parties.container);
    expect(parties.container.textContent).toContain(HTML);
    parties.unmount();
    const record = {
      site: 'shop.example', frameUrl: 'https://shop.example/', cmp: P, adapterId: null,
      asked: { cmp: P, categories: [{ id: P, label: P, purpose: 'analytics', required: false, consented: false }], vendorCount: 3, legitimateInterestOn: [P], firstLayerReject: false, answered: true, evidence: P },
      intent: null, method: 'autoconsent', fallback: false, reason: null, stored: null, verdict: null, outcome: 'unverified', startedAt: 1, durationMs: 5,
    } as unknown as ConsentRecord;
    const consent = renderIn(<ConsentSummary record={record} showTime />);
    expectNoElementFromData(consent.container);
    expect(consent.container.textContent).toContain(HTML);
  });
});

describe('the check itself', () => {
  it('finds markup that was rendered as HTML, and a script link', () => {
    // What markup from the data would have made, built by hand: each one is caught.
    const marked = document.createElement('b');
    marked.setAttribute('data-h', '1');
    for (const el of [document.createElement('hostile-tag'), document.createElement('script'), marked]) {
      const host = document.createElement('div');
      host.appendChild(el);
      expect(() => expectNoElementFromData(host)).toThrow();
    }
    const link = renderIn(<a href="javascript:alert(1)">x</a>);
    expect(() => expectNoElementFromData(link.container)).toThrow();
  });
});

describe('no code writes HTML from a string', () => {
  const SINKS = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|\bsrcdoc\b|DOMParser/;
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  }
  it('components, platform, entrypoints and stores have none of the HTML sinks', () => {
    const all = ['components', 'platform', 'entrypoints', 'stores'].flatMap((d) => files(join(process.cwd(), d)));
    expect(all.length).toBeGreaterThan(50);
    const hits = all.filter((f) => SINKS.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });

  it('the scan finds a sink when there is one', () => {
    for (const line of ['el.innerHTML = x;', '<div dangerouslySetInnerHTML={{ __html: x }} />', 'node.insertAdjacentHTML("beforeend", x)', 'document.write(x)', 'a.outerHTML = x']) {
      expect(SINKS.test(line)).toBe(true);
    }
  });
});
