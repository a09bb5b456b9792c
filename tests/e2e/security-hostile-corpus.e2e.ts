import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRecord } from '../../core/ledger/records';
import { SERVED_HOSTILE_TEXTS, type ServedHostileText } from '../../scripts/lib/hostileTexts';
import { sitePoliciesInExtension } from '../../scripts/lib/workerState';
import { expectedReading, expectKeptAsRead } from '../support/hostileReading';
import { injectedElements, nothingInjected } from '../support/pageProbes';
import { useProfile } from './support/consent';
import { startHarness, type Harness } from './support/harness';
import { watchVisits, type WatchedVisits } from './support/watchedVisits';

/**
 * Every input of the policy reader's hostile-text unit suite
 * (scripts/lib/hostileTexts.ts), each the privacy policy of its own site,
 * read by the built extension as a visit makes it read: found through the
 * site's link, fetched by the background under its caps, read in the
 * browser, kept, and shown in the popup. What the extension keeps must be
 * exactly what the reader's functions give in Node for the same bytes (the
 * unit suite proves those functions on these inputs): the same status, the
 * same text, the same summary. No uncaught error may come from the extension,
 * and nothing read may become an element or a dialog.
 */

let h: Harness;
let visits: WatchedVisits;

beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional');
  visits = await watchVisits(h);
});
afterAll(async () => {
  visits?.stop();
  await h?.shutdown();
});

const policiesOf = async (site: string) => (await h.worker()).evaluate(sitePoliciesInExtension<PolicyRecord>, site);

const seen: Record<string, number> = {};

describe('every hostile input of the reader\'s unit suite, as a site\'s privacy policy', () => {
  it.each(SERVED_HOSTILE_TEXTS.map((input) => [`${input.name} (${input.kind})`, input] as const))('%s', async (_name, input: ServedHostileText) => {
    const page = await visits.open(input.host);
    await expect.poll(async () => (await policiesOf(input.host)).length, { timeout: 60_000 }).toBe(1);
    const [row] = await policiesOf(input.host) as [PolicyRecord];
    const expected = expectedReading(input, h.server.url(input.host, '/privacy'));
    seen[expected.status] = (seen[expected.status] ?? 0) + 1;
    expectKeptAsRead(row, expected);

    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
    const card = popup.getByTestId('card-policy');
    if (expected.status === 'ok') await card.getByTestId('policy-facts').waitFor({ timeout: 15_000 });
    else await expect.poll(() => card.getByTestId('policy-status').getAttribute('data-status')).toBe(expected.status);
    const found = await popup.evaluate(injectedElements);
    expect(nothingInjected(found, `chrome-extension://${h.extensionId}/`), JSON.stringify(found)).toBe(true);
    await popup.close();
    await page.close();
  }, 90_000);

  it('read most of them whole and refused the rest at the size cap, with no dialog and no uncaught error in the extension', () => {
    // The served list is built so that both paths are taken; a change that sent every input down one would go unseen.
    expect(seen.ok).toBeGreaterThan(SERVED_HOSTILE_TEXTS.length / 2);
    expect(seen.tooBig).toBeGreaterThan(0);
    expect(visits.dialogs).toEqual([]);
    expect(visits.errors, visits.report()).toEqual([]);
  });
});
