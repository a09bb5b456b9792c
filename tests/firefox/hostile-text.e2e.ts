/**
 * Hostile text through the built extension in Firefox ESR, with both Firefox
 * builds: the policies of tests/e2e/security-hostile-text.e2e.ts
 * (scripts/lib/hostilePolicies.ts and the `*-policy.test` fixture sites),
 * fetched by the background, shown in the popup and the dashboard, and put in
 * a letter. Nothing from them may become an element or a dialog, no uncaught
 * error may come from the extension, and a policy that cannot be read ends as
 * the status the popup explains, with another site's rows kept. Needs the
 * builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent, PolicyRecord } from '../../core/ledger/records';
import type { Identity } from '../../core/settings/schema';
import { HOSTILE_CONTROLLER, HOSTILE_MARKUP, HOSTILE_POLICY_HOST, HOSTILE_REAL_CONTACT, HOSTILE_SPOOF_DOMAIN, HUGE_POLICY_HOST } from '../../scripts/lib/hostilePolicies';
import { reportErrors } from '../e2e/support/fuzzRun';
import { mailtoParts } from '../support/mailto';
import { readTable } from './support/extensionPage';
import { composerFromPopup, openExtensionPage, waitInPage } from './support/firefox';
import { startFirefoxVisits, type FirefoxVisits } from './support/watchedVisits';

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: '', country: 'DE', accountIds: [] };
/** Control and format characters (a bidi override, zero-width characters): never in an address that is offered. */
const INVISIBLE = /\p{C}/u;
const UNREADABLE = [
  { host: HUGE_POLICY_HOST, status: 'tooBig', message: 'The policy page is too large to read.' },
  { host: 'binary-policy.test', status: 'notHtml', message: 'The policy link is not a web page (application/octet-stream).' },
  { host: 'png-policy.test', status: 'notAPolicy', message: 'The page linked as the policy does not read like a privacy policy.' },
];

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Hostile text in Firefox: %s', (build) => {
  let v: FirefoxVisits;
  /** The hostile site's tab, kept open for the popup. */
  let site: Page;

  const policiesOf = async (host: string) => (await readTable<PolicyRecord>(v.ext, 'policies')).filter((p) => p.site === host);
  const statusesOf = async (host: string) => (await policiesOf(host)).map((p) => p.status);
  const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

  beforeAll(async () => {
    v = await startFirefoxVisits(build, { hosts: [HOSTILE_POLICY_HOST, ...UNREADABLE.map((c) => c.host)], settings: { identity: ana } });
  });

  afterAll(async () => {
    await v?.close();
  });

  it('reads the hostile policy: the markup is text, no invisible character is left, the spoofed link is dropped', async () => {
    site = await v.visit(HOSTILE_POLICY_HOST);
    await expect.poll(() => statusesOf(HOSTILE_POLICY_HOST), { timeout: 30_000 }).toEqual(['ok']);
    const [row] = (await policiesOf(HOSTILE_POLICY_HOST)) as [PolicyRecord];
    for (const markup of HOSTILE_MARKUP) expect(row.text).toContain(markup);
    expect(row.text).not.toContain("alert('h1')");
    expect(row.text).toContain('\uFFFD');
    expect(row.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u00AD\u200B-\u200D\u2060\uFEFF]/);
    const summary = row.summary!;
    expect(summary.warnings.some((w) => /nested too deeply/.test(w))).toBe(true);
    expect(summary.controller?.value.name).toBe(HOSTILE_CONTROLLER);
    expect(summary.bestContact?.value.value).toBe(HOSTILE_REAL_CONTACT);
    const addresses = summary.contacts.map((c) => c.value);
    for (const address of addresses) expect(address).not.toMatch(INVISIBLE);
    expect(addresses).toContain('dpo@hostile-policy.test');
  }, 60_000);

  it('shows it in the popup and the dashboard as text, never an element or a dialog', async () => {
    await v.popupFor(site);
    const card = '[data-testid="card-policy"]';
    await waitInPage(v.ui, 'the best contact', (c) => document.querySelector('[data-testid="card-policy"] [data-testid="policy-bestContact"]')?.textContent?.includes(c) === true, HOSTILE_REAL_CONTACT);
    expect(await text(v.ui, `${card} [data-testid="policy-bestContact"]`)).not.toContain(HOSTILE_SPOOF_DOMAIN);
    expect(await text(v.ui, `${card} [data-testid="policy-controller"]`)).toContain(HOSTILE_CONTROLLER);
    expect(await text(v.ui, card)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await v.ui.click(`${card} [data-field="sale"] summary`);
    expect(await text(v.ui, `${card} [data-field="sale"] blockquote`)).toContain(HOSTILE_MARKUP[0]);
    await v.expectNoInjectedElement(v.ui);

    await openExtensionPage(v.ui, `/dashboard.html#/sites/${HOSTILE_POLICY_HOST}`);
    await waitInPage(v.ui, 'the site page\'s policy', (c) => document.querySelector('[data-testid="site-policy"] [data-testid="policy-bestContact"]')?.textContent?.includes(c) === true, HOSTILE_REAL_CONTACT);
    await v.ui.$$eval('[data-testid="site-policy"] details', (all: Element[]) => all.forEach((el) => el.setAttribute('open', '')));
    const section = await text(v.ui, '[data-testid="site-policy"]');
    expect(section).toContain(HOSTILE_CONTROLLER);
    expect(section).toContain(HOSTILE_MARKUP[0]);
    await v.expectNoInjectedElement(v.ui);
    expect(v.dialogs).toEqual([]);
  }, 60_000);

  it('writes a letter from the popup with the controller as text and a well-formed mailto link to the real address', async () => {
    await v.popupFor(site);
    const dashboard = await composerFromPopup(v.firefox, v.ui);
    await waitInPage(dashboard, 'the composer\'s letter', () => document.querySelector('[data-testid="composer-letter"]') !== null, '');
    expect(await dashboard.evaluate(() => location.hash)).toContain(`site=${HOSTILE_POLICY_HOST}`);

    const contacts = await dashboard.$$eval('[data-testid="composer-contact-value"]', (all) => all.map((el) => el.textContent ?? ''));
    expect(contacts[0]).toBe(HOSTILE_REAL_CONTACT);
    for (const contact of contacts) expect(contact).not.toMatch(INVISIBLE);
    const letter = await text(dashboard, '[data-testid="composer-letter"]');
    expect(letter).toContain(HOSTILE_CONTROLLER);
    expect(letter).toContain('Ana Weber');
    expect(await dashboard.$$eval('[data-testid="composer-letter"] *', (all) => all.length)).toBe(0);

    const url = new URL((await dashboard.$eval('[data-testid="send-mailto"]', (a) => a.getAttribute('href')))!);
    expect(mailtoParts(url.href)).toEqual({ protocol: 'mailto:', to: HOSTILE_REAL_CONTACT, hash: '', keys: ['body', 'subject'], subject: await text(dashboard, '[data-testid="composer-subject"]'), body: letter });
    expect(url.href).not.toContain(HOSTILE_SPOOF_DOMAIN);
    expect(url.href).not.toMatch(/%E2%80%AE/i);
    await v.expectNoInjectedElement(dashboard);
    expect(v.dialogs).toEqual([]);
    await dashboard.close();
    await site.close();
  }, 60_000);

  it('says why in the popup for a policy over the size cap, a binary file and a PNG served as a web page, and keeps another site\'s rows', async () => {
    const other = await v.visit('policy.test');
    await expect.poll(() => statusesOf('policy.test'), { timeout: 30_000 }).toEqual(['ok']);
    const eventsOf = async () => (await readTable<LedgerEvent>(v.ext, 'events')).filter((e) => e.site === 'policy.test');
    await expect.poll(async () => (await eventsOf()).some((e) => e.kind === 'policy.read')).toBe(true);
    const kept = { policies: await policiesOf('policy.test'), events: await eventsOf() };
    await other.close();

    for (const { host, status, message } of UNREADABLE) {
      const page = await v.visit(host);
      await expect.poll(() => statusesOf(host), { timeout: 30_000 }).toEqual([status]);
      expect((await policiesOf(host))[0]!.text).toBe('');
      await v.popupFor(page);
      await waitInPage(v.ui, `the policy status ${status}`, (s) => document.querySelector('[data-testid="policy-status"]')?.getAttribute('data-status') === s, status);
      expect(await text(v.ui, '[data-testid="policy-status"]')).toContain(message);
      await v.expectNoInjectedElement(v.ui);
      await page.close();
    }
    expect(await policiesOf('policy.test')).toEqual(kept.policies);
    expect(await eventsOf()).toEqual(expect.arrayContaining(kept.events));
    expect(v.dialogs).toEqual([]);
  }, 120_000);

  it('caused no uncaught error in the extension', async () => {
    const all = await v.errors();
    expect(all, reportErrors(all)).toEqual([]);
  });
});
