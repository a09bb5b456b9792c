import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ASK, CHANNEL_OFFER } from '../../core/ledger/permissionSignal';
import type { Identity } from '../../core/settings/schema';
import { readStorage } from '../../scripts/lib/workerState';
import { forgeMessages, listenFromTheStart, reachForTheExtension } from '../support/pageProbes';
import { consentOutcome, useProfile } from './support/consent';
import { CHROME_BUILD, startHarness, type Harness } from './support/harness';

/**
 * A web page cannot reach the extension: it has no runtime to message, cannot
 * load the extension's files, and neither the main-world scripts nor the
 * content scripts hand it the identity, the preferences or the ledger through
 * postMessage, DOM events or the DOM, whatever it sends them.
 */

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1, 10115 Berlin', country: 'DE', accountIds: [{ label: 'Customer', value: 'C-4711' }] };
/** Words that would show the user's data reached the page. */
const SECRETS = ['Ana Weber', 'ana@example.org', 'Hauptstraße', 'C-4711', 'legitimateInterest', 'denyOptional', '"preferences"', '"identity"'];

declare global {
  interface Window {
    /** What the page heard, recorded from before its first script. */
    __heard: string[];
  }
}

let h: Harness;
let page: Page;
/** What the page heard while it loaded and the extension answered its banner and read its policy. */
let heardWhileLoading: string[];

beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional', { identity: ana });
  // The page listens from its very start to every message and to the permission channel's events.
  await h.context.addInitScript(listenFromTheStart, [CHANNEL_OFFER, CHANNEL_ASK] as const);
  page = await h.context.newPage();
  await page.goto(h.server.url('tracked.test', '/'));
  await consentOutcome(h, page);
  // The policy reader has read the site's policy, so the ledger holds something of this site too.
  for (let tries = 0; !(await h.table<{ site: string }>('policies')).some((p) => p.site === 'tracked.test'); tries++) {
    if (tries > 200) throw new Error('tracked.test\'s policy was never read');
    await new Promise((r) => setTimeout(r, 100));
  }
  heardWhileLoading = await page.evaluate(() => [...window.__heard]);
});
afterAll(async () => h?.shutdown());

describe('a web page cannot reach the extension', () => {
  it('has no extension runtime to message, and cannot load the extension\'s files', async () => {
    // A script the extension really has, so a refusal is the browser's, not a missing file.
    const chunk = readdirSync(join(CHROME_BUILD, 'chunks')).find((f) => f.startsWith('popup-'));
    expect(chunk).toBeDefined();
    const probe = await page.evaluate(reachForTheExtension, [h.extensionUrl(''), chunk!] as const);
    expect(probe).toEqual({ sendMessage: 'undefined', connect: 'undefined', browser: 'undefined', fetched: 'refused', script: 'refused', databases: [] });
  });

  it('gets nothing back for forged messages and channel offers, and changes nothing', async () => {
    const worker = await h.worker();
    const before = { local: await readStorage(worker, 'local'), requests: await h.table('requests') };
    // The extension holds the secrets the page must not see.
    expect(JSON.stringify(before.local)).toContain('Hauptstraße');

    const heard = await page.evaluate(forgeMessages, [CHANNEL_OFFER, CHANNEL_ASK, ['identity.get', 'settings.get', 'ledger.import', 'requests.save', 'data.eraseAll']] as const);
    // Only the page's own messages come back: the content script no longer answers an ask once the watcher has its channel.
    expect(heard.onMine).toEqual([]);
    expect(heard.all.filter((line) => !line.startsWith('message {"channel":"privacy-ledger","type"'))).toEqual([`${CHANNEL_OFFER} "privacy-ledger:permissions-page-made"`, `${CHANNEL_ASK} null`]);
    const after = { local: await readStorage(worker, 'local'), requests: await h.table('requests') };
    expect(after).toEqual(before);
  });

  it('sees none of the user\'s identity, preferences or ledger in anything it heard or in its DOM', async () => {
    const seen = await page.evaluate(() => ({ heard: window.__heard.join('\n'), dom: document.documentElement.outerHTML, globals: Object.keys(window).join(' ') }));
    // What it heard while loading is the permission channel's handshake and nothing else.
    expect(heardWhileLoading.length).toBeGreaterThan(0);
    expect(heardWhileLoading.every((line) => line.startsWith(`${CHANNEL_OFFER} "privacy-ledger:`) || line === `${CHANNEL_ASK} null`)).toBe(true);
    seen.heard += `\n${heardWhileLoading.join('\n')}`;
    for (const secret of SECRETS) {
      expect(seen.heard, secret).not.toContain(secret);
      expect(seen.dom, secret).not.toContain(secret);
    }
    expect(seen.globals).not.toMatch(/privacy|ledger|autoconsent/i);
    // The one thing a page is meant to learn: the Global Privacy Control signal.
    expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
  });
});
