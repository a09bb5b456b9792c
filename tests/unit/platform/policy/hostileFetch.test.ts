/**
 * A policy URL that answers with something hostile: binary types, binary bodies under an HTML type,
 * charsets that are not charsets, lengths that are not numbers. Nothing throws; non-text types are refused
 * by name; a binary body that claims to be HTML is read, found not to be a policy, and never stored as one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchPolicy } from '../../../../platform/policy/fetchPolicy';
import { analyse } from '../../../../platform/policy/reader';
import { isLikelyPolicyPage } from '../../../../core/policy/policyPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(body: BodyInit, headers: Record<string, string>) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const r = new Response(body, { status: 200, headers });
    Object.defineProperty(r, 'url', { value: url });
    return r;
  }));
}

function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 99;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(50_000)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(50_000)]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(50_000)]);

describe('hostile answers to a policy fetch', () => {
  it.each(['application/pdf', 'image/png', 'application/zip', 'application/octet-stream', 'application/javascript', 'x/y; charset=utf-8'])(
    'refuses the type %s by name', async (type) => {
      serve(PDF, { 'content-type': type });
      const got = await fetchPolicy('https://shop.test/privacy', 'shop.test', true);
      expect(got).toEqual({ ok: false, status: 'notHtml', detail: type.split(';')[0] });
    },
  );

  it.each([
    ['a PDF', PDF], ['a PNG', PNG], ['a ZIP', ZIP], ['NUL bytes', new Uint8Array(100_000)], ['invalid UTF-8', new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])],
  ])('reads %s sent as HTML or without a type, and it is not taken for a policy', async (_name, bytes) => {
    const variants: Record<string, string>[] = [{ 'content-type': 'text/html; charset=utf-8' }, {}, { 'content-type': 'text/plain' }];
    for (const headers of variants) {
      serve(bytes, headers);
      const got = await fetchPolicy('https://shop.test/privacy', 'shop.test', true);
      if (!got.ok) throw new Error(`expected a body, got ${got.status}`);
      const { text, summary } = analyse(got);
      expect(summary.textLength).toBe(text.length);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(isLikelyPolicyPage({ text, title: summary.title, url: got.url }).likely).toBe(false);
    }
  });

  it.each([
    ['an unknown charset', 'text/html; charset=x-hostile'],
    ['the "replacement" charset', 'text/html; charset=iso-2022-kr'],
    ['a charset 100,000 characters long', `text/html; charset="${'a'.repeat(100_000)}"`],
    ['UTF-16 over odd bytes', 'text/html; charset=utf-16'],
  ])('decodes a body with %s without throwing', async (_name, type) => {
    serve(new Uint8Array([0x3c, 0x70, 0x3e, 0x68, 0x69, 0xff]), { 'content-type': type });
    const got = await fetchPolicy('https://shop.test/privacy', 'shop.test', true);
    expect(got.ok).toBe(true);
  });

  it('ignores a content length that is not a number, and still stops at the cap', async () => {
    serve('<p>hi</p>', { 'content-type': 'text/html', 'content-length': 'lots' });
    expect((await fetchPolicy('https://shop.test/p', 'shop.test', true)).ok).toBe(true);
    serve(new Uint8Array(5000), { 'content-type': 'text/html', 'content-length': '-1' });
    expect(await fetchPolicy('https://shop.test/p', 'shop.test', true, { bytes: 1000, timeoutMs: 5000 })).toMatchObject({ ok: false, status: 'tooBig' });
  });
});
