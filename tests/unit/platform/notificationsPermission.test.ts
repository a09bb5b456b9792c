import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestInput } from '../../../core/messaging/protocol';
import { LedgerDatabase } from '../../../platform/db';
import { NOTIFICATIONS, readNotificationsState, REFUSED_KEY, requestNotifications } from '../../../platform/requests/notifications';
import { listenToReminderClicks, onReminderAlarm } from '../../../platform/requests/reminders';
import { saveRequest } from '../../../platform/requests/store';
import { permissionsApi } from '../../support/fakePermissions';

/**
 * `notifications` is an optional permission: the reminders must show with it,
 * stay quiet without it, and never fail. The browser's permissions API is
 * WXT's fake browser with its answers set per test.
 */
let db: LedgerDatabase;
beforeEach(() => {
  db = new LedgerDatabase(`test-${Math.random()}`);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const input: RequestInput = {
  site: 'shop.test', regime: 'gdpr', type: 'erasure', language: 'en',
  contact: { channel: 'email', value: 'privacy@shop.test', source: 'policy', confidence: 0.9 },
  subject: 'Erasure request', body: 'Please erase my data.', channel: 'mailto', sentOn: '2026-01-31',
};

async function dueAlarm() {
  const record = await saveRequest(db, input, 1_000);
  return { name: `request:${record.id}|${record.dueDate}`, scheduledTime: 0 };
}

const shown = () => Object.values(fakeBrowser.notifications.getAllCreateOptions());

describe('a reminder that fires', () => {
  it('granted: shows the notification, after asking the browser about exactly that permission', async () => {
    const contains = vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(true);
    await expect(onReminderAlarm(await dueAlarm(), db)).resolves.toBe('shown');
    expect(contains).toHaveBeenCalledWith(NOTIFICATIONS);
    expect(shown()).toHaveLength(1);
    expect(shown()[0]).toMatchObject({ type: 'basic', title: 'Your request to shop.test', message: expect.stringMatching(/Today, 2 March 2026, is the last day/) });
  });

  it('refused: shows nothing, says so, and does not throw', async () => {
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(false);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await expect(onReminderAlarm(await dueAlarm(), db)).resolves.toBe('notAllowed');
    expect(create).not.toHaveBeenCalled();
    expect(shown()).toEqual([]);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/reminder for shop\.test kept in the dashboard/));
  });

  it('absent: no permissions API, a permissions API that throws, or no notifications API at all: nothing shown, nothing thrown', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const alarm = await dueAlarm();
    vi.spyOn(permissionsApi(), 'contains').mockRejectedValue(new Error('permissions is not available'));
    await expect(onReminderAlarm(alarm, db)).resolves.toBe('notAllowed');

    const permissions = fakeBrowser.permissions;
    Object.assign(fakeBrowser, { permissions: undefined });
    try {
      await expect(onReminderAlarm(alarm, db)).resolves.toBe('notAllowed');
    } finally {
      Object.assign(fakeBrowser, { permissions });
    }

    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(true);
    const notifications = fakeBrowser.notifications;
    Object.assign(fakeBrowser, { notifications: undefined });
    try {
      await expect(onReminderAlarm(alarm, db)).resolves.toBe('notAllowed');
      expect(() => listenToReminderClicks()).not.toThrow();
    } finally {
      Object.assign(fakeBrowser, { notifications });
    }
    expect(shown()).toEqual([]);
  });

  it('withdrawn between the check and the call: the refusal of create is caught', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(true);
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('Missing notifications permission'));
    await expect(onReminderAlarm(await dueAlarm(), db)).resolves.toBe('notAllowed');
  });

  it('listens for clicks once, however often the permission is granted again', () => {
    const add = vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener');
    listenToReminderClicks();
    listenToReminderClicks();
    expect(add).toHaveBeenCalledTimes(1);
  });
});

describe('asking for the permission', () => {
  it('granted: answers true and forgets an earlier refusal', async () => {
    await fakeBrowser.storage.local.set({ [REFUSED_KEY]: 1 });
    const request = vi.spyOn(permissionsApi(), 'request').mockResolvedValue(true);
    await expect(requestNotifications()).resolves.toBe(true);
    expect(request).toHaveBeenCalledWith(NOTIFICATIONS);
    expect(await fakeBrowser.storage.local.get(REFUSED_KEY)).toEqual({});
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(true);
    await expect(readNotificationsState()).resolves.toBe('granted');
  });

  it('refused: answers false and remembers it, so the next tracked request does not ask again', async () => {
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(false);
    await expect(readNotificationsState()).resolves.toBe('notAsked');
    vi.spyOn(permissionsApi(), 'request').mockResolvedValue(false);
    await expect(requestNotifications()).resolves.toBe(false);
    expect((await fakeBrowser.storage.local.get(REFUSED_KEY))[REFUSED_KEY]).toEqual(expect.any(Number));
    await expect(readNotificationsState()).resolves.toBe('refused');
  });

  it('a browser that will not ask (no user gesture) or throws: false, and no refusal is recorded', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.spyOn(permissionsApi(), 'request').mockRejectedValue(new Error('This function must be called during a user gesture'));
    await expect(requestNotifications()).resolves.toBe(false);
    vi.spyOn(permissionsApi(), 'request').mockImplementation(() => {
      throw new Error('permissions.request may only be called from a user input handler');
    });
    await expect(requestNotifications()).resolves.toBe(false);
    expect(await fakeBrowser.storage.local.get(REFUSED_KEY)).toEqual({});
  });

  it('absent: a browser without the permissions API is "unavailable", and asking answers false', async () => {
    const permissions = fakeBrowser.permissions;
    Object.assign(fakeBrowser, { permissions: undefined });
    try {
      await expect(readNotificationsState()).resolves.toBe('unavailable');
      await expect(requestNotifications()).resolves.toBe(false);
    } finally {
      Object.assign(fakeBrowser, { permissions });
    }
  });
});
