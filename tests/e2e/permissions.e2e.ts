import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../core/ledger/records';
import { localIsoDay, reminderDays } from '../../core/requests';
import type { Identity } from '../../core/settings/schema';
import { documentedPermissions, permissionMismatches } from '../support/permissionsDoc';
import { useProfile } from './support/consent';
import { CHROME_BUILD, startHarness, type Harness } from './support/harness';

/**
 * Least privilege in the built Chrome extension: the manifest asks for what
 * docs/permissions.md documents, `notifications` is optional, and the
 * request-tracking flow works without it.
 *
 * Headless Chromium shows `permissions.request`'s prompt to nobody: the
 * promise stays pending until the page goes away. Chromium's own browser tests
 * answer it through a C++ hook (`PermissionsRequestFunction::SetAutoConfirmForTests`);
 * no command-line switch or DevTools command that does was found. So this file
 * proves the refused and dismissed paths, and
 * that each click really asks; the granted path, with a notification created,
 * runs in Firefox (tests/firefox/permissions.e2e.ts), whose prompt can be
 * switched off.
 */
const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: '', country: 'DE', accountIds: [] };
type Chrome = {
  chrome: {
    permissions: { getAll: () => Promise<{ permissions: string[]; origins: string[] }>; contains: (p: unknown) => Promise<boolean> };
    alarms: { create: (name: string, info: { when: number }) => void; getAll: () => Promise<{ name: string }[]> };
    notifications?: unknown;
  };
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await useProfile(h, 'denyOptional', { identity: ana });
});
afterAll(async () => h?.shutdown());

describe('the built manifest', () => {
  const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks for exactly the documented permissions, notifications as optional, and exposes nothing to web pages', () => {
    expect(permissionMismatches(manifest, documentedPermissions()['chrome-mv3'])).toEqual([]);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs with the required ones granted and without notifications: its API is not even there', async () => {
    const granted = await (await h.worker()).evaluate(async () => {
      const { chrome } = globalThis as unknown as Chrome;
      return { all: await chrome.permissions.getAll(), notifications: await chrome.permissions.contains({ permissions: ['notifications'] }), api: typeof chrome.notifications };
    });
    expect(granted.all.permissions.sort()).toEqual(documentedPermissions()['chrome-mv3'].required);
    expect(granted.all.origins.sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(granted.notifications).toBe(false);
    expect(granted.api).toBe('undefined');
  });

  it('declarativeNetRequestWithHostAccess still adds Sec-GPC to navigations and to a page\'s requests', async () => {
    const page = await h.context.newPage();
    const sent = async () => {
      await page.goto(h.server.url('news.test', '/__headers'));
      const navigation = (JSON.parse((await page.textContent('body')) ?? '{}') as Record<string, string>)['sec-gpc'] ?? null;
      const fromFetch = await page.evaluate(async () => ((await (await fetch('/__headers')).json()) as Record<string, string>)['sec-gpc'] ?? null);
      return { navigation, fromFetch };
    };
    // Off first, so the header is known to be the extension's.
    await useProfile(h, 'denyOptional', { identity: ana, gpc: false });
    await expect.poll(sent, { timeout: 10_000 }).toEqual({ navigation: null, fromFetch: null });
    await useProfile(h, 'denyOptional', { identity: ana });
    await expect.poll(sent, { timeout: 10_000 }).toEqual({ navigation: '1', fromFetch: '1' });
    await page.close();
  });
});

/** The state the Requests page shows for notifications. */
const notificationsState = (page: Page) => page.getByTestId('reminders-notifications').getAttribute('data-state');

/** Records the background's console.info and console.warn lines from now on. */
async function recordConsole(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __said: string[]; __wrapped?: boolean };
    g.__said = [];
    if (g.__wrapped) return;
    g.__wrapped = true;
    for (const level of ['info', 'warn', 'error'] as const) {
      const original = console[level].bind(console);
      console[level] = (...args: unknown[]) => {
        g.__said.push(`${level}: ${args.map(String).join(' ')}`);
        original(...args);
      };
    }
  });
}
const said = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { __said: string[] }).__said);

