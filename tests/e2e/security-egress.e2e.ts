import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../core/settings/schema';
import { siteOf } from '../../core/sites/domain';
import { consentOutcome, useProfile } from './support/consent';
import { CHROME_BUILD, onboardingPage, startHarness, type Harness } from './support/harness';
import { until } from '../../scripts/lib/until';

/**
 * "Nothing leaves the device" (README, the privacy promise): every request the
 * extension's own contexts make during a full scenario is recorded, and only
 * its own files and, from the background, a visited site's gpc.json and
 * privacy policy may be among them.
 */

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1, 10115 Berlin', country: 'DE', accountIds: [] };
const BANNER_SITES = ['news.test', 'shop.test', 'tracked.test'];
const POLICY_SITE = 'policy.test';

/** One request, and which of the extension's contexts made it. */
interface Seen {
  url: string;
  method: string;
  /** `background` (the service worker), `extension` (an extension page), `web` (a web page), `unknown`. */
  from: 'background' | 'extension' | 'web' | 'unknown';
  /** The page or worker that made it. */
  origin: string;
  cookie: boolean;
}

function sourceOf(request: Request, extensionOrigin: string): Pick<Seen, 'from' | 'origin'> {
  const worker = request.serviceWorker();
  if (worker) return { from: worker.url().startsWith(extensionOrigin) ? 'background' : 'web', origin: worker.url() };
  let pageUrl: string;
  try {
    pageUrl = request.frame().page()?.url() ?? request.frame().url();
  } catch {
    return { from: 'unknown', origin: '' };
  }
  // A navigation's frame still shows the URL it leaves; the request's own URL says where it goes.
  const url = request.isNavigationRequest() && request.frame().parentFrame() === null ? request.url() : pageUrl;
  return { from: url.startsWith(extensionOrigin) ? 'extension' : 'web', origin: url };
}

let h: Harness;
let extensionOrigin: string;
const seen: Seen[] = [];
const pending: Promise<void>[] = [];
/** Every page the scenario opened on a visited site, and the links it carried. */
const visited = new Map<string, Set<string>>();

async function rememberLinks(page: Page): Promise<void> {
  const site = siteOf(page.url())!;
  const links = await page.evaluate(() => [location.href, ...Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href)]);
  const known = visited.get(site) ?? new Set<string>();
  for (const link of links) known.add(link.split('#')[0]!);
  visited.set(site, known);
}

/** Why a request is not allowed, or null when it is. */
function offence(request: Seen): string | null {
  if (request.from === 'web') return null; // the pages' own traffic: not the extension's
  const url = new URL(request.url);
  if (url.protocol === 'chrome-extension:') return request.url.startsWith(extensionOrigin) ? null : 'another extension\'s file';
  if (request.from !== 'background') return `${request.from} context ${request.origin || '(none)'} went to the network`;
  const site = siteOf(request.url);
  const links = site ? visited.get(site) : undefined;
  if (!links) return 'not a site the user visited';
  if (request.method !== 'GET') return `${request.method}, not GET`;
  if (request.cookie) return 'sent cookies';
  if (url.pathname === '/.well-known/gpc.json') return null;
  if (links.has(request.url.split('#')[0]!)) return null; // a policy the page linked to (or the page itself)
  return 'not the site\'s gpc.json or a policy link of its page';
}

