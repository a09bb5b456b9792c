import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PolicyCard, type PolicyPanelProps } from '../../../components/policy/PolicyCard';
import { PolicySection } from '../../../components/policy/PolicySection';
import { CATALOGS, type MessageKey } from '../../../core/i18n/translate';
import type { PolicyRecord } from '../../../core/ledger/records';
import { scorecard } from '../../../core/policy/scorecard';
import { CONTACT_ROLES, DATA_CATEGORIES, EXERCISE_CHANNELS, LEGAL_BASES, PURPOSES, RECIPIENT_KINDS, RIGHT_KINDS, SALE_VALUES } from '../../../core/policy/types';
import { POLICY_STATUSES } from '../../../core/ledger/records';
import { diffSummaries } from '../../../core/policy/diff';
import { field, fullSummary } from '../../support/policySummary';
import { renderIn } from './render';

const version = (over: Partial<PolicyRecord> = {}): PolicyRecord => ({
  id: 1, site: 'shop.test', url: 'https://shop.test/privacy', fetchedAt: Date.UTC(2026, 10, 1), hash: 'a'.repeat(64), text: '',
  status: 'ok', checkedAt: Date.UTC(2026, 10, 2), language: 'en', summary: fullSummary(), summaryVersion: 1, changes: null, seenAt: 1, detail: null,
  ...over,
});

const facts = { policyStatus: 'ok' as const, summary: fullSummary(), consent: null, cookieViolations: 0, thirdParties: 0, formFields: [], insecureSubmit: false, pageHttps: true };

function props(over: Partial<PolicyPanelProps> = {}): PolicyPanelProps {
  return { versions: [version()], failure: null, scores: scorecard(facts), reading: false, result: null, error: null, onReadNow: vi.fn(), onSeen: vi.fn(), ...over };
}

