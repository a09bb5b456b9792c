import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentSchemas, extensionSchemas } from '../../../core/messaging/schemas';
import type { Identity } from '../../../core/settings/schema';
import { HANDLER_MODULES } from '../../../platform/background';
import { database } from '../../../platform/db';
import { createRouter, MAX_MESSAGE_CHARS } from '../../../platform/messaging/router';

/**
 * Untrusted input cannot command the extension: every message a content
 * script (or whatever speaks for a hijacked page) can send goes through the
 * background's real router and handlers here, and each forged one must be
 * refused with a logged reason and leave storage and the database as they were.
 */

// WXT's fake browser: its runtime id and the origin its getURL gives, as the identity handlers check it.
const ID = fakeBrowser.runtime.id;
const ORIGIN = fakeBrowser.runtime.getURL('/');
const MY_TAB = 5;
const OTHER_TAB = 9;
const dashboard: Runtime.MessageSender = { id: ID, url: `${ORIGIN}dashboard.html` };
const hostilePage: Runtime.MessageSender = { id: ID, url: 'https://hostile.test/', tab: { id: MY_TAB, url: 'https://hostile.test/' } as Runtime.MessageSender['tab'], frameId: 0 };
const ana: Identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1, 10115 Berlin', country: 'DE', accountIds: [] };

function background() {
  const refused: { reason: string; from: string | undefined }[] = [];
  const listener = createRouter({
    extensionId: ID, extensionOrigin: ORIGIN, modules: HANDLER_MODULES, contentSchemas, extensionSchemas,
    onReject: (reason, _message, sender) => refused.push({ reason, from: sender?.url }),
  });
  const send = (type: string, payload: unknown, sender: Runtime.MessageSender) =>
    new Promise<{ ok: boolean; error?: string; value?: unknown }>((resolve, fail) => {
      const returned = listener({ channel: 'privacy-ledger', type, payload }, sender, resolve as (r: unknown) => void);
      if (returned === undefined) fail(new Error('not handled'));
    });
  return { send, refused };
}

/** Everything a forged message could change: both storage areas and every table's rows. */
async function state(): Promise<unknown> {
  const db = database();
  const tables = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
  return { local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null), tables };
}

/** A background with an identity, settings and a ledger entry saved the trusted way. */
async function seeded() {
  const bg = background();
  const ok = async (type: string, payload: unknown) => expect(await bg.send(type, payload, dashboard), type).toEqual(expect.objectContaining({ ok: true }));
  await ok('identity.save', { identity: ana });
  await ok('site.setPaused', { site: 'news.test', paused: true });
  await database().sites.put({ site: 'news.test', firstSeen: 1, lastSeen: 2, visits: 1 } as never);
  return bg;
}

const EXTENSION_ONLY: [string, unknown][] = [
  ['identity.get', {}],
  ['identity.save', { identity: { ...ana, email: 'thief@hostile.test' } }],
  ['identity.unprotect', { passphrase: 'guess' }],
  ['settings.get', {}],
  ['settings.import', { text: '{}' }],
  ['site.setPaused', { site: 'hostile.test', paused: true }],
  ['data.eraseAll', {}],
  ['ledger.eraseSite', { site: 'news.test' }],
  ['ledger.import', { text: '{}' }],
  ['requests.delete', { id: 'r1' }],
  ['tab.status', { tabId: OTHER_TAB }],
  ['consent.status', { tabId: OTHER_TAB }],
  ['consent.answerAgain', { tabId: OTHER_TAB }],
  ['policy.read', { tabId: OTHER_TAB }],
];

