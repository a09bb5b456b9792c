import { describe, expect, it } from 'vitest';
import { replyChecklist } from '../../../../core/requests/checklist';
import { chooseRegime, REGIMES, requestTypesFor } from '../../../../core/requests/regimes';
import { REGIME_IDS, REQUEST_TYPES } from '../../../../core/requests/types';

describe('regimes data', () => {
  it('has every regime in order, each with a source, a complaint citation and types', () => {
    expect(REGIMES.map((r) => r.id)).toEqual([...REGIME_IDS]);
    for (const r of REGIMES) {
      expect(r.sourceUrl).toMatch(/^https:\/\//);
      expect(r.complaint.citation.length).toBeGreaterThan(3);
      expect(r.appliesTo.length).toBeGreaterThan(30);
      expect(r.complaint.note.length).toBeGreaterThan(30);
      expect(r.types.length).toBeGreaterThan(0);
      expect(r.types.filter((t) => t.primary === 'get')).toHaveLength(1);
      expect(r.types.filter((t) => t.primary === 'delete')).toHaveLength(1);
    }
  });

  it('gives every type its rules, citations and a source', () => {
    for (const r of REGIMES) {
      for (const t of r.types) {
        expect(REQUEST_TYPES).toContain(t.type);
        expect(t.citations.length).toBeGreaterThan(0);
        expect(t.deadline.amount).toBeGreaterThan(0);
        expect(t.deadline.citation).toBeTruthy();
        expect(t.deadline.note.length).toBeGreaterThan(20);
        expect(t.verificationNote.length).toBeGreaterThan(20);
        expect(t.verificationCitation).toBeTruthy();
        expect(t.sourceUrl).toMatch(/^https:\/\//);
      }
    }
  });

  it('holds the GDPR rights the issue names, with Art. 15(3) in access', () => {
    const gdpr = requestTypesFor('gdpr');
    expect(gdpr.map((t) => t.type)).toEqual([
      'access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'directMarketingObjection', 'withdrawConsent', 'automatedDecision',
    ]);
    expect(gdpr[0]?.citations).toContain('Art. 15(3) GDPR');
    expect(requestTypesFor('ccpa').map((t) => t.type)).toEqual(['know', 'delete', 'correct', 'optOutSaleSharing', 'limitSensitive']);
  });

  it('marks what is not confirmed against the law text', () => {
    expect(requestTypesFor('vnPdpl').every((t) => !t.confirmed)).toBe(true);
    expect(requestTypesFor('gdpr').every((t) => t.confirmed)).toBe(true);
    expect(requestTypesFor('lgpd').find((t) => t.type === 'erasure')?.deadline.statutory).toBe(false);
  });
});

describe('chooseRegime', () => {
  it('follows the country of residence first', () => {
    expect(chooseRegime('VN', 'shop.de')).toEqual({ regime: 'vnPdpl', reason: 'residence', alternatives: ['gdpr'] });
    expect(chooseRegime('de', 'shop.com')).toEqual({ regime: 'gdpr', reason: 'residence', alternatives: [] });
    expect(chooseRegime('GB', 'shop.com', 'US')).toEqual({ regime: 'ukGdpr', reason: 'residence', alternatives: ['ccpa'] });
    expect(chooseRegime('BR', 'loja.com.br')).toEqual({ regime: 'lgpd', reason: 'residence', alternatives: [] });
    expect(chooseRegime('US', 'shop.com').regime).toBe('ccpa');
  });

  it('falls back to the company country, then the site domain, then the GDPR', () => {
    expect(chooseRegime(null, 'shop.com', 'FR')).toEqual({ regime: 'gdpr', reason: 'companyCountry', alternatives: [] });
    expect(chooseRegime(null, 'shop.co.uk')).toEqual({ regime: 'ukGdpr', reason: 'siteTld', alternatives: [] });
    expect(chooseRegime('JP', 'shop.com.vn')).toEqual({ regime: 'vnPdpl', reason: 'siteTld', alternatives: [] });
    expect(chooseRegime(null, 'shop.com')).toEqual({ regime: 'gdpr', reason: 'fallback', alternatives: [] });
  });

  it("never picks the CCPA from the company's country or the site's domain: its letter says the user lives in California", () => {
    expect(chooseRegime(null, 'greetings.com', 'US')).toEqual({ regime: 'gdpr', reason: 'fallback', alternatives: ['ccpa'] });
    expect(chooseRegime(null, 'shop.us')).toEqual({ regime: 'gdpr', reason: 'fallback', alternatives: ['ccpa'] });
    expect(chooseRegime(null, 'shop.com.br', 'US')).toEqual({ regime: 'lgpd', reason: 'siteTld', alternatives: ['ccpa'] });
    expect(chooseRegime('US', 'shop.de', 'DE')).toEqual({ regime: 'ccpa', reason: 'residence', alternatives: ['gdpr'] });
    expect(REGIMES.filter((r) => r.residentsOnly).map((r) => r.id)).toEqual(['ccpa']);
  });

  it('does not put the Crown Dependencies under the UK GDPR: Jersey, Guernsey and the Isle of Man have their own laws and regulators', () => {
    for (const country of ['JE', 'GG', 'IM']) expect(chooseRegime(country, 'shop.co.uk')).toEqual({ regime: 'ukGdpr', reason: 'siteTld', alternatives: [] });
    expect(chooseRegime('JE', 'shop.com')).toEqual({ regime: 'gdpr', reason: 'fallback', alternatives: [] });
  });
});

describe('replyChecklist', () => {
  it('lists Art. 15(1)(a)-(h), 15(2) and the copy for a GDPR access request', () => {
    const citations = replyChecklist('gdpr', 'access').map((i) => i.citation.en);
    for (const c of ['Art. 15(1)(a) GDPR', 'Art. 15(1)(h) GDPR', 'Art. 15(2) GDPR', 'Art. 15(3) GDPR', 'Art. 12(3) GDPR']) expect(citations).toContain(c);
    expect(replyChecklist('ukGdpr', 'access').map((i) => i.citation.en)).toContain('Art. 15(3) UK GDPR');
    expect(replyChecklist('ukGdpr', 'access').map((i) => i.citation.vi)).toContain('Điều 15(3) UK GDPR');
  });

  it('has items in English and Vietnamese for every regime and type', () => {
    for (const r of REGIMES) {
      for (const t of r.types) {
        const items = replyChecklist(r.id, t.type);
        expect(items.length, `${r.id}/${t.type}`).toBeGreaterThan(0);
        for (const i of items) {
          expect(i.label.en.length).toBeGreaterThan(5);
          expect(i.label.vi.length).toBeGreaterThan(5);
          expect(i.citation.en).not.toContain('{law}');
        }
        expect(new Set(items.map((i) => i.id)).size, `${r.id}/${t.type} ids`).toBe(items.length);
      }
    }
  });

  it('refuses a type the regime lacks', () => {
    expect(() => replyChecklist('ccpa', 'erasure')).toThrow('erasure');
  });
});
