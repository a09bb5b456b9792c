/**
 * Every input of the policy reader's hostile-text unit suite through the
 * built extension in Firefox ESR, with both Firefox builds: the same sites and
 * the same comparison as tests/e2e/security-hostile-corpus.e2e.ts. Each
 * `hostile-text-N.test` policy is found, fetched, read and kept by the
 * background; what it keeps must equal what the reader's functions give in
 * Node for the same bytes, and the popup must show it with no injected
 * element. No dialog, no uncaught error from the extension. Needs the builds:
 * `npx wxt build -b firefox` and `... --mv3`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRecord } from '../../core/ledger/records';
import { SERVED_HOSTILE_TEXTS, type ServedHostileText } from '../../scripts/lib/hostileTexts';
import { reportErrors } from '../e2e/support/fuzzRun';
import { expectedReading, expectKeptAsRead } from '../support/hostileReading';
import { sitePolicies } from './support/extensionPage';
import { waitInPage } from './support/firefox';
import { startFirefoxVisits, type FirefoxVisits } from './support/watchedVisits';

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Every hostile input in Firefox: %s', (build) => {
  let v: FirefoxVisits;
  const seen: Record<string, number> = {};

  beforeAll(async () => {
    v = await startFirefoxVisits(build, { hosts: SERVED_HOSTILE_TEXTS.map((input) => input.host) });
  });
  afterAll(async () => {
    await v?.close();
  });

  it.each(SERVED_HOSTILE_TEXTS.map((input) => [`${input.name} (${input.kind})`, input] as const))('%s', async (_name, input: ServedHostileText) => {
    const page = await v.visit(input.host);
    await expect.poll(async () => (await sitePolicies(v.ext, input.host)).length, { timeout: 60_000 }).toBe(1);
    const [row] = (await sitePolicies<PolicyRecord>(v.ext, input.host)) as [PolicyRecord];
    const expected = expectedReading(input, v.server.url(input.host, '/privacy'));
    seen[expected.status] = (seen[expected.status] ?? 0) + 1;
    expectKeptAsRead(row, expected);

    await v.popupFor(page);
    if (expected.status === 'ok') await waitInPage(v.ui, 'the policy\'s facts', () => document.querySelector('[data-testid="card-policy"] [data-testid="policy-facts"]') !== null, '');
    else await waitInPage(v.ui, `the policy status ${expected.status}`, (s) => document.querySelector('[data-testid="card-policy"] [data-testid="policy-status"]')?.getAttribute('data-status') === s, expected.status);
    await v.expectNoInjectedElement(v.ui);
    await page.close();
  }, 90_000);

  it('read most of them whole and refused the rest at the size cap, with no dialog and no uncaught error in the extension', async () => {
    expect(seen.ok).toBeGreaterThan(SERVED_HOSTILE_TEXTS.length / 2);
    expect(seen.tooBig).toBeGreaterThan(0);
    expect(v.dialogs).toEqual([]);
    const all = await v.errors();
    expect(all, reportErrors(all)).toEqual([]);
  });
});
