import { describe, expect, it } from 'vitest';
import { FactsReview } from '../../../components/requests/FactsReview';
import type { LedgerFacts } from '../../../core/requests';
import { renderIn } from './render';

const facts = (on: string[], off: string[]): LedgerFacts => ({
  asked: { purposes: [], vendors: [], formFields: [], permissions: [] },
  refused: { purposes: [], at: null },
  cookiesDespiteRefusal: [],
  storedConsent: { cmp: 'OneTrust', purposesOn: on, purposesOff: off, legitimateInterestOn: [], tcString: null, readAt: Date.UTC(2026, 2, 1, 9) },
  thirdParties: [],
  policy: null,
});

describe('FactsReview', () => {
  it('counts what the consent platform stored, each number with its own plural', () => {
    const { container, unmount } = renderIn(<FactsReview facts={facts(['functional'], ['analytics', 'advertising'])} />);
    expect(container.textContent).toContain('Its consent platform (OneTrust) stored 1 purpose on, 2 purposes off.');
    unmount();
    const vi = renderIn(<FactsReview facts={facts([], ['analytics'])} />, 'vi');
    expect(vi.container.textContent).toContain('Nền tảng đồng ý (OneTrust) đã lưu 0 mục đích bật, 1 mục đích tắt.');
  });
});
