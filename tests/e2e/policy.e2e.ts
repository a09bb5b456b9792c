import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyChangedData } from '../../core/ledger/eventData';
import type { LedgerEvent, PolicyRecord } from '../../core/ledger/records';
import { defaultSettings } from '../../core/settings/defaults';
import type { Settings } from '../../core/settings/schema';
import { SITES_DIR } from '../../scripts/lib/fixtureServer';
import { writeStorage } from '../../scripts/lib/workerState';
import { startHarness, type Harness } from './support/harness';

/** The policy-swap.test policy: the test copies its second version over it, and puts the first back. */
const SWAP_POLICY = join(SITES_DIR, 'policy-swap.test', 'privacy.html');
const SWAP_V2 = join(SITES_DIR, 'policy-swap.test', 'versions', 'privacy-v2.html');
let firstVersion: string;

let h: Harness;
beforeAll(async () => {
  firstVersion = readFileSync(SWAP_POLICY, 'utf8');
  h = await startHarness();
});
afterAll(async () => {
  writeFileSync(SWAP_POLICY, firstVersion);
  await h?.shutdown();
});

async function useSettings(extra: Partial<Settings> = {}): Promise<void> {
  await writeStorage(await h.worker(), { settings: { ...defaultSettings(), onboarded: true, ...extra } });
}

const policiesOf = async (site: string) => (await h.table<PolicyRecord>('policies')).filter((p) => p.site === site);
const eventsOf = async (site: string, kind: string) => (await h.table<LedgerEvent>('events')).filter((e) => e.site === site && e.kind === kind);

/** Opens the popup for the tab showing `page`. */
async function popupFor(page: Page): Promise<Page> {
  const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
  await expect.poll(() => popup.getByTestId('popup-site').textContent()).toBe(new URL(page.url()).hostname);
  return popup;
}

