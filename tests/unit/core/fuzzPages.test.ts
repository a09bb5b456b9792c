import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../../scripts/lib/fixtureServer';
import { FUZZ_KINDS, fuzzPage, kindOfRunPage, OTHER_ORIGIN_MARK, prng } from '../../../scripts/lib/fuzzPages';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('generated fuzz pages', () => {
  it('are a pure function of seed and kind', () => {
    for (const kind of FUZZ_KINDS) {
      expect(fuzzPage(42, kind).html).toBe(fuzzPage(42, kind).html);
      expect(fuzzPage(42, kind).html).not.toBe(fuzzPage(43, kind).html);
    }
    const a = prng(7);
    const b = prng(7);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('hold what their kind promises', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const shadow = fuzzPage(seed, 'shadow').html;
      expect(count(shadow, /shadowrootmode="open"/g)).toBeGreaterThanOrEqual(50);
      const dialog = fuzzPage(seed, 'dialog');
      expect(dialog.dialog?.buttons.length).toBeGreaterThan(0);
      expect(dialog.html).toContain('data-fuzz-answer');
      expect(fuzzPage(seed, 'reload').dialog?.onAnswer).toBe('reload');
      expect(fuzzPage(seed, 'scrolllock').dialog?.lockScroll).toBe(true);
      expect(fuzzPage(seed, 'mutation').html).toContain('requestAnimationFrame');
      // In the light DOM, a shadow root, or a srcdoc frame (escaped).
      expect(fuzzPage(seed, 'form').html).toMatch(/<form|&lt;form/);
    }
    const huge = fuzzPage(400, 'huge').html;
    expect(count(huge, /<[a-z]/g)).toBeGreaterThanOrEqual(50_000);
    expect(huge.length).toBeGreaterThan(2_000_000);
  });

  it('come mostly small in a run, with a huge one in every 400', () => {
    const kinds = Array.from({ length: 2000 }, (_, i) => kindOfRunPage(i));
    expect(kinds.filter((k) => k === 'huge')).toHaveLength(5);
    expect(new Set(kinds)).toEqual(new Set(FUZZ_KINDS.filter((k) => k !== 'reload' && k !== 'scrolllock')));
  });

  it('embed pages of the other fuzz site in some of a run, and nowhere else', () => {
    // The first 399 pages of a run (the 400th is huge and slow to make).
    const run = Array.from({ length: 399 }, (_, i) => fuzzPage(i + 1, kindOfRunPage(i)).html);
    const framing = run.filter((html) => html.includes('data-fuzz-cross-site'));
    expect(framing.length).toBeGreaterThan(40);
    expect(framing.length).toBeLessThan(120);
    for (const html of framing) expect(html).toMatch(new RegExp(`src="${OTHER_ORIGIN_MARK}/page\\?seed=\\d+&amp;kind=[a-z]+&amp;framed=1"`));
    // A framed page embeds no further page, and the guard pages none at all.
    for (let seed = 1; seed <= 100; seed++) {
      for (const kind of FUZZ_KINDS.filter((k) => k !== 'huge')) expect(fuzzPage(seed, kind, { framed: true }).html).not.toContain(OTHER_ORIGIN_MARK);
      expect(fuzzPage(seed, 'reload').html + fuzzPage(seed, 'scrolllock').html).not.toContain(OTHER_ORIGIN_MARK);
    }
    // The frames are drawn last: everything else on the page is the same as in its framed form.
    const seed = run.findIndex((html) => html.includes('data-fuzz-cross-site')) + 1;
    const kind = kindOfRunPage(seed - 1);
    expect(fuzzPage(seed, kind).html.replace(/\n<iframe data-fuzz-cross-site[^>]*><\/iframe>/g, '')).toBe(fuzzPage(seed, kind, { framed: true }).html);
  });

  it('are served on the fuzz hosts only, for a valid seed and kind', async () => {
    const server = await startFixtureServer();
    // fetch may not set Host; the server tells sites apart by it.
    const get = (host: string, path: string) =>
      new Promise<{ status: number; text: () => Promise<string> }>((done, fail) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `${host}:${server.port}` } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, text: async () => Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', fail);
        req.end();
      });
    try {
      const page = await get('fuzz.test', '/page?seed=5&kind=dom');
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(fuzzPage(5, 'dom').html);
      expect((await get('fuzz2.test', '/page?seed=5&kind=nope')).status).toBe(400);
      expect((await get('fuzz.test', '/page?seed=x&kind=dom')).status).toBe(400);
      expect((await get('fuzz.test', '/page?seed=5&kind=dom&framed=yes')).status).toBe(400);
      // A page's frames point at the other fuzz site on this server; a framed page is served without any.
      const seed = Array.from({ length: 100 }, (_, i) => i + 1).find((s) => fuzzPage(s, 'form').html.includes(OTHER_ORIGIN_MARK))!;
      for (const [host, other] of [['fuzz.test', 'fuzz2.test'], ['fuzz2.test', 'fuzz.test']]) {
        const framing = await (await get(host!, `/page?seed=${seed}&kind=form`)).text();
        expect(framing).not.toContain(OTHER_ORIGIN_MARK);
        expect(framing).toContain(`src="http://${other}:${server.port}/page?seed=`);
      }
      expect(await (await get('fuzz2.test', `/page?seed=${seed}&kind=form&framed=1`)).text()).toBe(fuzzPage(seed, 'form', { framed: true }).html);
      // Elsewhere the path is an ordinary (missing) file.
      expect((await get('news.test', '/page?seed=5&kind=dom')).status).toBe(404);
      expect((await get('news.test', '/')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