describe('tracking a request with notifications optional', () => {
  let dashboard: Page;
  let record: RequestRecord;

  it('"Yes, track it" tracks the request at once and, from that click, asks the browser for notifications', async () => {
    dashboard = await h.openExtensionPage('dashboard.html#/requests?site=shop.test&type=access');
    await dashboard.getByTestId('composer-letter').waitFor({ timeout: 15_000 });
    await dashboard.getByTestId('composer-contact-typed').fill('privacy@shop.test');
    const link = dashboard.getByTestId('send-mailto');
    await link.waitFor();
    // The mail client is outside the browser: keep the click from leaving the page.
    await dashboard.evaluate(() => document.querySelector('[data-testid="send-mailto"]')!.addEventListener('click', (e) => e.preventDefault()));
    await link.click();
    await dashboard.getByRole('button', { name: 'Yes, track it' }).click();
    await expect.poll(() => dashboard.getByTestId('composer-notice').textContent()).toMatch(/^Tracked\. They must answer by/);
    const requests = await h.table<RequestRecord>('requests');
    expect(requests).toHaveLength(1);
    record = requests[0]!;
    expect(record).toMatchObject({ site: 'shop.test', status: 'sent', channel: 'mailto' });
    // The browser's prompt is open (to nobody, headless): the page says it is asking, and lists the reminders meanwhile.
    await expect.poll(() => notificationsState(dashboard)).toBe('asking');
    const today = localIsoDay(Date.now());
    const ahead = reminderDays(record.dueDate!).filter((d) => d >= today);
    expect(ahead.length).toBeGreaterThan(0);
    expect(await dashboard.getByTestId('request-reminders').textContent()).toMatch(/^Reminders: /);
    const alarms = await (await h.worker()).evaluate(() => (globalThis as unknown as Chrome).chrome.alarms.getAll());
    expect(alarms.map((a) => a.name).filter((n) => n.startsWith(`request:${record.id}|`)).sort()).toEqual(ahead.filter((d) => d > today).map((d) => `request:${record.id}|${d}`));
  });

  it('with the prompt dismissed (the page left while it was open), the request stays tracked, its reminders listed, and "Allow notifications" offered', async () => {
    await dashboard.reload();
    const row = dashboard.getByTestId('request-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('request-status').textContent()).toBe('Sent');
    expect(await row.getByTestId('request-reminders').textContent()).toMatch(/^Reminders: /);
    await expect.poll(() => notificationsState(dashboard)).toBe('notAsked');
    expect(await dashboard.getByTestId('reminders-notifications').textContent()).toMatch(/^Reminders are listed here\. Allow notifications/);
    expect(await dashboard.getByTestId('reminders-allow').isVisible()).toBe(true);
    expect(await (await h.worker()).evaluate(() => (globalThis as unknown as Chrome).chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
  });

  it('a reminder that fires without the permission shows nothing, fails nothing, and says where the reminder is', async () => {
    const worker = await h.worker();
    await recordConsole(worker);
    // The alarm the background set for the due day, fired now (an unpacked extension may set an alarm this soon).
    await worker.evaluate((name) => (globalThis as unknown as Chrome).chrome.alarms.create(name, { when: Date.now() + 100 }), `request:${record.id}|${record.dueDate}`);
    await expect.poll(() => said(worker), { timeout: 10_000 }).toContain('info: Privacy Ledger: reminder for shop.test kept in the dashboard (notifications not allowed)');
    expect((await said(worker)).filter((line) => !line.startsWith('info:'))).toEqual([]);
    expect(await worker.evaluate(() => typeof (globalThis as unknown as Chrome).chrome.notifications)).toBe('undefined');
  });

  it('"Allow notifications" asks the browser again from its click', async () => {
    await dashboard.getByTestId('reminders-allow').click();
    await expect.poll(() => notificationsState(dashboard)).toBe('asking');
    expect(await dashboard.getByTestId('reminders-allow').count()).toBe(0);
  });

  it('a second tracked request after a refusal does not ask again', async () => {
    // A refusal as the browser reports it: the page records it when the prompt answers false.
    await (await h.worker()).evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set: (v: unknown) => Promise<void> } } } }).chrome.storage.local.set({ 'reminders.notificationsRefused': Date.now() }));
    await dashboard.goto(h.extensionUrl('dashboard.html#/requests?site=news.test&type=access'));
    await dashboard.reload();
    await dashboard.getByTestId('composer-letter').waitFor({ timeout: 15_000 });
    await expect.poll(() => notificationsState(dashboard)).toBe('refused');
    await dashboard.getByTestId('composer-contact-typed').fill('privacy@news.test');
    await dashboard.evaluate(() => document.querySelector('[data-testid="send-mailto"]')!.addEventListener('click', (e) => e.preventDefault()));
    await dashboard.getByTestId('send-mailto').click();
    await dashboard.getByRole('button', { name: 'Yes, track it' }).click();
    await expect.poll(async () => (await h.table<RequestRecord>('requests')).length).toBe(2);
    await expect.poll(() => dashboard.getByTestId('request-row').count()).toBe(2);
    // Not "asking": no prompt was opened.
    expect(await notificationsState(dashboard)).toBe('refused');
    expect(await dashboard.getByTestId('reminders-notifications').textContent()).toMatch(/^Notifications are not allowed, so reminders are shown only here/);
  });
});