beforeAll(async () => {
  h = await startHarness();
  extensionOrigin = h.extensionUrl('');
  h.context.on('request', (request) => {
    const source = sourceOf(request, extensionOrigin);
    const entry: Seen = { url: request.url(), method: request.method(), ...source, cookie: false };
    seen.push(entry);
    // The headers as sent (cookies included) are known only once the request has gone.
    pending.push(request.allHeaders().then((headers) => { entry.cookie = 'cookie' in headers; }, () => undefined));
  });

  // Onboarding opened on install, before the recorder: load it again with the recorder on.
  const onboarding = await onboardingPage(h);
  await onboarding.reload();
  await onboarding.waitForLoadState('load');
  await useProfile(h, 'denyOptional', { identity: ana });

  for (const host of [...BANNER_SITES, POLICY_SITE]) {
    const page = await h.context.newPage();
    await page.goto(h.server.url(host, '/'));
    await page.waitForLoadState('load');
    await rememberLinks(page);
    if (host !== POLICY_SITE) await consentOutcome(h, page);
  }
  // The policy reader reads policy.test's and tracked.test's policies on load.
  for (const site of [POLICY_SITE, 'tracked.test']) {
    await until(`${site}'s policy read`, async () => (await h.table<{ site: string; status: string }>('policies')).some((p) => p.site === site && p.status === 'ok'), 20_000);
  }

  // The popup for tracked.test, its "Delete my data" to the composer, and the dashboard's pages.
  const tracked = h.context.pages().find((p) => siteOf(p.url()) === 'tracked.test')!;
  const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(tracked)}`);
  await popup.getByTestId('popup-site').filter({ hasText: /^tracked\.test$/ }).waitFor();
  const composer = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html'), timeout: 10_000 });
  await popup.getByTestId('popup-delete-data').click();
  const dashboard = await composer;
  await dashboard.getByTestId('composer-letter').waitFor({ timeout: 15_000 });
  for (const hash of ['#/sites', `#/sites/${POLICY_SITE}`, '#/sites/tracked.test', '#/preferences', '#/identity', '#/data']) {
    await dashboard.evaluate((to) => { location.hash = to; }, hash);
    await dashboard.waitForFunction((to) => location.hash === to, hash);
    await dashboard.locator('main').first().waitFor();
  }
  await dashboard.reload();
  await dashboard.waitForLoadState('load');
  // Let anything started late (a last policy read, a badge, a gpc.json) happen while the recorder listens.
  await new Promise((r) => setTimeout(r, 1500));
  await Promise.all(pending);
});
afterAll(async () => h?.shutdown());

describe('nothing leaves the device', () => {
  it('sees the background\'s own requests: the policy fetch and the gpc.json check are recorded', () => {
    const background = seen.filter((r) => r.from === 'background').map((r) => r.url);
    expect(background).toContain(h.server.url(POLICY_SITE, '/legal/privacy.html'));
    expect(background.some((u) => u.endsWith('/.well-known/gpc.json'))).toBe(true);
    // And the extension pages' own files, so a page's request would be seen too.
    expect(seen.some((r) => r.from === 'extension' && r.url.startsWith(extensionOrigin))).toBe(true);
  });

  it('makes no request from the background or its pages but its own files and the visited sites\' gpc.json and policies', () => {
    const offending = seen.map((r) => ({ ...r, why: offence(r) })).filter((r) => r.why !== null);
    expect(offending.map((r) => `${r.from} ${r.method} ${r.url}: ${r.why}`)).toEqual([]);
  });

  it('loads no remote code: every script of its pages comes from the extension, under a CSP that forbids anything else', () => {
    const scripts = seen.filter((r) => r.from === 'extension' && /\.m?js(\?|$)/.test(new URL(r.url).pathname));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((r) => !r.url.startsWith(extensionOrigin))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*object-src 'none'\s*(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('would catch a stray request: one the background makes to a site nobody visited is recorded and refused', async () => {
    const before = seen.length;
    const beacon = h.server.url('plain.test', '/beacon');
    await (await h.worker()).evaluate((url) => fetch(url).then(() => undefined, () => undefined), beacon);
    await until('the stray request was recorded', async () => seen.slice(before).some((r) => r.url === beacon), 5000);
    const stray = seen.slice(before).filter((r) => r.url === beacon);
    expect(stray.map((r) => [r.from, offence(r)])).toEqual([['background', 'not a site the user visited']]);
  });
});
