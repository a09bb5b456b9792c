import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent, PolicyRecord } from '../../core/ledger/records';
import type { Identity } from '../../core/settings/schema';
import { FETCH_LIMITS } from '../../platform/policy/fetchPolicy';
import {
  HOSTILE_CONTROLLER,
  HOSTILE_LINE_CHARS,
  HOSTILE_MARKUP,
  HOSTILE_POLICY_HOST,
  HOSTILE_REAL_CONTACT,
  HOSTILE_SPOOF_DOMAIN,
  HUGE_POLICY_BYTES,
  HUGE_POLICY_HOST,
} from '../../scripts/lib/hostilePolicies';
import { mailtoParts } from '../support/mailto';
import { injectedElements, nothingInjected } from '../support/pageProbes';
import { useProfile } from './support/consent';
import { startHarness, type Harness } from './support/harness';
import { watchVisits, type WatchedVisits } from './support/watchedVisits';

/**
 * Hostile text through the built extension: policies built to break the
 * reader (scripts/lib/hostilePolicies.ts and the `*-policy.test` fixture
 * sites) are fetched by the background of the real extension, shown in its
 * popup and dashboard, and put in a letter. Nothing from them may become an
 * element or a dialog, no uncaught error may come from the extension, and a
 * policy that cannot be read ends as the status the popup explains, with the
 * rest of the ledger kept.
 */

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: '', country: 'DE', accountIds: [] };
/** Control and format characters (a bidi override, zero-width characters): never in an address that is offered. */
const INVISIBLE = /\p{C}/u;

let h: Harness;
let visits: WatchedVisits;

beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional', { identity: ana });
  visits = await watchVisits(h);
});
afterAll(async () => {
  visits?.stop();
  await h?.shutdown();
});

const policiesOf = async (site: string) => (await h.table<PolicyRecord>('policies')).filter((p) => p.site === site);
const statusesOf = async (site: string) => (await policiesOf(site)).map((p) => p.status);

/** Opens the popup for the tab showing `page`. */
async function popupFor(page: Page): Promise<Page> {
  const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
  await expect.poll(() => popup.getByTestId('popup-site').textContent()).toBe(new URL(page.url()).hostname);
  return popup;
}

/**
 * Nothing in an extension page came from the data: no `img[src=x]`, no
 * element with an inline handler, no inline script, no script but the
 * extension's own files.
 */
async function expectNoInjectedElement(page: Page): Promise<void> {
  const found = await page.evaluate(injectedElements);
  expect(nothingInjected(found, `chrome-extension://${h.extensionId}/`), JSON.stringify(found)).toBe(true);
}

describe('the checks', () => {
  it('catch an injected element, an inline script and a dialog in an extension page', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await expectNoInjectedElement(popup);
    for (const markup of ['<img src="x">', '<b onclick="void 0">b</b>', '<script>void 0</script>']) {
      await popup.evaluate((html) => document.body.insertAdjacentHTML('beforeend', `<div id="probe">${html}</div>`), markup);
      await expect(expectNoInjectedElement(popup)).rejects.toThrow();
      await popup.evaluate(() => document.getElementById('probe')!.remove());
    }
    await popup.evaluate(() => setTimeout(() => alert('probe'), 0));
    await expect.poll(() => visits.dialogs.length).toBe(1);
    expect(visits.dialogs[0]).toContain('probe');
    visits.dialogs.length = 0;
    await popup.close();
  });
});

