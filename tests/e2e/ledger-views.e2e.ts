import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../core/ledger/days';
import type { CookieRecord, LedgerEvent, SiteRecord, ThirdPartyDay } from '../../core/ledger/records';
import { putRows } from '../../scripts/lib/workerState';
import { useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';

/**
 * A real visit to shop.test (Klaro) answered with "functional only", plus
 * the rows the ledger's observers will write (cookies, third parties, form
 * fields, a permission prompt, a refused cookie), seeded into the extension's
 * database the way the background stores them. Then the popup and the
 * dashboard are read and driven like a person would.
 */
let h: Harness;
let shop: Page;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'functionalOnly');
  ({ page: shop } = await visit(h, 'shop.test'));
  await seed(Date.now());
});
afterAll(async () => h?.shutdown());

async function seed(now: number) {
  const worker = await h.worker();
  const visited = (await h.table<SiteRecord>('sites')).find((s) => s.site === 'shop.test');
  if (!visited) throw new Error('the visit to shop.test was not recorded');
  await putRows(worker, 'sites', [
    { ...visited, thirdParties: 2, cookies: 2, violations: 1, fields: ['email', 'phone'], permissions: ['geolocation'] },
    { site: 'alpha.test', firstSeen: now - 400 * DAY, lastSeen: now - 400 * DAY, visits: 1, thirdParties: 0, cookies: 0, violations: 0, fields: [], permissions: [] },
    { site: 'zeta.test', firstSeen: now - 3 * DAY, lastSeen: now - DAY, visits: 7, thirdParties: 9, cookies: 4, violations: 3, fields: ['card'], permissions: ['notifications'] },
  ] satisfies SiteRecord[]);
  const event = (at: number, kind: string, data: unknown): LedgerEvent => ({ site: 'shop.test', at, kind, data });
  await putRows(worker, 'events', [
    // Older than a page of the timeline, so "Show older" has something to show.
    ...Array.from({ length: 55 }, (_, i) => event(now - 2 * DAY - i * 60_000, 'policy.fetched', { url: 'https://shop.test/privacy' })),
    event(now - 3000, 'form.fields', { url: 'https://shop.test/signup', fields: [{ kind: 'email', via: 'type', hint: 'email' }, { kind: 'phone', via: 'autocomplete', hint: 'tel' }], insecureSubmit: false }),
    event(now - 2000, 'permission.prompt', { url: 'https://shop.test/stores', permission: 'geolocation', result: 'denied' }),
    event(now - 1000, 'cookie.violation', { name: '_pk_id', domain: 'shop.test', purpose: 'analytics', refusedAt: now - 5000, firstParty: true }),
  ]);
  const cookie = (name: string, extra: Partial<CookieRecord>): CookieRecord => ({
    id: `shop.test|shop.test|${name}`, site: 'shop.test', domain: 'shop.test', name, firstParty: true, session: false, lifetimeDays: 395,
    purpose: 'analytics', firstSetAt: now - 1000, lastSetAt: now - 1000, times: 1, violation: null, ...extra,
  });
  await putRows(worker, 'cookies', [
    cookie('_pk_id', { violation: { at: now - 1000, purpose: 'analytics', refusedAt: now - 5000 } }),
    cookie('klaro', { purpose: 'necessary', lifetimeDays: 30 }),
  ]);
  const party = (name: string, requests: number, org: string | null, category: string | null, day = dayOf(now)): ThirdPartyDay => ({
    id: `shop.test|${day}|${name}`, site: 'shop.test', day, party: name, requests, org, category, firstAt: now, lastAt: now,
  });
  await putRows(worker, 'thirdParties', [
    party('doubleclick.net', 40, 'Google', 'advertising'),
    party('cdn.shop-assets.test', 5, null, null),
    party('doubleclick.net', 11, 'Google', 'advertising', dayOf(now - 3 * DAY)),
  ]);
}

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe('the ledger, as a person sees it', () => {
  it('the popup says what shop.test asked for today', async () => {
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(shop)}`);
    const today = popup.getByTestId('card-today');
    await expect.poll(() => today.getByTestId('today-violations').textContent()).toContain('Set the analytics cookie _pk_id after you refused analytics.');
    // Klaro's three optional services; with "functional only" the analytics and advertising ones were refused.
    expect(await today.getByTestId('today-purposes').locator('.chip').count()).toBe(3);
    expect(await today.getByTestId('today-purposes').locator('.chip-note').allTextContents()).toEqual(['refused', 'refused']);
    expect(await texts(popup, '[data-testid=today-fields] .chip')).toEqual(['Email address', 'Phone number']);
    expect(await today.getByTestId('today-permissions').textContent()).toContain('Your location: you refused');
    const parties = await today.getByTestId('today-third-parties').textContent();
    expect(parties).toContain('2 third parties contacted (45 requests)');
    expect(parties).toContain('Google · Advertising');
    await popup.close();
  });

  it('the Sites table sorts, filters and searches, and opens a site', async () => {
    const page = await h.openExtensionPage('dashboard.html#/sites');
    const names = () => texts(page, '[data-testid=sites-table] tbody th');
    await expect.poll(names).toEqual(['shop.test', 'zeta.test', 'alpha.test']);

    await page.getByRole('button', { name: 'Refusals ignored' }).click();
    await expect.poll(names).toEqual(['zeta.test', 'shop.test', 'alpha.test']);
    expect(await page.getByRole('columnheader', { name: /Refusals ignored/ }).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Site', exact: true }).click();
    await expect.poll(names).toEqual(['alpha.test', 'shop.test', 'zeta.test']);

    await page.getByRole('checkbox', { name: 'Asked for your location' }).check();
    await expect.poll(names).toEqual(['shop.test']);
    await page.getByRole('checkbox', { name: 'Asked for your location' }).uncheck();
    await page.getByRole('checkbox', { name: 'Ignored a refusal' }).check();
    await expect.poll(names).toEqual(['shop.test', 'zeta.test']);
    await page.getByRole('checkbox', { name: 'Ignored a refusal' }).uncheck();
    await page.getByLabel('Last visit').selectOption('30');
    await expect.poll(names).toEqual(['shop.test', 'zeta.test']);
    await page.getByLabel('Last visit').selectOption('all');
    await page.getByRole('searchbox', { name: 'Search sites' }).fill('alp');
    await expect.poll(names).toEqual(['alpha.test']);
    await page.getByRole('searchbox', { name: 'Search sites' }).fill('');
    await expect.poll(names).toEqual(['alpha.test', 'shop.test', 'zeta.test']);

    await page.locator('[data-testid=sites-table] tbody tr', { hasText: 'shop.test' }).locator('td').first().click();
    await expect.poll(() => page.getByTestId('site-title').textContent()).toBe('shop.test');
    expect(new URL(page.url()).hash).toBe('#/sites/shop.test');
    await page.close();
  });

  it('Site detail shows the chart, every section and a paged timeline, and starts a request', async () => {
    const page = await h.openExtensionPage('dashboard.html#/sites/shop.test');
    const chart = page.getByTestId('activity-svg');
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^Last 30 days\. Things recorded: \d+\. Requests to third parties: 56\. Days with activity: \d+\./);
    await page.getByRole('button', { name: 'Show as a table' }).click();
    expect(await page.getByTestId('activity-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);

    const cookies = page.getByTestId('cookies');
    expect(await cookies.locator('tbody tr').first().locator('th').textContent()).toBe('_pk_idSet after you refused analytics');
    expect(await cookies.locator('tbody tr').count()).toBe(2);
    const parties = await texts(page, '[data-testid=third-parties] tbody tr');
    expect(parties).toEqual(['doubleclick.netGoogleAdvertising512', 'cdn.shop-assets.test—Not in the tracker list51']);
    expect(await page.getByTestId('asked-fields').textContent()).toContain('Email address on /signup');
    expect(await page.getByTestId('asked-permissions').textContent()).toContain('Your location: you refused · /stores');
    expect(await page.getByTestId('consent-history').textContent()).toContain('Klaro');

    const timeline = page.getByTestId('timeline');
    expect(await timeline.locator('li').count()).toBe(50);
    const lines = await timeline.locator('.event-line').allTextContents();
    // The engine's own events (the Klaro answer, the GPC check) land around the seeded ones, so order is not asserted among them.
    expect(lines.slice(0, 6)).toEqual(expect.arrayContaining([
      'Set the analytics cookie _pk_id (shop.test) after you refused analytics.',
      'Asked for your location: you refused.',
      'A form asked for your email address and phone number on /signup.',
      'Answered the Klaro banner; it stored exactly your choice.',
    ]));
    expect(lines.at(-1)).toBe('Recorded: policy.fetched');
    await page.getByRole('button', { name: 'Show older' }).click();
    await expect.poll(() => timeline.locator('li').count()).toBeGreaterThan(50);
    expect(await page.getByRole('button', { name: 'Show older' }).count()).toBe(0);

    await page.getByLabel('Period').selectOption('90');
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^Last 90 days\./);
    await expect.poll(() => chart.locator('.bars-events rect').count()).toBe(90);

    await page.getByRole('link', { name: 'Delete my data' }).click();
    await expect.poll(() => page.getByTestId('composer-type').inputValue().catch(() => null)).toBe('erasure');
    expect(new URL(page.url()).hash).toBe('#/requests?site=shop.test&type=erasure');
    await page.close();
  });
});
