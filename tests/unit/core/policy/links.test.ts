import { describe, expect, it } from 'vitest';
import linkLexicon from '../../../../core/policy/lexicon/links.json';
import { rankPolicyLinks } from '../../../../core/policy/links';
import { isLikelyPolicyPage } from '../../../../core/policy/policyPage';
import type { LinkCandidate } from '../../../../core/policy/types';

const link = (text: string, href: string, extra: Partial<LinkCandidate> = {}): LinkCandidate => ({ text, href, ariaLabel: null, rel: null, title: null, region: 'footer', ...extra });
const PAGE = 'https://shop.example/';

describe('rankPolicyLinks', () => {
  it('puts rel="privacy-policy" first', () => {
    const ranked = rankPolicyLinks([link('Datenschutz', '/datenschutz'), link('x', '/legal/p', { rel: 'privacy-policy', region: 'other' })], PAGE);
    expect(ranked[0]?.href).toBe('https://shop.example/legal/p');
    expect(ranked[0]?.reason).toContain('rel=privacy-policy');
  });

  const TEN: [string, string][] = [
    ['vi', 'Chính sách quyền riêng tư'],
    ['en', 'Privacy Notice'],
    ['de', 'Datenschutzerklärung'],
    ['fr', 'Politique de confidentialité'],
    ['es', 'Política de privacidad'],
    ['it', 'Informativa sulla privacy'],
    ['nl', 'Privacyverklaring'],
    ['pt', 'Política de Privacidade'],
    ['pl', 'Polityka prywatności'],
    ['ro', 'Politica de confidențialitate'],
  ];
  for (const [lang, text] of TEN) {
    it(`recognises the ${lang} link text "${text}"`, () => {
      const ranked = rankPolicyLinks([link('Home', '/'), link(text, '/p1')], PAGE);
      expect(ranked[0]).toMatchObject({ href: 'https://shop.example/p1', kind: 'privacy' });
    });
  }

  it('matches aria-label and title when the text is an icon', () => {
    expect(rankPolicyLinks([link('', '/a', { ariaLabel: 'Privacy policy' })], PAGE)[0]?.kind).toBe('privacy');
    expect(rankPolicyLinks([link('🔒', '/b', { title: 'Datenschutz' })], PAGE)[0]?.kind).toBe('privacy');
  });

  it('uses URL slugs, including Vietnamese ones', () => {
    expect(rankPolicyLinks([link('Xem thêm', '/chinh-sach-bao-mat')], PAGE)[0]?.kind).toBe('privacy');
    expect(rankPolicyLinks([link('Read', '/legal/privacy-policy.html')], PAGE)[0]?.kind).toBe('privacy');
  });

  it('keeps a cookie policy as a second kind, after the privacy policy', () => {
    const ranked = rankPolicyLinks([link('Cookie policy', '/cookies'), link('Privacy', '/privacy')], PAGE);
    expect(ranked.map((r) => r.kind)).toEqual(['privacy', 'cookie']);
  });

  it('never takes the payment security policy, terms or imprint for the privacy policy', () => {
    const ranked = rankPolicyLinks(
      [link('Chính sách bảo mật thanh toán', '/chinh-sach-bao-mat-thanh-toan'), link('Chính sách bảo mật', '/chinh-sach-bao-mat'), link('Terms of use', '/terms'), link('Impressum', '/impressum')],
      'https://shop.vn/',
    );
    expect(ranked[0]?.href).toBe('https://shop.vn/chinh-sach-bao-mat');
    expect(ranked.filter((r) => r.kind === 'privacy').map((r) => r.href)).toEqual(['https://shop.vn/chinh-sach-bao-mat']);
  });

  it('prefers the footer link and drops javascript:, mailto: and same-page anchors', () => {
    const ranked = rankPolicyLinks(
      [link('Privacy', '/privacy-nav', { region: 'nav' }), link('Privacy', '/privacy'), link('Privacy', 'javascript:void(0)'), link('Privacy', 'mailto:x@y.z'), link('Privacy', '#privacy')],
      PAGE,
    );
    expect(ranked.map((r) => r.href)).toEqual(['https://shop.example/privacy', 'https://shop.example/privacy-nav']);
  });

  it('returns nothing for a bad page URL or no candidates', () => {
    expect(rankPolicyLinks([link('Privacy', '/p')], 'not a url')).toEqual([]);
    expect(rankPolicyLinks([], PAGE)).toEqual([]);
  });

  it('ships privacy, cookie and negative words in ten languages', () => {
    const lex = linkLexicon as Record<string, { privacy: string[]; cookie: string[]; negative: string[] }>;
    for (const lang of ['vi', 'en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ro']) {
      expect(lex[lang]?.privacy.length, lang).toBeGreaterThan(0);
      expect(lex[lang]?.cookie.length, lang).toBeGreaterThan(0);
      expect(lex[lang]?.negative.length, lang).toBeGreaterThan(0);
    }
  });
});

describe('isLikelyPolicyPage', () => {
  const body = 'We are the controller of your personal data. We collect personal information, use cookies, share it with third parties and keep it as required. Your rights under the GDPR include access and deletion. '.repeat(12);

  it('recognises a policy page by its title, slug and vocabulary', () => {
    const r = isLikelyPolicyPage({ text: `# Privacy Policy\n${body}`, title: 'Privacy Policy – Shop', url: 'https://shop.example/privacy-policy' });
    expect(r.likely).toBe(true);
    expect(r.reason).toContain('title');
  });

  it('rejects a shop page', () => {
    const r = isLikelyPolicyPage({ text: 'Buy shoes. New arrivals. Free shipping on orders over 50 euros. '.repeat(40), title: 'Shoes – Shop', url: 'https://shop.example/shoes' });
    expect(r.likely).toBe(false);
  });
});