describe('policy reader', () => {
  it('finds the footer link, reads the policy on page load and shows its summary and scorecard in the popup', async () => {
    await useSettings();
    const page = await h.context.newPage();
    await page.goto(h.server.url('policy.test', '/'));
    await expect.poll(async () => (await policiesOf('policy.test')).map((p) => p.status), { timeout: 20_000 }).toEqual(['ok']);
    const [row] = await policiesOf('policy.test');
    // The privacy link, not the terms, the cookie policy or the payment security page.
    expect(new URL(row!.url).pathname).toBe('/legal/privacy.html');
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.text).toContain('We do not sell your personal data');
    expect(await eventsOf('policy.test', 'policy.read')).toHaveLength(1);

    const popup = await popupFor(page);
    const card = popup.getByTestId('card-policy');
    // The privacy address, never the supervisory authority's (geral@cnpd.pt) or the jobs address.
    await expect.poll(() => card.getByTestId('policy-bestContact').textContent()).toContain('privacy@policy.test');
    expect(await card.getByTestId('policy-sale').textContent()).toBe('Says it does not sell personal data');
    expect(await card.getByTestId('policy-retention').textContent()).toMatch(/^Up to \d+ (days?|months?|years?)$/);
    // Each fact opens to the policy's own words.
    await card.locator('[data-field="sale"] summary').click();
    expect(await card.locator('[data-field="sale"] blockquote').first().textContent()).toMatch(/do not sell/i);
    const lines = card.getByTestId('policy-scorecard').locator('li.score');
    expect(await lines.count()).toBe(6);
    expect(await card.locator('[data-principle="accessDeletion"]').getAttribute('data-verdict')).toBe('good');
    // A plain-HTTP fixture site: the security line says so.
    expect(await card.locator('[data-principle="security"]').getAttribute('data-verdict')).toBe('poor');
    await popup.close();
    await page.close();
  });

  it('reports a changed policy after "Read again", in the popup and in the ledger', async () => {
    await useSettings();
    const page = await h.context.newPage();
    await page.goto(h.server.url('policy-swap.test', '/'));
    await expect.poll(async () => (await policiesOf('policy-swap.test')).map((p) => p.status), { timeout: 20_000 }).toEqual(['ok']);

    copyFileSync(SWAP_V2, SWAP_POLICY);
    const popup = await popupFor(page);
    const card = popup.getByTestId('card-policy');
    await expect.poll(() => card.getByTestId('policy-bestContact').textContent()).toContain('privacy@policy-swap.test');
    expect(await card.getByTestId('policy-changed').count()).toBe(0);
    await card.getByRole('button', { name: 'Read again' }).click();

    const notice = card.getByTestId('policy-changed');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.textContent()).toContain('The privacy policy changed');
    expect(await notice.locator('li[data-field="sale"]').count()).toBe(1);
    await expect.poll(() => card.getByTestId('policy-bestContact').textContent()).toContain('dpo@policy-swap.test');
    expect(await card.getByTestId('policy-sale').textContent()).toBe('Sells personal data');

    const [changed] = await eventsOf('policy-swap.test', 'policy.changed');
    const data = changed!.data as PolicyChangedData;
    expect(data.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['sale', 'bestContact']));
    const rows = await policiesOf('policy-swap.test');
    expect(rows).toHaveLength(2);
    expect(data.previousHash).toBe(rows[0]!.hash);

    // Seen: the notice goes, and stays gone in a new popup.
    await notice.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => card.getByTestId('policy-changed').count()).toBe(0);
    await expect.poll(async () => (await policiesOf('policy-swap.test'))[1]!.seenAt).toEqual(expect.any(Number));
    await popup.close();

    // The Site page: every field with its confidence, both versions, the scorecard.
    const sitePage = await h.openExtensionPage('dashboard.html#/sites/policy-swap.test');
    const versions = sitePage.getByTestId('site-policy-versions').getByRole('listitem');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toMatch(/\d+ fields changed/);
    expect(await sitePage.getByTestId('site-policy').getByTestId('policy-bestContact').textContent()).toContain('dpo@policy-swap.test');
    expect(await sitePage.getByTestId('site-scorecard').locator('li.score').count()).toBe(6);
    await sitePage.close();
    await page.close();
  });

  it('fetches nothing on its own when automatic reading is off, and still reads when asked', async () => {
    await useSettings({ policyAutoRead: false });
    const page = await h.context.newPage();
    await page.goto(h.server.url('policy-off.test', '/'));
    // The visit is recorded (the extension is at work on the page), and the page has finished loading.
    await expect.poll(async () => (await h.table<{ site: string }>('sites')).some((s) => s.site === 'policy-off.test')).toBe(true);
    await page.waitForLoadState('load');
    const popup = await popupFor(page);
    const card = popup.getByTestId('card-policy');
    await expect.poll(() => card.getByTestId('policy-status').getAttribute('data-status')).toBe('none');
    // A reading would have begun as the page finished loading and ends with a row, found or not; give it time to show.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await policiesOf('policy-off.test')).toEqual([]);

    await card.getByRole('button', { name: 'Read policy now' }).click();
    await expect.poll(() => card.getByTestId('policy-bestContact').textContent(), { timeout: 20_000 }).toContain('privacy@policy-off.test');
    expect((await policiesOf('policy-off.test')).map((p) => p.status)).toEqual(['ok']);
    await popup.close();
    await page.close();
  });

  it('says why when a site links no policy', async () => {
    await useSettings();
    const page = await h.context.newPage();
    await page.goto(h.server.url('plain.test', '/'));
    await expect.poll(async () => (await policiesOf('plain.test')).map((p) => p.status), { timeout: 20_000 }).toEqual(['noLink']);
    const popup = await popupFor(page);
    await expect.poll(() => popup.getByTestId('policy-status').getAttribute('data-status')).toBe('noLink');
    expect(await popup.getByTestId('policy-status').textContent()).toContain('No link to a privacy policy was found');
    expect(await popup.locator('[data-principle="notice"]').getAttribute('data-verdict')).toBe('poor');
    await popup.close();
    await page.close();
  });
});
