import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDatabase } from '../../../../platform/db';
import type { FetchedPolicy } from '../../../../platform/policy/fetchPolicy';
import type { PageScan } from '../../../../platform/policy/pageScan';
import { candidateUrls, readFrom, readSitePolicy } from '../../../../platform/policy/reader';

const SITES = join(import.meta.dirname, '../../../fixtures/sites');
const POLICY = readFileSync(join(SITES, 'policy.test/legal/privacy.html'), 'utf8');
const HOME = readFileSync(join(SITES, 'policy.test/index.html'), 'utf8');

let db: LedgerDatabase;
beforeEach(() => {
  db = new LedgerDatabase(`reader-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const link = (href: string, text: string, region: PageScan['links'][number]['region'] = 'footer') => ({ href, text, ariaLabel: null, rel: null, title: null, region });
const home: PageScan = {
  url: 'https://policy.test/',
  title: 'Lantern & Loom',
  lang: 'en',
  text: 'Shades woven by hand in Porto',
  links: [
    link('https://policy.test/legal/terms.html', 'Terms of sale'),
    link('https://policy.test/legal/cookies.html', 'Cookie policy'),
    link('https://policy.test/legal/privacy.html', 'Privacy policy'),
  ],
};

/** A network of pages by URL; anything else is a 404. */
function network(pages: Record<string, string>) {
  const asked: string[] = [];
  const fetch = async (url: string): Promise<FetchedPolicy> => {
    asked.push(url);
    const body = pages[url];
    return body === undefined ? { ok: false, status: 'notFound', detail: 'HTTP 404' } : { ok: true, url, body, contentType: 'html' };
  };
  return { asked, fetch };
}

describe('readSitePolicy', () => {
  it('picks the privacy link among the footer links, reads it and keeps the version', async () => {
    const net = network({ 'https://policy.test/legal/privacy.html': POLICY });
    const result = await readSitePolicy('policy.test', { db, scan: async () => home, fetch: net.fetch, now: () => 1000 });
    expect(result).toEqual({ status: 'ok', outcome: 'first', url: 'https://policy.test/legal/privacy.html' });
    expect(net.asked).toEqual(['https://policy.test/legal/privacy.html']);
    const [row] = await db.policies.toArray();
    expect(row!.summary!.bestContact!.value.value).toBe('privacy@policy.test');
    // Every quote is a slice of the stored text at its offsets.
    const s = row!.summary!;
    for (const e of [...s.sale.evidence, ...s.retention.evidence, ...s.rights.evidence, s.bestContact!.value.evidence]) {
      expect(row!.text.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(s.textLength).toBe(row!.text.length);
  });

  it('records "no link" when the page offers none, or could not be scanned', async () => {
    expect((await readSitePolicy('policy.test', { db, scan: async () => ({ ...home, links: [] }), fetch: network({}).fetch })).status).toBe('noLink');
    expect((await readSitePolicy('policy.test', { db, scan: async () => null })).status).toBe('noLink');
    expect((await db.policies.toArray()).map((r) => [r.status, r.detail])).toEqual([['noLink', 'the page could not be scanned']]);
  });

  it('tries the next candidate when one fails, and records the first failure when all do', async () => {
    const scan = { ...home, links: [link('https://policy.test/privacy', 'Privacy'), link('https://policy.test/legal/privacy.html', 'Privacy policy')] };
    const urls = candidateUrls(scan);
    expect(urls).toHaveLength(2);
    const net = network({ [urls[1]!]: POLICY });
    expect((await readSitePolicy('policy.test', { db, scan: async () => scan, fetch: net.fetch })).status).toBe('ok');
    expect(net.asked).toEqual(urls);
    const none = await readFrom('other.test', ['https://other.test/privacy'], { db, fetch: network({}).fetch });
    expect(none).toEqual({ status: 'notFound', outcome: null, url: 'https://other.test/privacy' });
    expect((await db.policies.where('[site+fetchedAt]').between(['other.test', 0], ['other.test', Infinity]).toArray())[0]).toMatchObject({ status: 'notFound', detail: 'HTTP 404' });
  });

  it('does not keep a page that is not a privacy policy', async () => {
    // A "Privacy" link that leads to the shop's home page.
    const scan = { ...home, links: [link('https://policy.test/about', 'Privacy')] };
    const net = network({ 'https://policy.test/about': HOME });
    expect((await readSitePolicy('policy.test', { db, scan: async () => scan, fetch: net.fetch })).status).toBe('notAPolicy');
    expect((await db.policies.toArray()).map((r) => r.status)).toEqual(['notAPolicy']);
  });

  it('on a Vietnamese shop, takes the privacy policy and not the payment security page next to it', () => {
    const vi: PageScan = {
      url: 'https://shop.test/', title: 'Cửa hàng', lang: 'vi', text: 'Chào mừng',
      links: [
        link('https://shop.test/chinh-sach-bao-mat-thanh-toan', 'Chính sách bảo mật thanh toán'),
        link('https://shop.test/dieu-khoan', 'Điều khoản sử dụng'),
        link('https://shop.test/chinh-sach-bao-mat', 'Chính sách bảo mật thông tin'),
      ],
    };
    expect(candidateUrls(vi)[0]).toBe('https://shop.test/chinh-sach-bao-mat');
  });

  it('reads the page itself when it is the policy', async () => {
    const self: PageScan = { url: 'https://policy.test/legal/privacy.html', title: 'Privacy Policy – Lantern & Loom', lang: 'en', text: POLICY.replace(/<[^>]+>/g, ' '), links: [] };
    expect(candidateUrls(self)[0]).toBe('https://policy.test/legal/privacy.html');
  });
});