describe('forged messages from a content script', () => {
  it('cannot read or change identity, settings, the ledger or requests, nor ask about another tab', async () => {
    const bg = await seeded();
    const before = await state();
    for (const [type, payload] of EXTENSION_ONLY) {
      const reply = await bg.send(type, payload, hostilePage);
      expect(reply, type).toEqual({ ok: false, error: `${type} is not accepted from web pages` });
      expect(JSON.stringify(reply)).not.toContain('Ana');
    }
    expect(bg.refused).toEqual(EXTENSION_ONLY.map(([type]) => ({ reason: `${type} is not accepted from web pages`, from: 'https://hostile.test/' })));
    expect(await state()).toEqual(before);
    // The same calls from the extension's own page are answered: the refusals are about the sender.
    expect(await bg.send('identity.get', {}, dashboard)).toMatchObject({ ok: true, value: { identity: { email: 'ana@example.org' } } });
  });

  it('refuses unknown names, names from the object prototype, and messages without a type', async () => {
    const bg = await seeded();
    const before = await state();
    for (const type of ['ledger.dump', 'identity.export', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(await bg.send(type, {}, hostilePage), type).toMatchObject({ ok: false, error: `${type} is not accepted from web pages` });
    }
    expect(await bg.send(42 as unknown as string, {}, hostilePage)).toEqual({ ok: false, error: 'no message type' });
    expect(bg.refused).toHaveLength(8);
    expect(await state()).toEqual(before);
  });

  it('refuses wrong payload types and extra fields, naming the field', async () => {
    const bg = await seeded();
    const before = await state();
    const forged: [string, unknown][] = [
      ['page.hello', { url: 42, top: true }],
      ['page.hello', 'https://hostile.test/'],
      ['page.hello', null],
      // A tab id of its own choosing: the content messages take none.
      ['page.hello', { url: 'https://hostile.test/', top: true, tabId: OTHER_TAB }],
      ['consent.load', { adapter: 'no-such-cmp' }],
      ['consent.heuristicResult', { pressed: 'yes', gone: false, unlocked: [] }],
      ['consent.heuristicResult', { pressed: true, gone: false, unlocked: Array(11).fill('x') }],
      ['ledger.permission', { permission: { toString: 'x' }, result: 'granted' }],
      ['consent.ac', { message: { type: 'eval', id: '1', code: 'x'.repeat(20_001) } }],
    ];
    for (const [type, payload] of forged) {
      const reply = await bg.send(type, payload, hostilePage);
      expect(reply, `${type} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^invalid payload for ${type.replace('.', '\\.')}: \\S`)) });
    }
    expect(bg.refused).toHaveLength(forged.length);
    expect(await state()).toEqual(before);
  });

  it('refuses an oversized payload before parsing it, and one that cannot be serialised', async () => {
    const bg = await seeded();
    const before = await state();
    expect(await bg.send('ledger.formFields', { fields: [], insecureSubmit: false, pad: 'x'.repeat(MAX_MESSAGE_CHARS) }, hostilePage)).toEqual({ ok: false, error: 'payload too large' });
    const cyclic: Record<string, unknown> = { top: true };
    cyclic.url = cyclic;
    expect(await bg.send('page.hello', cyclic, hostilePage)).toEqual({ ok: false, error: 'payload is not serialisable' });
    expect(bg.refused.map((r) => r.reason)).toEqual(['payload too large', 'payload is not serialisable']);
    expect(await state()).toEqual(before);
  });

  it('refuses a sender the browser does not vouch for: none, another extension, a page without a tab or without a URL', async () => {
    const bg = await seeded();
    const before = await state();
    const senders: [string, Runtime.MessageSender | undefined][] = [
      ['no sender', undefined],
      ['empty sender', {}],
      ['another extension', { ...hostilePage, id: 'someone-else' }],
      ['another extension\'s page', { id: 'someone-else', url: 'chrome-extension://someone-else/dashboard.html' }],
      ['a look-alike origin', { id: ID, url: `${ORIGIN.replace(/\/$/, '')}.hostile.test/dashboard.html` }],
      ['no tab and not an extension page', { id: ID, url: 'https://hostile.test/' }],
      ['a tab but no URL', { id: ID, tab: { id: MY_TAB } as Runtime.MessageSender['tab'], frameId: 0 }],
    ];
    for (const [what, sender] of senders) {
      expect(await bg.send('page.hello', { url: 'https://news.test/', top: true }, sender as Runtime.MessageSender), what).toMatchObject({ ok: false });
      expect(await bg.send('identity.get', {}, sender as Runtime.MessageSender), what).toMatchObject({ ok: false });
    }
    expect(bg.refused).toHaveLength(senders.length * 2);
    expect(bg.refused.every((r) => r.reason === 'unknown sender' || r.reason === 'identity.get is not accepted from web pages')).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('takes the page\'s site and tab from the browser, never from what the page claims', async () => {
    const bg = await seeded();
    // news.test is paused: a page claiming to be news.test would get an inactive configuration.
    const reply = await bg.send('page.hello', { url: 'https://news.test/', top: true }, hostilePage);
    expect(reply).toMatchObject({ ok: true, value: { site: 'hostile.test', active: true } });
    // What the page reports is filed under the site the browser names, whatever URL it claims.
    const report = { url: 'https://news.test/signup', fields: [{ kind: 'email', via: 'type', hint: 'email' }], insecureSubmit: false };
    expect(await bg.send('ledger.formFields', report, hostilePage)).toMatchObject({ ok: true });
    const events = await database().events.toArray();
    expect(events.filter((e) => e.kind === 'form.fields').map((e) => e.site)).toEqual(['hostile.test']);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session).filter((k) => k.includes(String(OTHER_TAB)))).toEqual([]);
  });
});
