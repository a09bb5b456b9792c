import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { readStorage } from '../../scripts/lib/workerState';
import { useProfile } from './support/consent';
import { startHarness, type Harness } from './support/harness';

declare const chrome: Browser;

interface Field { kind: string; via: string; hint: string }
interface Event<D> { site: string; kind: string; at: number; data: D }
type FormEvent = Event<{ url: string; fields: Field[]; insecureSubmit: boolean }>;
type PromptEvent = Event<{ url: string; permission: string; result: string }>;

/** What the test types into forms: none of it may ever be stored. */
const TYPED = ['Nguyễn Thị Gõ Thử', '0912 000 111', 'typed-secret@example.com', 'Typed-Passw0rd!', '4111 1111 1111 1111', '079 123 456 789'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ secureHosts: ['asks.test'] });
  await useProfile(h, 'denyOptional');
});
afterAll(async () => h?.shutdown());

/** Erases the ledger the way the dashboard's "Erase everything" does, then restores the settings. */
async function eraseLedger(): Promise<void> {
  const page = await h.openExtensionPage('dashboard.html');
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ channel: 'privacy-ledger', type: 'data.eraseAll', payload: {} }));
  expect(reply).toEqual({ ok: true, value: { erased: true } });
  await page.close();
  await useProfile(h, 'denyOptional');
}

async function events<D>(kind: string): Promise<Event<D>[]> {
  return (await h.table<Event<D>>('events')).filter((e) => e.kind === kind);
}

/** The form.fields events, reduced to what a reader of the ledger sees. */
async function formsAsked() {
  return (await events<FormEvent['data']>('form.fields')).map((e) => ({
    site: e.site, url: e.data.url, kinds: e.data.fields.map((f) => f.kind).sort(), insecureSubmit: e.data.insecureSubmit,
  }));
}

async function promptsSeen() {
  return (await events<PromptEvent['data']>('permission.prompt')).map((e) => ({ site: e.site, url: e.data.url, permission: e.data.permission, result: e.data.result }));
}

/** Types into every text control of the page, the way a visitor fills a form. */
async function typeEverywhere(page: Page): Promise<void> {
  const controls = page.locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=date]), textarea');
  const count = await controls.count();
  for (let i = 0; i < count; i += 1) await controls.nth(i).fill(TYPED[i % TYPED.length]!);
}

describe('form fields', () => {
  it.each([
    ['/vi.html', ['address', 'birthDate', 'email', 'gender', 'governmentId', 'name', 'phone'], false],
    ['/en.html', ['address', 'card', 'email', 'name', 'phone'], true],
    ['/de.html', ['address', 'birthDate', 'email', 'gender', 'name', 'password', 'phone'], true],
    ['/fr.html', ['address', 'birthDate', 'email', 'gender', 'governmentId', 'name', 'password', 'phone'], true],
    ['/es.html', ['address', 'card', 'email', 'governmentId', 'name', 'phone'], true],
  ])('%s asks for exactly %j (insecure: %s)', async (path, kinds, insecureSubmit) => {
    await eraseLedger();
    const page = await h.context.newPage();
    await page.goto(h.server.url('forms.test', `${path}?campaign=mail&email=typed-secret@example.com`));
    const expected = [{ site: 'forms.test', url: h.server.url('forms.test', path), kinds, insecureSubmit }];
    await expect.poll(formsAsked, { timeout: 10_000 }).toEqual(expected);
    await typeEverywhere(page);
    // Reloading asks for nothing new on the same day: still one event.
    await page.reload();
    await typeEverywhere(page);
    expect(await formsAsked()).toEqual(expected);
    expect((await h.table<{ site: string; fields: string[] }>('sites')).find((s) => s.site === 'forms.test')?.fields.sort()).toEqual(kinds);
    await page.close();
  });

  it('records a sign-up dialog added after load', async () => {
    await eraseLedger();
    const page = await h.context.newPage();
    await page.goto(h.server.url('forms.test', '/late.html'));
    await typeEverywhere(page);
    await page.locator('#signup').waitFor();
    await typeEverywhere(page);
    await expect.poll(formsAsked, { timeout: 10_000 }).toEqual([
      { site: 'forms.test', url: h.server.url('forms.test', '/late.html'), kinds: ['email', 'password'], insecureSubmit: true },
    ]);
    const [event] = await events<FormEvent['data']>('form.fields');
    expect(event!.data.fields).toEqual([
      { kind: 'email', via: 'type', hint: 'type=email' },
      { kind: 'password', via: 'type', hint: 'type=password' },
    ]);
    await page.close();
  });

  it('never stores a value typed into a form, nor the query string', async () => {
    const worker = await h.worker();
    const tables = await worker.evaluate(() => new Promise<string[]>((done) => {
      const open = indexedDB.open('privacy-ledger');
      open.onsuccess = () => done([...open.result.objectStoreNames]);
    }));
    expect(tables).toEqual(expect.arrayContaining(['events', 'sites']));
    const stored = JSON.stringify({
      tables: await Promise.all(tables.map((t) => h.table(t))),
      local: await readStorage(worker, 'local'),
      session: await readStorage(worker, 'session'),
    });
    expect(stored).toContain('forms.test');
    for (const typed of [...TYPED, 'campaign=mail']) expect(stored).not.toContain(typed);
  });
});

