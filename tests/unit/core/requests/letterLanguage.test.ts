import { describe, expect, it } from 'vitest';
import { letterLanguageFor } from '../../../../core/requests/letterLanguage';

describe('the language a letter starts in', () => {
  it("is the one the company asks requests in, whatever the interface's", () => {
    expect(letterLanguageFor({ regime: 'vnPdpl', site: 'shop.de', company: { country: 'DE', requestLanguage: 'en' } })).toBe('en');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.com', company: { country: 'US', requestLanguage: 'FR ' } })).toBe('fr');
  });

  it("else the company's country's, and English where none of the letter languages is spoken there", () => {
    expect(letterLanguageFor({ regime: 'vnPdpl', site: 'shop.com', company: { country: 'DE', requestLanguage: null } })).toBe('de');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.com', company: { country: 'be', requestLanguage: 'nl' } })).toBe('fr');
    expect(letterLanguageFor({ regime: 'vnPdpl', site: 'shop.com', company: { country: 'US', requestLanguage: null } })).toBe('en');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.com', company: { country: 'ES', requestLanguage: null } })).toBe('en');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.vn', company: { country: 'VN', requestLanguage: null } })).toBe('vi');
  });

  it("else the site's country domain's, else the law's usual language", () => {
    expect(letterLanguageFor({ regime: 'vnPdpl', site: 'shop.fr', company: null })).toBe('fr');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.com.vn', company: null })).toBe('vi');
    expect(letterLanguageFor({ regime: 'vnPdpl', site: 'shop.com', company: null })).toBe('vi');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.com', company: null })).toBe('en');
  });

  it('reads a country domain as the country it names, so every country with a letter language counts', () => {
    expect(letterLanguageFor({ regime: 'gdpr', site: 'bank.li', company: null })).toBe('de');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'casino.mc', company: null })).toBe('fr');
    expect(letterLanguageFor({ regime: 'gdpr', site: 'shop.it', company: null })).toBe('en');
  });
});
