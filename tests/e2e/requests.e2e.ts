import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieRecord, RequestRecord } from '../../core/ledger/records';
import { addCalendarDays, computeDeadline, localIsoDay, reminderDays } from '../../core/requests';
import type { Identity } from '../../core/settings/schema';
import { useProfile, visit } from './support/consent';
import { startHarness, type Harness } from './support/harness';

const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1, 10115 Berlin', country: 'DE', accountIds: [] };
const PRIVACY = 'privacy@tracked.test';

/** The dashboard tab the extension opens (from the popup), once it has loaded. */
async function nextDashboard(h: Harness, act: () => Promise<void>): Promise<Page> {
  const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html'), timeout: 10_000 });
  await act();
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

describe('one click from a site to a tracked erasure request', () => {
  let h: Harness;
  let dashboard: Page;
  let site: Page;
  beforeAll(async () => {
    h = await startHarness();
    await useProfile(h, 'denyOptional', { identity: ana });
    const { page } = await visit(h, 'tracked.test');
    site = page;
    // The ledger's facts: tracked.test sets _ga, _gid and lang after the user refused them.
    for (let tries = 0; (await h.table<CookieRecord>('cookies')).filter((c) => c.site === 'tracked.test' && c.violation).length < 3; tries++) {
      if (tries > 150) throw new Error('tracked.test\'s three cookies set despite the refusal never reached the ledger');
      await new Promise((r) => setTimeout(r, 100));
    }
    // The policy reader follows the footer's "Privacy policy" link on load: its privacy address becomes the best contact.
    for (let tries = 0; ; tries++) {
      const read = (await h.table<{ site: string; summary?: { bestContact?: { value: { value: string } } | null } }>('policies'))
        .find((p) => p.site === 'tracked.test' && p.summary?.bestContact);
      if (read) {
        expect(read.summary!.bestContact!.value.value).toBe(PRIVACY);
        break;
      }
      if (tries > 150) throw new Error('tracked.test\'s privacy policy was never read');
      await new Promise((r) => setTimeout(r, 100));
    }
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(page)}`);
    await popup.getByTestId('popup-site').filter({ hasText: /^tracked\.test$/ }).waitFor();
    dashboard = await nextDashboard(h, () => popup.getByTestId('popup-delete-data').click());
    await dashboard.getByTestId('composer-letter').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => h?.shutdown());

  it('opens the composer filled in: GDPR from the country of residence, erasure, the policy\'s address with its source', async () => {
    expect(dashboard.url()).toMatch(/#\/requests\?site=tracked\.test&type=erasure$/);
    expect(await dashboard.getByTestId('composer-regime').inputValue()).toBe('gdpr');
    expect(await dashboard.getByTestId('composer-type').inputValue()).toBe('erasure');
    expect(await dashboard.getByTestId('composer-contact-value').first().textContent()).toBe(PRIVACY);
    expect(await dashboard.getByTestId('composer-contact-source').first().textContent()).toContain('from its privacy policy');
  });

  it('puts the identity (name and email only) and the logged facts in the letter', async () => {
    const letter = (await dashboard.getByTestId('composer-letter').textContent())!;
    expect(letter).toContain('Ana Weber');
    // The controller the policy reader found in tracked.test's privacy notice.
    expect(letter).toContain('Harbour Outfitters GmbH');
    expect(letter).toContain('ana@example.org');
    expect(letter).not.toContain('Hauptstraße');
    for (const cookie of ['_ga', '_gid', 'lang']) expect(letter).toContain(cookie);
    expect(letter).toContain('Art. 17');
    expect(await dashboard.getByTestId('composer-facts').textContent()).toMatch(/Cookie _ga \(tracked\.test, Analytics\) set on .* despite your refusal/);
  });

  it('builds a mailto link with that address, the subject and the whole letter with its logged facts', async () => {
    const letter = (await dashboard.getByTestId('composer-letter').textContent())!;
    const subject = (await dashboard.getByTestId('composer-subject').textContent())!;
    expect(subject).toMatch(/erasure/i);
    expect(subject).toContain('tracked.test');
    expect(await dashboard.getByTestId('send-mailto-short').count()).toBe(0);
    const link = dashboard.getByTestId('send-mailto');
    const url = new URL((await link.getAttribute('href'))!);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe(PRIVACY);
    expect(url.searchParams.get('subject')).toBe(subject);
    const body = url.searchParams.get('body')!.replace(/\r\n/g, '\n');
    expect(body).toBe(letter);
    for (const fact of ['_ga', '_gid', 'Art. 17']) expect(body).toContain(fact);
    // The mail client is outside the browser: keep the click from leaving the page, as handing over to a mail client would.
    await dashboard.evaluate(() => {
      document.querySelector('[data-testid="send-mailto"]')!.addEventListener('click', (e) => e.preventDefault());
    });
    await link.click();
    await expect.poll(() => dashboard.getByRole('button', { name: 'Yes, track it' }).count()).toBe(1);
  });

  it('asks whether it was sent, then tracks it with the deadline engine\'s due day and schedules its reminders', async () => {
    await dashboard.getByRole('button', { name: 'Yes, track it' }).click();
    await expect.poll(() => dashboard.getByTestId('composer-notice').textContent()).toMatch(/Tracked\. They must answer by/);
    const today = localIsoDay(Date.now());
    const due = computeDeadline('gdpr', 'erasure', today).dueDate;
    await expect.poll(async () => (await h.table<RequestRecord>('requests')).length).toBe(1);
    const [record] = await h.table<RequestRecord>('requests');
    expect(record).toMatchObject({ site: 'tracked.test', company: 'Harbour Outfitters GmbH', regime: 'gdpr', type: 'erasure', status: 'sent', channel: 'mailto', dueDate: due, contact: { value: PRIVACY, source: 'policy' } });
    expect(record!.body).toContain('_ga');
    const row = dashboard.getByTestId('request-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('request-status').textContent()).toBe('Sent');
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    expect(await row.getByTestId('request-due').textContent()).toBe(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d, 12)));
    const alarms = await (await h.worker()).evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll: () => Promise<{ name: string; scheduledTime: number }[]> } } }).chrome.alarms.getAll());
    const ours = alarms.filter((a) => a.name.startsWith(`request:${record!.id}|`)).map((a) => a.name.split('|')[1]).sort();
    expect(ours).toEqual(reminderDays(due).filter((day) => day > today));
    const events = (await h.table<{ kind: string; site: string }>('events')).filter((e) => e.kind === 'request.sent');
    expect(events).toMatchObject([{ site: 'tracked.test' }]);
  });

  it('shows the tracked request in the popup\'s "Your requests" card for the site', async () => {
    const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabIdOf(site)}`);
    const list = popup.getByTestId('popup-site-requests');
    await list.waitFor();
    const due = computeDeadline('gdpr', 'erasure', localIsoDay(Date.now())).dueDate;
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    const dueText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d, 12));
    expect(await list.textContent()).toBe(`Delete my data: Sent · due ${dueText}`);
    await popup.close();
  });
});