describe('permission prompts', () => {
  const origin = () => new URL(h.server.url('asks.test')).origin;
  const answerShown = (page: Page, selector: string, attribute?: string) =>
    expect.poll(() => (attribute ? page.locator(selector).getAttribute(attribute) : page.locator(selector).textContent()), { timeout: 10_000 });

  it('records a location request granted on load, and the page still gets its position', async () => {
    await eraseLedger();
    await h.context.grantPermissions(['geolocation'], { origin: origin() });
    await h.context.setGeolocation({ latitude: 16.07, longitude: 108.22 });
    const page = await h.context.newPage();
    await page.goto(h.server.url('asks.test', '/'));
    await answerShown(page, '#where', 'data-answer').toBe('position');
    expect(await page.locator('#where').textContent()).toBe('Nearest to 16.07, 108.22');
    await expect.poll(promptsSeen).toEqual([{ site: 'asks.test', url: `${origin()}/`, permission: 'geolocation', result: 'granted' }]);
    expect((await h.table<{ site: string; permissions: string[] }>('sites')).find((s) => s.site === 'asks.test')?.permissions).toEqual(['geolocation']);
    await page.close();
  });

  it('records a location request the browser refuses, and notifications asked for on a click', async () => {
    await eraseLedger();
    await h.context.clearPermissions();
    const page = await h.context.newPage();
    await page.goto(h.server.url('asks.test', '/'));
    await answerShown(page, '#where', 'data-answer').toBe('error-1');
    await expect.poll(promptsSeen).toEqual([{ site: 'asks.test', url: `${origin()}/`, permission: 'geolocation', result: 'denied' }]);
    // Nothing about notifications until the visitor clicks.
    expect((await promptsSeen()).map((p) => p.permission)).not.toContain('notifications');
    await page.click('#notify');
    // Headless Chromium answers an ungranted prompt with a refusal, never by leaving it open.
    await answerShown(page, '#notify-answer').toBe('denied');
    await expect.poll(promptsSeen).toEqual([
      { site: 'asks.test', url: `${origin()}/`, permission: 'geolocation', result: 'denied' },
      { site: 'asks.test', url: `${origin()}/`, permission: 'notifications', result: 'denied' },
    ]);
    await page.close();
  });

  it('records notifications and the camera granted', async () => {
    await eraseLedger();
    await h.context.clearPermissions();
    await h.context.grantPermissions(['geolocation', 'notifications', 'camera'], { origin: origin() });
    const page = await h.context.newPage();
    await page.goto(h.server.url('asks.test', '/'));
    await answerShown(page, '#where', 'data-answer').toBe('position');
    await page.click('#notify');
    await answerShown(page, '#notify-answer').toBe('granted');
    await page.click('#camera');
    await answerShown(page, '#camera-answer').toBe('streaming');
    await expect.poll(async () => (await promptsSeen()).map((p) => `${p.permission}:${p.result}`).sort()).toEqual(['camera:granted', 'geolocation:granted', 'notifications:granted']);
    await page.close();
  });

  it('records nothing on a paused site', async () => {
    await eraseLedger();
    await useProfile(h, 'denyOptional', { pausedSites: ['asks.test'] });
    const page = await h.context.newPage();
    await page.goto(h.server.url('asks.test', '/'));
    await answerShown(page, '#where', 'data-answer').toBe('position');
    await page.click('#notify');
    await answerShown(page, '#notify-answer').toBe('granted');
    // Unpaused, the same page is recorded; the paused visit left nothing behind.
    await h.context.clearPermissions();
    await useProfile(h, 'denyOptional');
    await page.reload();
    await answerShown(page, '#where', 'data-answer').toBe('error-1');
    await expect.poll(promptsSeen).toEqual([{ site: 'asks.test', url: `${origin()}/`, permission: 'geolocation', result: 'denied' }]);
    await page.close();
  });
});
