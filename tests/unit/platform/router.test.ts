import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { contentSchemas, extensionSchemas } from '../../../core/messaging/schemas';
import { defaultSettings } from '../../../core/settings/defaults';
import { KnownFailure } from '../../../core/messaging/failures';
import { sendThrough } from '../../../platform/messaging/envelope';
import { createRouter, MAX_MESSAGE_CHARS, type HandlerModule } from '../../../platform/messaging/router';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const page: Runtime.MessageSender = { id: ID, url: 'https://site.example/', tab: { id: 7 } as Runtime.MessageSender['tab'], frameId: 3 };
const extensionPage: Runtime.MessageSender = { id: ID, url: `${ORIGIN}dashboard.html` };

function setup() {
  const hello = vi.fn(async (payload: { url: string; top: boolean }, caller: { tabId: number | null; frameId: number | null }) => ({
    site: 'site.example', active: true, inactiveReason: null, override: null, gpc: Boolean(payload.top && caller.tabId),
  }));
  const get = vi.fn(async () => defaultSettings());
  const modules: HandlerModule[] = [{ content: { 'page.hello': hello } }, { extension: { 'settings.get': get } }];
  const rejected: string[] = [];
  const listener = createRouter({
    extensionId: ID, extensionOrigin: ORIGIN, modules, contentSchemas, extensionSchemas,
    onReject: (reason) => rejected.push(reason),
  });
  const call = (message: unknown, sender: Runtime.MessageSender) =>
    new Promise((resolve) => {
      const returned = listener(message, sender, resolve);
      if (returned === undefined) resolve('not handled');
    });
  return { hello, get, call, rejected };
}

const msg = (type: string, payload: unknown) => ({ channel: 'privacy-ledger', type, payload });

describe('message router', () => {
  it('answers a content script with its tab and frame', async () => {
    const { call, hello } = setup();
    await expect(call(msg('page.hello', { url: 'https://site.example/', top: true }), page)).resolves.toMatchObject({ ok: true, value: { gpc: true } });
    expect(hello).toHaveBeenCalledWith({ url: 'https://site.example/', top: true }, expect.objectContaining({ tabId: 7, frameId: 3 }));
  });

  it('answers an extension page', async () => {
    const { call } = setup();
    await expect(call(msg('settings.get', {}), extensionPage)).resolves.toMatchObject({ ok: true, value: { version: 2 } });
  });

  it('refuses extension-only messages from a web page', async () => {
    const { call, get, rejected } = setup();
    await expect(call(msg('settings.get', {}), page)).resolves.toEqual({ ok: false, error: 'settings.get is not accepted from web pages' });
    expect(get).not.toHaveBeenCalled();
    expect(rejected).toHaveLength(1);
  });

  it('refuses another extension, and senders without a tab or extension origin', async () => {
    const { call, hello } = setup();
    await expect(call(msg('page.hello', { url: 'x', top: true }), { ...page, id: 'other' })).resolves.toMatchObject({ ok: false, error: 'unknown sender' });
    await expect(call(msg('page.hello', { url: 'x', top: true }), { id: ID, url: 'https://x/' })).resolves.toMatchObject({ ok: false });
    expect(hello).not.toHaveBeenCalled();
  });

  it('refuses unknown names, inherited names and malformed payloads', async () => {
    const { call, hello } = setup();
    await expect(call(msg('settings.erase', {}), extensionPage)).resolves.toMatchObject({ ok: false });
    await expect(call(msg('constructor', {}), page)).resolves.toMatchObject({ ok: false });
    await expect(call(msg('page.hello', { url: 1, top: 'yes' }), page)).resolves.toMatchObject({ ok: false, error: expect.stringContaining('invalid payload') });
    await expect(call({ channel: 'privacy-ledger', payload: {} }, page)).resolves.toMatchObject({ ok: false, error: 'no message type' });
    expect(hello).not.toHaveBeenCalled();
  });

  it('refuses an oversized payload before validating it', async () => {
    const { call } = setup();
    const huge = { url: 'x'.repeat(MAX_MESSAGE_CHARS + 1), top: true };
    await expect(call(msg('page.hello', huge), page)).resolves.toEqual({ ok: false, error: 'payload too large' });
  });

  it('lets an extension page send a ledger file larger than a web page may send', async () => {
    const imported = vi.fn(async () => ({ ok: true as const, added: {}, skipped: 0 }));
    const listener = createRouter({ extensionId: ID, extensionOrigin: ORIGIN, modules: [{ extension: { 'ledger.import': imported } }], contentSchemas, extensionSchemas });
    const text = ' '.repeat(MAX_MESSAGE_CHARS + 1);
    await expect(listener(msg('ledger.import', { text }), extensionPage)).resolves.toMatchObject({ ok: true });
    expect(imported).toHaveBeenCalledOnce();
  });

  it('leaves messages of other channels to other listeners', async () => {
    const { call } = setup();
    await expect(call({ type: 'page.hello' }, page)).resolves.toBe('not handled');
  });

  it('reports a failing handler as an error reply', async () => {
    const { call, get } = setup();
    get.mockRejectedValueOnce(new Error('disk full'));
    await expect(call(msg('settings.get', {}), extensionPage)).resolves.toEqual({ ok: false, error: 'disk full' });
  });

  it('returns a promise when no sendResponse is given', async () => {
    const { get } = setup();
    const listener = createRouter({ extensionId: ID, extensionOrigin: ORIGIN, modules: [{ extension: { 'settings.get': get } }], contentSchemas, extensionSchemas });
    await expect(listener(msg('settings.get', {}), extensionPage)).resolves.toMatchObject({ ok: true });
  });

  it('names a failure the user can act on, so the interface can word it; other errors carry none', async () => {
    const thrown: unknown[] = [new KnownFailure('noExtension', 'The law gives this request no extension.'), new DOMException('full', 'QuotaExceededError'), new Error('boom')];
    const listener = createRouter({
      extensionId: ID, extensionOrigin: ORIGIN, contentSchemas, extensionSchemas, onReject: () => {},
      modules: [{ extension: { 'settings.get': async () => { throw thrown.shift(); } } }],
    });
    const call = (message: unknown) => new Promise((resolve) => listener(message, extensionPage, resolve));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(call(msg('settings.get', {}))).resolves.toEqual({ ok: false, error: 'The law gives this request no extension.', failure: 'noExtension' });
    await expect(call(msg('settings.get', {}))).resolves.toMatchObject({ ok: false, failure: 'storageFull' });
    await expect(call(msg('settings.get', {}))).resolves.toEqual({ ok: false, error: 'boom' });
    // The page's side: the failure reaches the error the caller catches; a name it does not know is dropped.
    await expect(sendThrough(async () => ({ ok: false, error: 'x', failure: 'noExtension' }), 'settings.get', {})).rejects.toMatchObject({ failure: 'noExtension', message: 'settings.get: x' });
    await expect(sendThrough(async () => ({ ok: false, error: 'x', failure: 'made-up' }), 'settings.get', {})).rejects.toMatchObject({ failure: undefined });
  });
});
