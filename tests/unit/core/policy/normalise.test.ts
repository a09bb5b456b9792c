import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, foldDiacritics, lowerSameLength, normaliseText } from '../../../../core/policy/normalise';

describe('normaliseText', () => {
  it('composes combining marks to NFC (a published German text carried decomposed umlauts)', () => {
    const decomposed = 'Datenschutzerkla\u0308rung fu\u0308r Nutzer';
    const out = normaliseText(decomposed);
    expect(out).toBe('Datenschutzerklärung für Nutzer');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('drops a byte-order mark at the start and anywhere else', () => {
    expect(normaliseText('\uFEFFChính sách quyền riêng tư')).toBe('Chính sách quyền riêng tư');
    expect(normaliseText('a\uFEFFb')).toBe('ab');
  });

  it('removes soft hyphens and zero-width characters so words match', () => {
    expect(normaliseText('Daten\u00ADschutz pri\u200Bvacy ke\u200Dep')).toBe('Datenschutz privacy keep');
  });

  it('collapses spaces but keeps line structure', () => {
    expect(normaliseText('# Title  \r\n\r\n\r\n\r\nOne\u00A0\u00A0two\t three \n- item')).toBe('# Title\n\nOne two three\n- item');
  });

  it('turns binary control characters into spaces instead of failing', () => {
    expect(normaliseText('ok\u0000\u0001\u0002text')).toBe('ok text');
  });

  it('caps huge input', () => {
    expect(normaliseText('a'.repeat(MAX_INPUT_CHARS + 500)).length).toBe(MAX_INPUT_CHARS);
  });
});

describe('case folding helpers', () => {
  it('lowerSameLength keeps offsets aligned even for characters whose lower case is longer', () => {
    const s = 'İstanbul ÄÖÜ';
    expect(lowerSameLength(s)).toHaveLength(s.length);
    expect(lowerSameLength('ABC Đ')).toBe('abc đ');
  });

  it('foldDiacritics strips Vietnamese tones and đ for slugs', () => {
    expect(foldDiacritics('Chính sách bảo mật')).toBe('chinh sach bao mat');
    expect(foldDiacritics('Điều khoản')).toBe('dieu khoan');
  });
});
