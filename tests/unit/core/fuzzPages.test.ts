import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../../scripts/lib/fixtureServer';
import { FUZZ_KINDS, fuzzPage, kindOfRunPage, prng } from '../../../scripts/lib/fuzzPages';

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
      // Elsewhere the path is an ordinary (missing) file.
      expect((await get('news.test', '/page?seed=5&kind=dom')).status).toBe(404);
      expect((await get('news.test', '/')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
