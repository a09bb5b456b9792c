import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../core/settings/defaults';
import type { FormFieldsReport } from '../../../core/messaging/protocol';
import { database } from '../../../platform/db';
import { observeHandlers } from '../../../platform/handlers/observe';
import type { CallerContext } from '../../../platform/messaging/router';
import { saveSettings } from '../../../platform/settingsStorage';

const formFields = observeHandlers.content!['ledger.formFields']!;
const permission = observeHandlers.content!['ledger.permission']!;

/** A content script in frame `frameId` of a tab showing `tabUrl`, the frame itself at `frameUrl`. */
const caller = (tabUrl: string, frameUrl = tabUrl, frameId = 0): CallerContext => ({
  sender: { id: fakeBrowser.runtime.id, url: frameUrl, tab: { id: 7, url: tabUrl } as never, frameId },
  tabId: 7,
  frameId,
});

const email = { kind: 'email', via: 'type', hint: 'type=email' } as const;
const phone = { kind: 'phone', via: 'label', hint: 'số điện thoại' } as const;
const fields = (...list: FormFieldsReport['fields']): FormFieldsReport => ({ url: 'https://claimed.example/', fields: list, insecureSubmit: false });
const events = async (kind: string) => (await database().events.toArray()).filter((e) => e.kind === kind);

beforeEach(async () => {
  await database().events.clear();
  await database().sites.clear();
});

describe('ledger.formFields', () => {
  it('writes one event per site and day for each new set of kinds, and keeps the site’s kinds', async () => {
    const shop = caller('https://www.shop.example/signup?ref=mail');
    await formFields(fields(email), shop);
    await formFields(fields(email), shop); // a reload: nothing new
    await formFields(fields(phone, email), shop); // a new kind: recorded with the whole form
    await formFields(fields(phone), shop);
    const written = await events('form.fields');
    expect(written.map((e) => [e.site, e.data])).toEqual([
      ['shop.example', { url: 'https://www.shop.example/signup', fields: [email], insecureSubmit: false }],
      ['shop.example', { url: 'https://www.shop.example/signup', fields: [phone, email], insecureSubmit: false }],
    ]);
    expect((await database().sites.get('shop.example'))?.fields).toEqual(['email', 'phone']);
  });

  it('records the first insecure submission of the day even without a new kind', async () => {
    const shop = caller('http://shop.example/');
    await formFields(fields(email), shop);
    await formFields({ ...fields(email), insecureSubmit: true }, shop);
    await formFields({ ...fields(email), insecureSubmit: true }, shop);
    expect((await events('form.fields')).map((e) => (e.data as FormFieldsReport).insecureSubmit)).toEqual([false, true]);
  });

  it('writes again on a later day', async () => {
    const shop = caller('https://shop.example/');
    await formFields(fields(email), shop);
    const [first] = await database().events.toArray();
    await database().events.update(first!.id!, { at: first!.at - 2 * 86_400_000 });
    await formFields(fields(email), shop);
    expect(await events('form.fields')).toHaveLength(2);
  });

  it('belongs to the tab’s top site, whatever the page or a frame claims', async () => {
    await formFields(fields(email), caller('https://shop.example/checkout', 'https://pay.example/card?session=secret', 3));
    const [event] = await events('form.fields');
    expect(event).toMatchObject({ site: 'shop.example', data: { url: 'https://pay.example/card' } });
    expect(await database().sites.get('claimed.example')).toBeUndefined();
    expect(await database().sites.get('pay.example')).toBeUndefined();
  });

  it('records nothing on a paused site, nor when paused everywhere', async () => {
    await saveSettings({ ...defaultSettings(), pausedSites: ['quiet.example'] });
    await formFields(fields(email), caller('https://quiet.example/'));
    await permission({ url: 'https://quiet.example/', permission: 'camera', result: 'granted' }, caller('https://quiet.example/'));
    await saveSettings({ ...defaultSettings(), paused: true });
    await formFields(fields(email), caller('https://loud.example/'));
    expect(await database().events.count()).toBe(0);
    expect(await database().sites.count()).toBe(0);
  });
});

describe('ledger.permission', () => {
  it('writes one event per site, day, permission and answer', async () => {
    const maps = caller('https://maps.example/?q=home');
    await permission({ url: 'x', permission: 'geolocation', result: 'denied' }, maps);
    await permission({ url: 'x', permission: 'geolocation', result: 'denied' }, maps);
    await permission({ url: 'x', permission: 'geolocation', result: 'granted' }, maps);
    await permission({ url: 'x', permission: 'notifications', result: 'dismissed' }, maps);
    expect((await events('permission.prompt')).map((e) => [e.site, e.data])).toEqual([
      ['maps.example', { url: 'https://maps.example/', permission: 'geolocation', result: 'denied' }],
      ['maps.example', { url: 'https://maps.example/', permission: 'geolocation', result: 'granted' }],
      ['maps.example', { url: 'https://maps.example/', permission: 'notifications', result: 'dismissed' }],
    ]);
    expect((await database().sites.get('maps.example'))?.permissions).toEqual(['geolocation', 'notifications']);
  });

  it('ignores a tab that is not a website', async () => {
    await permission({ url: 'https://a.example/', permission: 'camera', result: 'granted' }, caller('chrome://newtab/'));
    expect(await database().events.count()).toBe(0);
  });
});
