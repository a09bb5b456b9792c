import { describe, expect, it } from 'vitest';
import { isFirstParty, normaliseSiteInput, siteOf } from '../../../core/sites/domain';

describe('siteOf', () => {
  it.each([
    ['https://www.example.com/path?q=1', 'example.com'],
    ['https://shop.example.co.uk/', 'example.co.uk'],
    ['http://news.test:8080/a', 'news.test'],
    ['https://tuoitre.vn/', 'tuoitre.vn'],
    ['https://vnexpress.net/', 'vnexpress.net'],
    ['https://a.b.gov.vn/', 'b.gov.vn'],
    ['http://127.0.0.1:3000/', '127.0.0.1'],
    ['http://[::1]:3000/', '::1'],
    ['http://localhost:5173/', 'localhost'],
    ['https://EXAMPLE.com/', 'example.com'],
  ])('%s belongs to %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each(['chrome-extension://abc/popup.html', 'about:blank', 'file:///etc/passwd', 'not a url', ''])('%s is not a website', (url) => {
    expect(siteOf(url)).toBeNull();
  });
});

describe('isFirstParty', () => {
  it('treats subdomains of the same registrable domain as first party', () => {
    expect(isFirstParty('example.com', 'https://cdn.example.com/x.js')).toBe(true);
    expect(isFirstParty('example.com', 'https://example.com.evil.net/')).toBe(false);
  });
});

describe('normaliseSiteInput', () => {
  it('accepts what a person types and reduces it to the registrable domain', () => {
    expect(normaliseSiteInput(' https://Www.Example.com/page ')).toBe('example.com');
    expect(normaliseSiteInput('shop.example.co.uk')).toBe('example.co.uk');
    expect(normaliseSiteInput('')).toBeNull();
    expect(normaliseSiteInput('ftp://example.com')).toBeNull();
  });
});