describe('a hostile privacy policy, read by the background and shown in the popup', () => {
  let site: Page;
  let row: PolicyRecord;

  it('is read: the markup is text, the invalid bytes and invisible characters are gone, the depth cap is reported', async () => {
    site = await visits.open(HOSTILE_POLICY_HOST);
    await expect.poll(() => statusesOf(HOSTILE_POLICY_HOST), { timeout: 30_000 }).toEqual(['ok']);
    [row] = await policiesOf(HOSTILE_POLICY_HOST) as [PolicyRecord];
    expect(new URL(row.url).pathname).toBe('/privacy.html');
    // The escaped markup reached the text as characters; the real tags of the policy (an <img> and <script> in its heading) did not.
    for (const markup of HOSTILE_MARKUP) expect(row.text).toContain(markup);
    expect(row.text).not.toContain("alert('h1')");
    // The invalid UTF-8 bytes decode to replacement characters; no control character, zero-width character or soft hyphen is left.
    expect(row.text).toContain('\uFFFD');
    expect(row.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u00AD\u200B-\u200D\u2060\uFEFF]/);
    expect(row.text).toContain('Privacy is important to us');
    // The long line is all there (under the reader's text cap), and the nesting past the depth cap is reported.
    expect(row.text.length).toBeGreaterThan(HOSTILE_LINE_CHARS);
    const summary = row.summary!;
    expect(summary.warnings.some((w) => /nested too deeply/.test(w))).toBe(true);

    expect(summary.controller?.value.name).toBe(HOSTILE_CONTROLLER);
    expect(summary.sale.value).toBe('doesNotSell');
    // The bidi-spoofed link is dropped; the same address in the text is kept as what it really is, with no override.
    expect(summary.bestContact?.value.value).toBe(HOSTILE_REAL_CONTACT);
    const addresses = summary.contacts.map((c) => c.value);
    for (const address of addresses) expect(address).not.toMatch(INVISIBLE);
    expect(addresses.filter((a) => a.includes(HOSTILE_SPOOF_DOMAIN))).toEqual([`tset.ycilop-elitsoh@${HOSTILE_SPOOF_DOMAIN}`]);
    // The zero-width characters inside the DPO's address are gone: it reads as the plain address.
    expect(addresses).toContain('dpo@hostile-policy.test');
  }, 60_000);

  it('shows in the popup as text: the controller, the best contact and the quotes, never an element or a dialog', async () => {
    const popup = await popupFor(site);
    const card = popup.getByTestId('card-policy');
    await expect.poll(() => card.getByTestId('policy-bestContact').textContent()).toContain(HOSTILE_REAL_CONTACT);
    expect(await card.getByTestId('policy-bestContact').textContent()).not.toContain(HOSTILE_SPOOF_DOMAIN);
    expect(await card.getByTestId('policy-controller').textContent()).toContain(HOSTILE_CONTROLLER);
    expect(await card.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // The quotes holding the markup, opened: the characters show, the elements do not exist.
    await card.locator('[data-field="sale"] summary').click();
    expect(await card.locator('[data-field="sale"] blockquote').first().textContent()).toContain(HOSTILE_MARKUP[0]);
    await card.locator('[data-field="retention"] summary').click();
    expect(await card.locator('[data-field="retention"] blockquote').first().textContent()).toContain(HOSTILE_MARKUP[1]);
    await expectNoInjectedElement(popup);
    expect(visits.dialogs).toEqual([]);
    await popup.close();
  }, 60_000);

  it('shows in the dashboard\'s site page as text too', async () => {
    const page = await h.openExtensionPage(`dashboard.html#/sites/${HOSTILE_POLICY_HOST}`);
    const section = page.getByTestId('site-policy');
    await expect.poll(() => section.getByTestId('policy-bestContact').textContent(), { timeout: 15_000 }).toContain(HOSTILE_REAL_CONTACT);
    expect(await section.textContent()).toContain(HOSTILE_CONTROLLER);
    for (const details of await section.locator('details').all()) await details.evaluate((el) => el.setAttribute('open', ''));
    expect(await section.textContent()).toContain(HOSTILE_MARKUP[0]);
    await expectNoInjectedElement(page);
    expect(visits.dialogs).toEqual([]);
    await page.close();
  }, 60_000);

  it('writes a letter from the popup with the controller as text and a well-formed mailto link to the real address', async () => {
    const popup = await popupFor(site);
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html'), timeout: 10_000 });
    await popup.getByTestId('popup-delete-data').click();
    const dashboard = await opened;
    const letterBox = dashboard.getByTestId('composer-letter');
    await letterBox.waitFor({ timeout: 15_000 });
    expect(dashboard.url()).toContain(`site=${HOSTILE_POLICY_HOST}`);

    const contacts = await dashboard.getByTestId('composer-contact-value').allTextContents();
    expect(contacts[0]).toBe(HOSTILE_REAL_CONTACT);
    for (const contact of contacts) expect(contact).not.toMatch(INVISIBLE);

    // The letter is one text: the controller's ampersand and apostrophe as they are, no element inside it.
    const letter = (await letterBox.textContent())!;
    expect(letter).toContain(HOSTILE_CONTROLLER);
    expect(letter).toContain('Ana Weber');
    expect(await letterBox.locator('*').count()).toBe(0);

    const url = new URL((await dashboard.getByTestId('send-mailto').getAttribute('href'))!);
    expect(mailtoParts(url.href)).toEqual({ protocol: 'mailto:', to: HOSTILE_REAL_CONTACT, hash: '', keys: ['body', 'subject'], subject: await dashboard.getByTestId('composer-subject').textContent(), body: letter });
    expect(url.href).not.toContain(HOSTILE_SPOOF_DOMAIN);
    expect(url.href).not.toMatch(/%E2%80%AE/i);

    await expectNoInjectedElement(dashboard);
    expect(visits.dialogs).toEqual([]);
    await dashboard.close();
    await popup.close();
    await site.close();
  }, 60_000);
});

