import { afterEach, describe, expect, it, vi } from 'vitest';
import { charsetOf, fetchPolicy, mayFetch } from '../../../../platform/policy/fetchPolicy';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Stands in for the network: one response, and a record of what was asked. */
function serve(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const r = response();
    Object.defineProperty(r, 'url', { value: url });
    return r;
  }));
  return calls;
}

const html = (body: string, type = 'text/html; charset=utf-8') => new Response(body, { status: 200, headers: { 'content-type': type } });

describe('mayFetch', () => {
  it('allows http(s) on the visited site, and elsewhere only when the page offered the link', () => {
    expect(mayFetch('https://www.shop.test/privacy', 'shop.test', false)).toBe(true);
    expect(mayFetch('https://legal.example/shop/privacy', 'shop.test', false)).toBe(false);
    expect(mayFetch('https://legal.example/shop/privacy', 'shop.test', true)).toBe(true);
  });
  it('never allows other schemes or URLs with credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'chrome://settings', 'https://user:pw@shop.test/', 'not a url']) {
      expect(mayFetch(url, 'shop.test', true), url).toBe(false);
    }
  });
});

describe('fetchPolicy', () => {
  it('fetches without cookies or cache, following redirects, and returns the decoded page', async () => {
    const calls = serve(() => html('<h1>Privacy – données</h1>'));
    const got = await fetchPolicy('https://shop.test/privacy', 'shop.test', true);
    expect(got).toEqual({ ok: true, url: 'https://shop.test/privacy', body: '<h1>Privacy – données</h1>', contentType: 'html' });
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'follow', cache: 'no-store' });
  });

  it('decodes the charset the page declares', async () => {
    const latin1 = new Uint8Array([0x3c, 0x70, 0x3e, 0x63, 0x6f, 0x6e, 0x66, 0x69, 0x64, 0x65, 0x6e, 0x74, 0x69, 0x61, 0x6c, 0x69, 0x74, 0xe9]);
    serve(() => new Response(latin1, { headers: { 'content-type': 'text/html; charset=iso-8859-1' } }));
    const got = await fetchPolicy('https://shop.test/p', 'shop.test', true);
    expect(got.ok && got.body).toBe('<p>confidentialité');
    expect(charsetOf('text/html', new TextEncoder().encode('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(charsetOf('text/html', new Uint8Array())).toBe('utf-8');
  });

  it('reads plain text as text', async () => {
    serve(() => html('We do not sell your data.', 'text/plain'));
    expect(await fetchPolicy('https://shop.test/privacy.txt', 'shop.test', true)).toMatchObject({ ok: true, contentType: 'text' });
  });

  it('refuses a link off the site that the page did not offer, without asking the network', async () => {
    const calls = serve(() => html('x'));
    expect(await fetchPolicy('https://elsewhere.test/privacy', 'shop.test', false)).toMatchObject({ ok: false, status: 'blocked' });
    expect(calls).toHaveLength(0);
  });

  it('names each failure', async () => {
    serve(() => new Response('gone', { status: 404 }));
    expect(await fetchPolicy('https://shop.test/privacy', 'shop.test', true)).toEqual({ ok: false, status: 'notFound', detail: 'HTTP 404' });
    serve(() => html('%PDF', 'application/pdf'));
    expect(await fetchPolicy('https://shop.test/privacy.pdf', 'shop.test', true)).toEqual({ ok: false, status: 'notHtml', detail: 'application/pdf' });
    serve(() => { throw new TypeError('Failed to fetch'); });
    expect(await fetchPolicy('https://shop.test/privacy', 'shop.test', true)).toEqual({ ok: false, status: 'failed', detail: 'Failed to fetch' });
  });

  it('stops at the size cap, whether the length is declared or not', async () => {
    const limits = { bytes: 1000, timeoutMs: 5000 };
    serve(() => new Response('x', { headers: { 'content-type': 'text/html', 'content-length': '5000' } }));
    expect(await fetchPolicy('https://shop.test/p', 'shop.test', true, limits)).toMatchObject({ ok: false, status: 'tooBig' });
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(400).fill(0x61));
      },
    });
    serve(() => new Response(stream, { headers: { 'content-type': 'text/html' } }));
    expect(await fetchPolicy('https://shop.test/p', 'shop.test', true, limits)).toMatchObject({ ok: false, status: 'tooBig' });
  });

  it('gives up when the server does not answer in time', async () => {
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })));
    expect(await fetchPolicy('https://shop.test/p', 'shop.test', true, { bytes: 1000, timeoutMs: 20 })).toMatchObject({ ok: false, status: 'timeout' });
  });
});