describe('an identity sealed with a passphrase', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await useProfile(h, 'denyOptional', { identity: ana });
  });
  afterAll(async () => h?.shutdown());

  it('encrypts, is locked after a browser restart, refuses a wrong passphrase, unlocks, and fills the letter again', async () => {
    const page = await h.openExtensionPage('dashboard.html#/identity');
    await page.getByTestId('passphrase-new').fill('harbour lights 42');
    await page.getByTestId('passphrase-repeat').fill('harbour lights 42');
    await page.getByRole('button', { name: 'Encrypt my identity' }).click();
    await expect.poll(() => page.getByTestId('passphrase-status').textContent()).toBe('Your identity is now encrypted.');
    const stored = await h.storage();
    expect(JSON.stringify(stored)).not.toContain('ana@example.org');
    expect((stored.settings as { identity: Identity }).identity.name).toBe('');
    expect(stored['identity.sealed']).toMatchObject({ format: 'privacy-ledger/identity', kdf: { name: 'PBKDF2', hash: 'SHA-256' }, cipher: { name: 'AES-GCM' } });

    // A browser restart empties storage.session, where the key was kept.
    await (await h.worker()).evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { clear: () => Promise<void> } } } }).chrome.storage.session.clear());
    await page.reload();
    await page.getByTestId('identity-locked').waitFor();

    await page.getByTestId('unlock-passphrase').fill('wrong passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toBe('That passphrase is not the right one. Nothing was changed; try again.');
    expect((await h.storage())['identity.sealed']).toEqual(stored['identity.sealed']);

    // Locked in the composer too: unlocking there fills the letter.
    await page.goto(h.extensionUrl('dashboard.html#/requests?site=tracked.test&type=access'));
    await page.getByTestId('composer-letter-missing').waitFor();
    expect(await page.getByTestId('composer-letter-missing').textContent()).toBe('Unlock your identity to write the letter: it is signed with your name.');
    expect(await page.getByTestId('composer-letter').count()).toBe(0);
    await page.getByTestId('unlock-passphrase').fill('harbour lights 42');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByTestId('composer-letter').textContent(), { timeout: 10_000 }).toContain('Ana Weber');
    expect(await page.getByTestId('composer-letter').textContent()).toContain('ana@example.org');
  });
});