describe('PolicyCard (popup)', () => {
  it('shows the key facts, each opening to the policy\'s words, and the six principles', () => {
    renderIn(<PolicyCard {...props()} />);
    expect(screen.getByTestId('policy-bestContact').textContent).toBe('privacy@shop.test (privacy contact)');
    expect(screen.getByTestId('policy-sale').textContent).toBe('Says it does not sell personal data');
    expect(screen.getByTestId('policy-retention').textContent).toBe('Up to 6 years');
    expect(screen.getByTestId('policy-rights').textContent).toBe('access, correction, deletion, objection');
    const sale = screen.getByTestId('policy-facts').querySelector('[data-field="sale"]')!;
    expect(sale.querySelector('blockquote')!.textContent).toBe('We do not sell your personal data');
    expect(within(screen.getByTestId('policy-scorecard')).getAllByRole('listitem').filter((li) => li.classList.contains('score'))).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Read again' })).toBeTruthy();
  });

  it('says why a reading failed, and reads when asked', () => {
    const onReadNow = vi.fn();
    renderIn(<PolicyCard {...props({ versions: [], failure: version({ status: 'notFound', detail: 'HTTP 404', hash: '', summary: undefined }), onReadNow })} />);
    expect(screen.getByTestId('policy-status').textContent).toContain('The policy page could not be loaded (HTTP 404).');
    fireEvent.click(screen.getByRole('button', { name: 'Read policy now' }));
    expect(onReadNow).toHaveBeenCalledOnce();
  });

  it('shows a reading in progress with the button disabled', () => {
    renderIn(<PolicyCard {...props({ versions: [], reading: true })} />);
    expect(screen.getByTestId('policy-status').textContent).toBe('Reading the privacy policy…');
    expect((screen.getByRole('button', { name: 'Read policy now' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('tells of a changed policy until it is seen', () => {
    const onSeen = vi.fn();
    const changed = version({ changes: [{ field: 'sale', before: 'doesNotSell', after: 'sells' }], seenAt: null });
    renderIn(<PolicyCard {...props({ versions: [changed, version({ id: 0 })], onSeen })} />);
    const notice = screen.getByTestId('policy-changed');
    expect(notice.textContent).toContain('Selling your data: Says it does not sell personal data → Sells personal data');
    fireEvent.click(within(notice).getByRole('button', { name: 'Got it' }));
    expect(onSeen).toHaveBeenCalledOnce();
  });

  it.each(['en', 'vi'] as const)('says what changed in %s words, never as the stored codes', (locale) => {
    const after = fullSummary({
      sale: field('sells'), retention: field({ kind: 'period', days: 365 }), securityMeasures: field(false),
      sharing: field({ shares: true, recipients: ['advertisers'] }), transfers: field({ international: true, safeguards: ['standardContractualClauses'] }),
      dataCategories: field(['contact', 'location']), language: 'vi',
    });
    const changes = diffSummaries(fullSummary(), after);
    expect(changes.map((c) => c.field).sort()).toEqual(['dataCategories', 'language', 'retention', 'sale', 'securityMeasures', 'sharing', 'transfers']);
    renderIn(<PolicyCard {...props({ versions: [version({ changes, seenAt: null }), version({ id: 0 })] })} />, locale);
    const text = screen.getByTestId('policy-changed').textContent!;
    // In English some codes are also the words ('advertisers', 'described'); in Vietnamese none is.
    const codes = ['sells', 'doesNotSell', 'period:', 'serviceProviders', 'international', 'standardContractualClauses', 'deviceAndUsage', ': vi'];
    for (const code of locale === 'vi' ? [...codes, 'advertisers', 'described', 'days'] : codes) {
      expect(text).not.toContain(code);
    }
    expect(text).toContain(locale === 'en' ? 'Sent abroad: Not stated → Yes (safeguards: standard contractual clauses)' : 'điều khoản hợp đồng mẫu');
    expect(text).toContain(locale === 'en' ? 'Language: English → Vietnamese' : 'Tiếng Anh');
  });

  it('shows a changed value it does not know as it was stored', () => {
    const changed = version({ changes: [{ field: 'controller', before: 'Shop Ltd, PT', after: 'Shop Group, IE' }, { field: 'sale', before: 'aNewCode', after: '—' }], seenAt: null });
    renderIn(<PolicyCard {...props({ versions: [changed, version({ id: 0 })] })} />);
    const text = screen.getByTestId('policy-changed').textContent!;
    expect(text).toContain('Who is responsible: Shop Ltd, PT → Shop Group, IE');
    expect(text).toContain('Selling your data: aNewCode → Not stated');
  });

  it('speaks Vietnamese', () => {
    renderIn(<PolicyCard {...props()} />, 'vi');
    expect(screen.getByTestId('policy-sale').textContent).toBe('Cho biết không bán dữ liệu cá nhân');
    expect(screen.getByText('Sáu nguyên tắc quyền riêng tư')).toBeTruthy();
  });
});

describe('PolicySection (Site page)', () => {
  it('shows every contact with its role, confidence, and the versions', () => {
    renderIn(<PolicySection {...props({ versions: [version({ id: 2, changes: [{ field: 'sale', before: 'a', after: 'b' }] }), version()] })} />);
    expect(screen.getByText('geral@cnpd.pt (supervisory authority, not the site)')).toBeTruthy();
    expect(screen.getAllByText(/^confidence \d+%$/).length).toBeGreaterThan(5);
    const versions = screen.getByTestId('site-policy-versions');
    expect(within(versions).getAllByRole('listitem')).toHaveLength(2);
    expect(versions.textContent).toContain('1 field changed');
    expect(versions.textContent).toContain('first version read');
  });
});

describe('PolicySection without an address to read from', () => {
  it('sends the user to the popup when the site linked no policy', () => {
    renderIn(<PolicySection {...props({ versions: [], failure: version({ status: 'noLink', url: 'https://shop.test/', hash: '', summary: undefined }) })} />);
    expect((screen.getByTestId('site-policy-read') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Read policy now.*in the toolbar popup/)).toBeTruthy();
  });
});

describe('policy words', () => {
  it('has every value of every vocabulary, and every status, in both languages', () => {
    const keys = [
      ...DATA_CATEGORIES.map((v) => `policy.category.${v}`), ...PURPOSES.map((v) => `policy.purpose.${v}`),
      ...RECIPIENT_KINDS.map((v) => `policy.recipient.${v}`), ...RIGHT_KINDS.map((v) => `policy.right.${v}`),
      ...EXERCISE_CHANNELS.map((v) => `policy.exercise.${v}`), ...LEGAL_BASES.map((v) => `policy.basis.${v}`),
      ...CONTACT_ROLES.map((v) => `policy.role.${v}`), ...SALE_VALUES.map((v) => `policy.sale.${v}`),
      ...POLICY_STATUSES.map((v) => `policy.status.${v}`),
    ];
    for (const key of keys) {
      expect(CATALOGS.en[key as MessageKey], key).toBeTruthy();
      expect(CATALOGS.vi[key as MessageKey], key).toBeTruthy();
    }
  });
});
