/**
 * Least privilege in both Firefox builds: the built manifest asks for what
 * docs/permissions.md documents, the add-on runs without `notifications`, and
 * granting it from the click that tracks a request makes reminders show as
 * notifications. Firefox's prompt for optional permissions is switched off
 * (`extensions.webextOptionalPermissionPrompts`), which grants the request
 * as if the user had accepted; the request must still come from the user's
 * click. The refused path is proven in Chromium (tests/e2e/permissions.e2e.ts).
 * Needs the builds: `npx wxt build -b firefox` and `... --mv3`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../core/ledger/records';
import { defaultSettings } from '../../core/settings/defaults';
import type { Settings } from '../../core/settings/schema';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixtureServer';
import { rowsInExtension } from '../../scripts/lib/workerState';
import { documentedPermissions, permissionMismatches, type Build } from '../support/permissionsDoc';
import { launchWithExtension, openExtensionPage, waitInPage, type FirefoxWithExtension } from './support/firefox';

type PageApi = {
  storage: { local: { set(v: Record<string, unknown>): Promise<void> } };
  permissions: { getAll(): Promise<{ permissions: string[]; origins: string[] }>; contains(p: unknown): Promise<boolean> };
  alarms: { create(name: string, info: { when: number }): void };
  notifications?: { onClosed: { addListener(cb: (id: string) => void): void } };
};
const api = 'browser' as const;

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Permissions in Firefox: %s', (build: Build) => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  let ext: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchWithExtension(build, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    ext = firefox.page;
    await openExtensionPage(ext, '/dashboard.html#/data');
  });

  afterAll(async () => {
    await firefox?.browser.close();
    await server?.close();
  });

  it('the built manifest asks for exactly the documented permissions, notifications as optional, and exposes nothing to web pages', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output', build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(permissionMismatches(manifest, documentedPermissions()[build])).toEqual([]);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs with the required permissions and host access, and without notifications', async () => {
    const granted = await ext.evaluate(async (name) => {
      const b = (globalThis as unknown as Record<string, PageApi>)[name]!;
      return { all: await b.permissions.getAll(), notifications: await b.permissions.contains({ permissions: ['notifications'] }) };
    }, api);
    expect(granted.all.permissions.filter((p) => p !== 'notifications').sort()).toEqual(documentedPermissions()[build].required);
    expect(granted.all.origins).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    expect(granted.notifications).toBe(false);
  });

  it('"Yes, track it" asks from its click; once granted, a reminder that fires is created as a notification', async () => {
    const settings: Settings = { ...defaultSettings(), onboarded: true, identity: { name: 'Ana Weber', email: 'ana@example.org', postalAddress: '', country: 'DE', accountIds: [] } };
    await ext.evaluate((name, values) => (globalThis as unknown as Record<string, PageApi>)[name]!.storage.local.set(values), api, { settings } as Record<string, unknown>);
    await openExtensionPage(ext, '/dashboard.html#/requests?site=shop.test&type=access');
    await waitInPage(ext, 'the composer\'s letter', () => document.querySelector('[data-testid="composer-letter"]') !== null, '');
    await waitInPage(ext, 'the notifications state', () => document.querySelector('[data-testid="composer"]') !== null, '');
    await ext.type('[data-testid="composer-contact-typed"]', 'privacy@shop.test');
    await waitInPage(ext, 'the mailto link', () => document.querySelector('[data-testid="send-mailto"]') !== null, '');
    // The mail client is outside the browser: keep the click from leaving the page.
    await ext.evaluate(() => document.querySelector('[data-testid="send-mailto"]')!.addEventListener('click', (e) => e.preventDefault()));
    await ext.click('[data-testid="send-mailto"]');
    await waitInPage(ext, 'the "Did you send it?" question', () => document.querySelector('[data-testid="confirm-sent"] .button.primary') !== null, '');
    await ext.click('[data-testid="confirm-sent"] .button.primary');
    await waitInPage(ext, 'notifications granted', () => document.querySelector('[data-testid="reminders-notifications"]')?.getAttribute('data-state') === 'granted', '');
    expect(await ext.evaluate((name) => (globalThis as unknown as Record<string, PageApi>)[name]!.permissions.contains({ permissions: ['notifications'] }), api)).toBe(true);

    const rows = await ext.evaluate(rowsInExtension<RequestRecord>, 'requests');
    expect(rows).toHaveLength(1);
    const record = rows[0]!;
    expect(record).toMatchObject({ site: 'shop.test', status: 'sent' });
    // Headless Firefox has no alert service: a notification is created and closed at once (getAll is empty), so
    // the page listens for its closing, an event every extension context hears.
    await ext.evaluate((name) => {
      const seen: string[] = ((globalThis as unknown as { seenNotifications: string[] }).seenNotifications = []);
      (globalThis as unknown as Record<string, PageApi>)[name]!.notifications!.onClosed.addListener((id) => seen.push(id));
    }, api);
    // The due day's alarm, fired now.
    await ext.evaluate((name, alarm) => (globalThis as unknown as Record<string, PageApi>)[name]!.alarms.create(alarm, { when: Date.now() + 100 }), api, `request:${record.id}|${record.dueDate}`);
    await expect
      .poll(() => ext.evaluate(() => (globalThis as unknown as { seenNotifications: string[] }).seenNotifications), { timeout: 15_000 })
      .toEqual([`request:${record.id}`]);
  });

  it('declarativeNetRequestWithHostAccess still adds Sec-GPC to navigations and to a page\'s requests', async () => {
    const page = await firefox.browser.newPage();
    const sent = async () => {
      await page.goto(server.url('news.test', '/__headers'), { waitUntil: 'load' });
      const navigation = (JSON.parse((await page.evaluate(() => document.body.textContent)) ?? '{}') as Record<string, string>)['sec-gpc'] ?? null;
      const fromFetch = await page.evaluate(async () => ((await (await fetch('/__headers')).json()) as Record<string, string>)['sec-gpc'] ?? null);
      return { navigation, fromFetch };
    };
    // Off first, so the header is known to be the extension's and not the browser's own.
    const gpc = (on: boolean) => ext.evaluate((name, values) => (globalThis as unknown as Record<string, PageApi>)[name]!.storage.local.set(values), api, { settings: { ...defaultSettings(), onboarded: true, gpc: on } } as Record<string, unknown>);
    await gpc(false);
    await expect.poll(sent, { timeout: 15_000 }).toEqual({ navigation: null, fromFetch: null });
    await gpc(true);
    await expect.poll(sent, { timeout: 15_000 }).toEqual({ navigation: '1', fromFetch: '1' });
    await page.close();
  });
});