describe('policies that cannot be read', () => {
  it('says why in the popup for a policy over the size cap, a binary file and a PNG served as a web page, and keeps another site\'s rows', async () => {
    expect(HUGE_POLICY_BYTES).toBeGreaterThan(FETCH_LIMITS.bytes);
    // Another site first: its policy, its visit and its events must all be there afterwards.
    const before = await visits.open('policy.test');
    await expect.poll(() => statusesOf('policy.test'), { timeout: 30_000 }).toEqual(['ok']);
    const eventsOf = async () => (await h.table<LedgerEvent>('events')).filter((e) => e.site === 'policy.test');
    await expect.poll(async () => (await eventsOf()).some((e) => e.kind === 'policy.read')).toBe(true);
    const kept = { policies: await policiesOf('policy.test'), events: await eventsOf(), sites: (await h.table<{ site: string }>('sites')).filter((s) => s.site === 'policy.test') };
    expect(kept.sites).toHaveLength(1);
    await before.close();

    const cases = [
      { host: HUGE_POLICY_HOST, status: 'tooBig', message: 'The policy page is too large to read.' },
      { host: 'binary-policy.test', status: 'notHtml', message: 'The policy link is not a web page (application/octet-stream).' },
      { host: 'png-policy.test', status: 'notAPolicy', message: 'The page linked as the policy does not read like a privacy policy.' },
    ];
    for (const { host, status, message } of cases) {
      const page = await visits.open(host);
      await expect.poll(() => statusesOf(host), { timeout: 30_000 }).toEqual([status]);
      const [failure] = await policiesOf(host);
      expect(failure!.text).toBe('');
      const popup = await popupFor(page);
      const line = popup.getByTestId('policy-status');
      await expect.poll(() => line.getAttribute('data-status')).toBe(status);
      expect(await line.textContent()).toContain(message);
      await expectNoInjectedElement(popup);
      await popup.close();
      await page.close();
    }

    expect(await policiesOf('policy.test')).toEqual(kept.policies);
    expect(await eventsOf()).toEqual(expect.arrayContaining(kept.events));
    expect((await h.table<{ site: string }>('sites')).filter((s) => s.site === 'policy.test')).toHaveLength(1);
    expect(visits.dialogs).toEqual([]);
  }, 120_000);

  it('caused no uncaught error in the extension', () => {
    expect(visits.errors, visits.report()).toEqual([]);
  });
});
