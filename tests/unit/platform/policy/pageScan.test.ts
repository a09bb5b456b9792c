// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePageScan, scanPageForPolicyLinks, SCAN_LIMITS } from '../../../../platform/policy/pageScan';

function page(body: string, head = '') {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return scanPageForPolicyLinks(SCAN_LIMITS);
}

describe('scanPageForPolicyLinks (runs in the page)', () => {
  it('lists rel=privacy-policy first, then footer links, with region, text, aria-label and title', () => {
    const scan = page(
      `<header><a href="/account">Account</a></header>
       <main><a href="/blog">Blog</a></main>
       <footer><a href="/terms">Terms</a><a href="/legal/privacy" aria-label="Read our privacy notice" title="Privacy">Privacy</a></footer>`,
      '<link rel="privacy-policy" href="/privacy-policy"><title>Shop</title>',
    );
    expect(scan.links[0]).toMatchObject({ rel: 'privacy-policy', region: 'header' });
    expect(scan.links[0]!.href).toMatch(/\/privacy-policy$/);
    expect(scan.links.slice(1, 3).map((l) => l.region)).toEqual(['footer', 'footer']);
    expect(scan.links[2]).toMatchObject({ text: 'Privacy', ariaLabel: 'Read our privacy notice', title: 'Privacy' });
    expect(scan.links.map((l) => l.region)).toEqual(['header', 'footer', 'footer', 'header', 'main']);
    expect(parsePageScan(scan)).toEqual(scan);
  });

  it('keeps only http(s) links with something to read, each once, within the limits', () => {
    const many = Array.from({ length: 600 }, (_, i) => `<a href="/p${i}">link ${i}</a>`).join('');
    const scan = page(`<a href="javascript:void(0)">Privacy</a><a href="mailto:a@b.test">Mail</a><a href="/x"></a><a href="/same">Same</a><a href="/same">Same</a>${many}`);
    expect(scan.links.some((l) => !/^https?:/.test(l.href))).toBe(false);
    expect(scan.links.filter((l) => l.text === 'Same')).toHaveLength(1);
    expect(scan.links.some((l) => l.href.endsWith('/x'))).toBe(false);
    expect(scan.links).toHaveLength(SCAN_LIMITS.links);
  });

  it('cuts long labels', () => {
    const scan = page(`<footer><a href="/p">${'privacy '.repeat(100)}</a></footer>`);
    expect(scan.links[0]!.text.length).toBeLessThanOrEqual(SCAN_LIMITS.label);
  });
});

describe('parsePageScan (the page is hostile)', () => {
  const ok = { url: 'https://shop.test/', title: 'Shop', lang: 'en', text: 'hello', links: [] };
  it('refuses extra fields, wrong types, non-web links and oversized answers', () => {
    expect(parsePageScan(ok)).toEqual(ok);
    expect(parsePageScan({ ...ok, extra: 1 })).toBeNull();
    expect(parsePageScan({ ...ok, links: [{ href: 'javascript:alert(1)', text: 'x', ariaLabel: null, rel: null, title: null, region: 'footer' }] })).toBeNull();
    expect(parsePageScan({ ...ok, text: 'x'.repeat(SCAN_LIMITS.text + 1) })).toBeNull();
    expect(parsePageScan({ ...ok, links: Array.from({ length: SCAN_LIMITS.links + 1 }, () => ({ href: 'https://a.test/', text: 'x', ariaLabel: null, rel: null, title: null, region: 'main' })) })).toBeNull();
    expect(parsePageScan(null)).toBeNull();
    expect(parsePageScan('a string')).toBeNull();
  });
});