describe('a request by post', () => {
  // In the company index (Datenanfragen.de, CC0) with a postal address.
  const SITE = '123greetings.com';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await useProfile(h, 'denyOptional', { identity: ana });
  });
  afterAll(async () => h?.shutdown());

  const alarmsOf = async (id: string) => {
    const all = await (await h.worker()).evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll: () => Promise<{ name: string }[]> } } }).chrome.alarms.getAll());
    return all.filter((a) => a.name.startsWith(`request:${id}|`)).map((a) => a.name.split('|')[1]).sort();
  };

  it('is tracked without a due day until the delivery day is given, then counts from that day', async () => {
    const page = await h.openExtensionPage(`dashboard.html#/requests?site=${SITE}&type=access`);
    await page.getByTestId('composer-letter').waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: /255 Executive Drive/ }).check();
    expect(await page.getByTestId('composer-deadline').textContent()).toBe('By post, the answer is due one month after the company receives your letter (Art. 12(3) GDPR).');
    // The printer is outside the browser.
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    await page.getByLabel('Posted on').waitFor();
    await page.getByRole('button', { name: 'Yes, track it' }).click();
    await expect.poll(() => page.getByTestId('composer-notice').textContent()).toBe('Tracked. Add the day it was delivered in the list of requests: the deadline counts from then.');
    await expect.poll(async () => (await h.table<RequestRecord>('requests')).length).toBe(1);
    const [posted] = await h.table<RequestRecord>('requests');
    const today = localIsoDay(Date.now());
    expect(posted).toMatchObject({ site: SITE, status: 'sent', channel: 'print', sentOn: today, receivedOn: null, dueDate: null, contact: { channel: 'postal' } });
    expect(await alarmsOf(posted!.id)).toEqual([]);
    const row = page.getByTestId('request-row');
    expect(await row.getByTestId('request-due').textContent()).toBe('Counts from delivery');

    await row.getByRole('button', { name: 'Add delivery day' }).click();
    await row.getByLabel('Delivered on').fill(today);
    await row.getByRole('button', { name: 'Save' }).click();
    const due = computeDeadline('gdpr', 'access', today).dueDate;
    await expect.poll(async () => (await h.table<RequestRecord>('requests'))[0]?.dueDate).toBe(due);
    expect((await h.table<RequestRecord>('requests'))[0]).toMatchObject({ receivedOn: today, status: 'sent' });
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    await expect.poll(() => row.getByTestId('request-due').textContent()).toBe(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d, 12)));
    expect(await row.getByTestId('request-delivered').textContent()).toMatch(/^Delivered /);
    expect(await alarmsOf(posted!.id)).toEqual(reminderDays(due).filter((day) => day > today));
  });
});

describe('a UK request whose company asks for a clarification first', () => {
  const SITE = '123greetings.com';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await useProfile(h, 'denyOptional', { identity: { ...ana, country: 'GB' } });
  });
  afterAll(async () => h?.shutdown());

  it('stops the clock until the user answers, then counts the due day without those days', async () => {
    const page = await h.openExtensionPage(`dashboard.html#/requests?site=${SITE}&type=access`);
    await page.getByTestId('composer-letter').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('composer-regime').inputValue()).toBe('ukGdpr');
    // The mail client is outside the browser.
    await page.evaluate(() => document.querySelector('[data-testid="send-mailto"]')!.addEventListener('click', (e) => e.preventDefault()));
    await page.getByTestId('send-mailto').click();
    const today = localIsoDay(Date.now());
    const sent = addCalendarDays(today, -10);
    await page.getByTestId('confirm-sent-on').fill(sent);
    await page.getByRole('button', { name: 'Yes, track it' }).click();
    await expect.poll(async () => (await h.table<RequestRecord>('requests')).length).toBe(1);
    const [record] = await h.table<RequestRecord>('requests');
    expect(record).toMatchObject({ regime: 'ukGdpr', status: 'sent', sentOn: sent, dueDate: computeDeadline('ukGdpr', 'access', sent).dueDate });

    const row = page.getByTestId('request-row');
    await row.getByRole('button', { name: 'They asked for something first' }).click();
    await row.getByLabel('To clarify my request').check();
    await row.getByLabel('Asked on').fill(addCalendarDays(today, -7));
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await h.table<RequestRecord>('requests'))[0]?.status).toBe('paused');
    await expect.poll(() => row.getByTestId('request-status').textContent()).toBe('Clock stopped');
    expect((await h.table<RequestRecord>('requests'))[0]).toMatchObject({ dueDate: null, pause: { kind: 'clarification', since: addCalendarDays(today, -7) } });
    const alarms = async () => {
      const all = await (await h.worker()).evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll: () => Promise<{ name: string }[]> } } }).chrome.alarms.getAll());
      return all.filter((a) => a.name.startsWith(`request:${record!.id}|`)).map((a) => a.name.split('|')[1]).sort();
    };
    expect(await alarms()).toEqual([]);

    await row.getByRole('button', { name: 'I sent what they asked' }).click();
    await row.getByLabel('Sent on').fill(addCalendarDays(today, -2));
    await row.getByRole('button', { name: 'Save' }).click();
    const due = computeDeadline('ukGdpr', 'access', sent, { pausedDays: 5 }).dueDate;
    await expect.poll(async () => (await h.table<RequestRecord>('requests'))[0]?.dueDate).toBe(due);
    expect((await h.table<RequestRecord>('requests'))[0]).toMatchObject({ status: 'sent', pausedDays: 5, pause: null });
    await expect.poll(() => row.getByTestId('request-status').textContent()).toBe('Sent');
    expect(await alarms()).toEqual(reminderDays(due).filter((day) => day > today));
  });
});
