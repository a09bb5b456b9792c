import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestInput } from '../../../core/messaging/protocol';
import { computeDeadline } from '../../../core/requests';
import { LedgerDatabase } from '../../../platform/db';
import { onReminderAlarm, onReminderClicked, reminderTime, rescheduleAll, scheduleReminders } from '../../../platform/requests/reminders';
import { deleteRequest, midnightOf, pauseRequest, resumeRequest, saveRequest, setReceivedOn, setRequestStatus } from '../../../platform/requests/store';
import { permissionsApi } from '../../support/fakePermissions';

let db: LedgerDatabase;
beforeEach(() => {
  db = new LedgerDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const input = (over: Partial<RequestInput> = {}): RequestInput => ({
  site: 'shop.test', regime: 'gdpr', type: 'erasure', language: 'en',
  contact: { channel: 'email', value: 'privacy@shop.test', source: 'policy', confidence: 0.9 },
  subject: 'Erasure request', body: 'Please erase my data.', channel: 'mailto', sentOn: '2026-01-31', ...over,
});

describe('the request tracker', () => {
  it('stores a sent request with the deadline engine\'s due day and writes one request.sent event', async () => {
    const record = await saveRequest(db, input(), 1_000);
    // GDPR: one month from 31 January is the last day of February; 28 Feb 2026 is a Saturday, so Monday 2 March.
    expect(record).toMatchObject({ status: 'sent', dueDate: '2026-03-02', extendedDueDate: '2026-04-30', sentAt: midnightOf('2026-01-31'), dueAt: midnightOf('2026-03-02') });
    expect(record.dueDate).toBe(computeDeadline('gdpr', 'erasure', '2026-01-31').dueDate);
    expect(record.history).toEqual([{ status: 'sent', at: 1_000 }]);
    expect(record.company).toBeNull();
    expect(record.sentOn).toBe('2026-01-31');
    const events = await db.events.toArray();
    expect(events).toMatchObject([{ site: 'shop.test', kind: 'request.sent', at: 1_000, data: { id: record.id, to: 'privacy@shop.test', sentOn: '2026-01-31', dueDate: '2026-03-02', channel: 'mailto' } }]);
    // The company the letter named is kept, for the follow-ups.
    expect((await saveRequest(db, input({ company: ' Shop Test GmbH ' }), 1_500)).company).toBe('Shop Test GmbH');
  });

  it('keeps a draft without a due day or event, and sends it later', async () => {
    const draft = await saveRequest(db, input({ sentOn: null, channel: null }), 1_000);
    expect(draft).toMatchObject({ status: 'draft', dueDate: null, dueAt: null, sentAt: null });
    expect(await db.events.count()).toBe(0);
    const sent = await saveRequest(db, input({ id: draft.id, regime: 'ccpa', type: 'delete', sentOn: '2026-03-01' }), 2_000);
    expect(sent).toMatchObject({ id: draft.id, status: 'sent', createdAt: 1_000, dueDate: '2026-04-15' });
    expect(sent.history.map((h) => h.status)).toEqual(['draft', 'sent']);
    await expect(saveRequest(db, input({ id: draft.id }), 3_000)).rejects.toThrow(/already sent/);
  });

  it('tracks a draft marked sent from the tracker, and logs it once', async () => {
    const draft = await saveRequest(db, input({ sentOn: null, channel: null }), 1_000);
    await expect(setRequestStatus(db, draft.id, 'answered', '2026-03-01', 1_500)).rejects.toThrow(/Send the request/);
    const sent = await setRequestStatus(db, draft.id, 'sent', '2026-01-31', 2_000);
    expect(sent).toMatchObject({ status: 'sent', dueDate: '2026-03-02', sentAt: midnightOf('2026-01-31'), sentOn: '2026-01-31' });
    await setRequestStatus(db, draft.id, 'sent', '2026-02-02', 3_000);
    expect(await db.events.where('kind').equals('request.sent').count()).toBe(1);
  });

  it('moves the due day when the company extends, and records each status', async () => {
    const record = await saveRequest(db, input({ sentOn: '2026-05-04' }), 1_000);
    const extended = await setRequestStatus(db, record.id, 'extended', '2026-05-20', 2_000);
    expect(extended).toMatchObject({ status: 'extended', dueDate: record.extendedDueDate, dueAt: midnightOf(record.extendedDueDate!) });
    const answered = await setRequestStatus(db, record.id, 'answered', '2026-06-01', 3_000);
    expect(answered.history.map((h) => h.status)).toEqual(['sent', 'extended', 'answered']);
  });

  it('refuses to extend a request the law gives no extension', async () => {
    const record = await saveRequest(db, input({ regime: 'ccpa', type: 'optOutSaleSharing' }), 1_000);
    expect(record.extendedDueDate).toBeNull();
    await expect(setRequestStatus(db, record.id, 'extended', '2026-02-02', 2_000)).rejects.toThrow(/no extension/);
    expect((await db.requests.get(record.id))?.status).toBe('sent');
  });
});

describe('a request by post', () => {
  const postal = { channel: 'postal' as const, value: 'Shop Test GmbH, Hauptstr. 1, Berlin', source: 'companyIndex' as const, confidence: 0.6 };

  it('has no due day and no reminder until the day it was delivered is given, then counts from that day', async () => {
    const record = await saveRequest(db, input({ contact: postal, channel: 'print', sentOn: '2026-01-27' }), 1_000);
    expect(record).toMatchObject({ status: 'sent', sentOn: '2026-01-27', receivedOn: null, dueDate: null, extendedDueDate: null, dueAt: null });
    expect((await db.events.toArray())[0]?.data).toMatchObject({ sentOn: '2026-01-27', dueDate: null });
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await scheduleReminders(record, 1_000);
    expect(create).not.toHaveBeenCalled();
    const delivered = await setReceivedOn(db, record.id, '2026-01-31');
    // As an email received on 31 January: due Monday 2 March.
    expect(delivered).toMatchObject({ receivedOn: '2026-01-31', dueDate: '2026-03-02', extendedDueDate: '2026-04-30', dueAt: midnightOf('2026-03-02'), status: 'sent' });
    expect(await db.requests.get(record.id)).toMatchObject({ receivedOn: '2026-01-31', dueDate: '2026-03-02' });
  });

  it('takes the delivery day with the letter, keeps an extension when it is corrected, and drops it when the posting day moves past it', async () => {
    const record = await saveRequest(db, input({ contact: postal, channel: 'print', sentOn: '2026-05-01', receivedOn: '2026-05-04' }), 1_000);
    expect(record).toMatchObject({ receivedOn: '2026-05-04', dueDate: computeDeadline('gdpr', 'erasure', '2026-05-04').dueDate });
    const extended = await setRequestStatus(db, record.id, 'extended', '2026-05-20', 2_000);
    const corrected = await setReceivedOn(db, record.id, '2026-05-05');
    expect(corrected).toMatchObject({ status: 'extended', dueDate: computeDeadline('gdpr', 'erasure', '2026-05-05').extendedDueDate });
    expect(corrected.dueDate).not.toBe(extended.dueDate);
    const reposted = await setRequestStatus(db, record.id, 'sent', '2026-05-07', 3_000);
    expect(reposted).toMatchObject({ sentOn: '2026-05-07', receivedOn: null, dueDate: null });
  });

  it('refuses a delivery day before the posting day, one for an email, and one for a draft, changing nothing', async () => {
    const letter = await saveRequest(db, input({ contact: postal, channel: 'print', sentOn: '2026-05-04' }), 1_000);
    await expect(setReceivedOn(db, letter.id, '2026-05-03')).rejects.toMatchObject({ failure: 'receivedBeforeSent' });
    await expect(setReceivedOn(db, letter.id, '2099-05-05')).rejects.toMatchObject({ failure: 'dayInFuture' });
    await expect(saveRequest(db, input({ contact: postal, channel: 'print', sentOn: '2099-05-04' }), 1_200)).rejects.toMatchObject({ failure: 'dayInFuture' });
    await expect(saveRequest(db, input({ contact: postal, channel: 'print', sentOn: '2026-05-04', receivedOn: '2026-05-01' }), 1_500)).rejects.toMatchObject({ failure: 'receivedBeforeSent' });
    const email = await saveRequest(db, input(), 2_000);
    await expect(setReceivedOn(db, email.id, '2026-02-02')).rejects.toMatchObject({ failure: 'notByPost' });
    const draft = await saveRequest(db, input({ contact: postal, sentOn: null, channel: null }), 3_000);
    await expect(setReceivedOn(db, draft.id, '2026-05-05')).rejects.toMatchObject({ failure: 'requestNotSent' });
    expect(await db.requests.get(letter.id)).toMatchObject({ receivedOn: null, dueDate: null });
    expect(await db.requests.count()).toBe(3);
    // An email's own day of receipt is the day it was sent: a stray receivedOn is not kept.
    expect((await saveRequest(db, input({ receivedOn: '2026-02-03' }), 4_000)).receivedOn).toBeNull();
  });
});

describe('a UK request whose company asks for something first', () => {
  const uk = (over: Partial<RequestInput> = {}) => input({ regime: 'ukGdpr', type: 'access', sentOn: '2026-03-02', ...over });

  it('stops the clock for a clarification, with no due day or reminder, then leaves those days out', async () => {
    const record = await saveRequest(db, uk(), 1_000);
    expect(record.dueDate).toBe(computeDeadline('ukGdpr', 'access', '2026-03-02').dueDate);
    const paused = await pauseRequest(db, record.id, 'clarification', '2026-03-05', 2_000);
    expect(paused).toMatchObject({ status: 'paused', pause: { kind: 'clarification', since: '2026-03-05', from: 'sent' }, dueDate: null, extendedDueDate: null, dueAt: null });
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await scheduleReminders(paused, 2_000);
    expect(create).not.toHaveBeenCalled();
    const resumed = await resumeRequest(db, record.id, '2026-03-09', 3_000);
    const due = computeDeadline('ukGdpr', 'access', '2026-03-02', { pausedDays: 4 }).dueDate;
    expect(resumed).toMatchObject({ status: 'sent', pause: null, pausedDays: 4, restartOn: null, dueDate: due, dueAt: midnightOf(due) });
    expect(resumed.history.map((h) => h.status)).toEqual(['sent', 'paused', 'sent']);
    expect(await db.requests.get(record.id)).toMatchObject({ status: 'sent', pausedDays: 4, dueDate: due });
  });

  it('starts the period again from the day identity details reach the company, and keeps an extension', async () => {
    const record = await saveRequest(db, uk(), 1_000);
    await pauseRequest(db, record.id, 'clarification', '2026-03-05', 2_000);
    await resumeRequest(db, record.id, '2026-03-09', 3_000);
    await setRequestStatus(db, record.id, 'extended', '2026-03-10', 4_000);
    await pauseRequest(db, record.id, 'identity', '2026-03-12', 5_000);
    const resumed = await resumeRequest(db, record.id, '2026-03-20', 6_000);
    const restarted = computeDeadline('ukGdpr', 'access', '2026-03-20');
    expect(resumed).toMatchObject({ status: 'extended', pausedDays: 0, restartOn: '2026-03-20', dueDate: restarted.extendedDueDate, extendedDueDate: restarted.extendedDueDate });
  });

  it('ends from a stopped clock only as answered or closed, and the stop is gone', async () => {
    const record = await saveRequest(db, uk(), 1_000);
    await pauseRequest(db, record.id, 'identity', '2026-03-05', 2_000);
    await expect(setRequestStatus(db, record.id, 'acknowledged', '2026-03-06', 2_500)).rejects.toMatchObject({ failure: 'badTransition' });
    await expect(setRequestStatus(db, record.id, 'complaintFiled', '2026-03-06', 2_500)).rejects.toMatchObject({ failure: 'badTransition' });
    await expect(setRequestStatus(db, record.id, 'paused', '2026-03-06', 2_500)).rejects.toMatchObject({ failure: 'badTransition' });
    expect(await setRequestStatus(db, record.id, 'answered', '2026-03-07', 3_000)).toMatchObject({ status: 'answered', pause: null });
  });

  it('refuses a stop the law does not know, out-of-order days and a draft, changing nothing', async () => {
    const eu = await saveRequest(db, input({ sentOn: '2026-03-02' }), 1_000);
    await expect(pauseRequest(db, eu.id, 'identity', '2026-03-05', 2_000)).rejects.toMatchObject({ failure: 'noPause' });
    const record = await saveRequest(db, uk(), 1_000);
    await expect(pauseRequest(db, eu.id, 'fee', '2026-03-05', 2_000)).rejects.toMatchObject({ failure: 'noPause' });
    await expect(pauseRequest(db, record.id, 'clarification', '2099-03-05', 2_000)).rejects.toMatchObject({ failure: 'dayInFuture' });
    await expect(pauseRequest(db, record.id, 'clarification', '2026-03-01', 2_000)).rejects.toMatchObject({ failure: 'dayOutOfOrder' });
    await expect(resumeRequest(db, record.id, '2026-03-05', 2_000)).rejects.toMatchObject({ failure: 'notPaused' });
    await pauseRequest(db, record.id, 'clarification', '2026-03-05', 2_000);
    await expect(resumeRequest(db, record.id, '2026-03-04', 3_000)).rejects.toMatchObject({ failure: 'dayOutOfOrder' });
    expect(await db.requests.get(record.id)).toMatchObject({ status: 'paused', pause: { since: '2026-03-05' } });
    const draft = await saveRequest(db, uk({ sentOn: null, channel: null }), 4_000);
    await expect(pauseRequest(db, draft.id, 'clarification', '2026-03-05', 5_000)).rejects.toMatchObject({ failure: 'requestNotSent' });
    expect(await db.requests.get(eu.id)).toMatchObject({ status: 'sent', dueDate: eu.dueDate });
    // Answered meanwhile (another window): no longer paused.
    await setRequestStatus(db, eu.id, 'answered', '2026-03-06', 6_000);
    const done = await saveRequest(db, uk(), 7_000);
    await setRequestStatus(db, done.id, 'closed', '2026-03-06', 8_000);
    await expect(pauseRequest(db, done.id, 'identity', '2026-03-07', 9_000)).rejects.toMatchObject({ failure: 'requestNotRunning' });
  });

  it('waits for a letter\'s delivery day before its clock can stop', async () => {
    const postal = { channel: 'postal' as const, value: 'Shop Ltd, 1 High St, London', source: 'companyIndex' as const, confidence: 0.6 };
    const letter = await saveRequest(db, uk({ contact: postal, channel: 'print' }), 1_000);
    await expect(pauseRequest(db, letter.id, 'identity', '2026-03-05', 2_000)).rejects.toMatchObject({ failure: 'deliveryDayFirst' });
    await setReceivedOn(db, letter.id, '2026-03-04');
    expect(await pauseRequest(db, letter.id, 'identity', '2026-03-05', 3_000)).toMatchObject({ status: 'paused' });
    // A stopped clock is changed by answering, not by a delivery day.
    await expect(setReceivedOn(db, letter.id, '2026-03-03')).rejects.toMatchObject({ failure: 'requestNotRunning' });
  });
});

describe('reminders', () => {
  it('schedules an alarm 3 days before, on and after the due day, at 09:00, and the one that fires shows a notification', async () => {
    const record = await saveRequest(db, input(), 1_000);
    // Only the clock and timers are faked: the database's own scheduling stays real.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    // A week before the first reminder (timers cannot wait longer than 24.8 days).
    vi.setSystemTime(new Date(2026, 1, 20, 15, 0));
    await scheduleReminders(record, Date.now());
    const alarms = (await fakeBrowser.alarms.getAll()).sort((a, b) => a.scheduledTime - b.scheduledTime);
    expect(alarms.map((a) => a.scheduledTime)).toEqual([reminderTime('2026-02-27'), reminderTime('2026-03-02'), reminderTime('2026-03-03')]);
    expect(new Date(alarms[0]!.scheduledTime)).toEqual(new Date(2026, 1, 27, 9, 0));

    // The fake browser keeps alarms but never fires them: fire each at its time on the fake clock, as the browser would.
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    vi.spyOn(permissionsApi(), 'contains').mockResolvedValue(true);
    const fired: string[] = [];
    fakeBrowser.alarms.onAlarm.addListener(async (alarm) => {
      if ((await onReminderAlarm(alarm, db)) === 'shown') fired.push(alarm.name);
    });
    const running: Promise<unknown>[] = [];
    for (const alarm of alarms) setTimeout(() => running.push(fakeBrowser.alarms.onAlarm.trigger(alarm)), alarm.scheduledTime - Date.now());

    await vi.advanceTimersByTimeAsync(reminderTime('2026-02-27') - Date.now() - 1);
    expect(running).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(running);
    expect(fired).toEqual([alarms[0]!.name]);
    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ type: 'basic', title: 'Your request to shop.test' });
    expect(shown[0]!.message).toMatch(/shop\.test must answer by 2 March 2026/);
  });

  it('shows nothing for a request already answered, and schedules none for it', async () => {
    const record = await saveRequest(db, input(), 1_000);
    const answered = await setRequestStatus(db, record.id, 'answered', '2026-02-10', 2_000);
    await scheduleReminders(answered, midnightOf('2026-02-10'));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await expect(onReminderAlarm({ name: `request:${record.id}|2026-02-27`, scheduledTime: 0 }, db)).resolves.toBe('notRunning');
    await expect(onReminderAlarm({ name: 'retention', scheduledTime: 0 }, db)).resolves.toBe('notOurs');
  });

  it('reschedules every running request after a browser start, dropping past days and deleted requests', async () => {
    const a = await saveRequest(db, input(), 1_000);
    const b = await saveRequest(db, input({ site: 'news.test' }), 1_000);
    await scheduleReminders(b, 0);
    await deleteRequest(db, b.id);
    await rescheduleAll(db, reminderTime('2026-03-02') + 1);
    expect((await fakeBrowser.alarms.getAll()).map((x) => x.name)).toEqual([`request:${a.id}|2026-03-03`]);
  });

  it('opens the request in the dashboard when its notification is clicked', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await onReminderClicked('request:abc');
    expect(created).toHaveBeenCalledWith({ url: expect.stringMatching(/dashboard\.html#\/requests\?open=abc$/) });
  });
});
