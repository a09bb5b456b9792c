import type { Alarms } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { RequestRecord } from '../../core/ledger/records';
import { createTranslator, resolveLocale, type Translate } from '../../core/i18n/translate';
import { isRunningStatus, reminderDays, type IsoDay } from '../../core/requests';
import { noonOf } from '../../core/ledger/days';
import { database, type LedgerDatabase } from '../db';
import { loadSettings } from '../settingsStorage';
import { notificationsAllowed } from './notifications';
import { midnightOf } from './store';

/**
 * Reminders before and at a request's deadline: one `browser.alarms` alarm per
 * reminder day (the engine's `reminderDays`: three days before, the day, the
 * day after), at 09:00 local time, and a notification when it fires. Clicking
 * the notification opens the request in the dashboard. `notifications` is an
 * optional permission: without it the alarm shows nothing and the reminder
 * stays where it always is, in the Requests page's list.
 */
export const ALARM_PREFIX = 'request:';
export const REMINDER_HOUR = 9;

const alarmName = (id: string, day: IsoDay) => `${ALARM_PREFIX}${id}|${day}`;
const parseAlarm = (name: string): { id: string; day: IsoDay } | null => {
  if (!name.startsWith(ALARM_PREFIX)) return null;
  const [id, day] = name.slice(ALARM_PREFIX.length).split('|');
  return id && day ? { id, day } : null;
};

/** 09:00 local time on a day. */
export const reminderTime = (day: IsoDay): number => midnightOf(day) + REMINDER_HOUR * 3_600_000;

export async function clearReminders(id: string): Promise<void> {
  const all = await browser.alarms.getAll();
  await Promise.all(all.filter((a) => parseAlarm(a.name)?.id === id).map((a) => browser.alarms.clear(a.name)));
}

/** Replaces the request's alarms with those still ahead of `now`; a request no longer waiting for an answer has none. */
export async function scheduleReminders(record: RequestRecord, now: number): Promise<void> {
  await clearReminders(record.id);
  if (!isRunningStatus(record.status) || !record.dueDate) return;
  for (const day of reminderDays(record.dueDate)) {
    const when = reminderTime(day);
    if (when > now) await browser.alarms.create(alarmName(record.id, day), { when });
  }
}

/** Recomputes every request's alarms (after install, update or browser start). */
export async function rescheduleAll(db: LedgerDatabase, now: number): Promise<void> {
  const all = await browser.alarms.getAll();
  await Promise.all(all.filter((a) => parseAlarm(a.name)).map((a) => browser.alarms.clear(a.name)));
  for (const record of await db.requests.toArray()) await scheduleReminders(record, now);
}

async function translator(): Promise<Translate> {
  const settings = await loadSettings();
  return createTranslator(resolveLocale(settings.language, browser.i18n.getUILanguage()));
}

/** The notification's words for a reminder day relative to the due day. */
export function reminderText(t: Translate, record: RequestRecord, day: IsoDay): { title: string; message: string } {
  const due = record.dueDate ?? day;
  const date = new Intl.DateTimeFormat(t.locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long' }).format(noonOf(due));
  const key = day < due ? 'requests.reminder.soon' : day === due ? 'requests.reminder.today' : 'requests.reminder.overdue';
  return { title: t('requests.reminder.title', { site: record.site }), message: t(key, { site: record.site, date }) };
}

/** What became of an alarm: not one of ours, its request no longer waits, shown, or kept to the dashboard for want of the permission. */
export type ReminderOutcome = 'notOurs' | 'notRunning' | 'shown' | 'notAllowed';

/** Shows the reminder for an alarm of ours, if its request is still waiting for an answer and notifications are allowed. Never throws for want of the permission. */
export async function onReminderAlarm(alarm: Alarms.Alarm, db: LedgerDatabase = database()): Promise<ReminderOutcome> {
  const parsed = parseAlarm(alarm.name);
  if (!parsed) return 'notOurs';
  const record = await db.requests.get(parsed.id);
  if (!record || !isRunningStatus(record.status)) return 'notRunning';
  const notifications = (browser as unknown as { notifications?: typeof browser.notifications }).notifications;
  if (!notifications || !(await notificationsAllowed())) {
    console.info(`Privacy Ledger: reminder for ${record.site} kept in the dashboard (notifications not allowed)`);
    return 'notAllowed';
  }
  const { title, message } = reminderText(await translator(), record, parsed.day);
  try {
    await notifications.create(`${ALARM_PREFIX}${record.id}`, {
      type: 'basic', iconUrl: browser.runtime.getURL('/icons/128.png'), title, message,
    });
  } catch (error) {
    // Withdrawn between the check and the call: the dashboard still lists the reminder.
    console.info('Privacy Ledger: reminder not shown', error);
    return 'notAllowed';
  }
  return 'shown';
}

/** Opens the request a notification speaks of. */
export async function onReminderClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(ALARM_PREFIX)) return;
  const id = notificationId.slice(ALARM_PREFIX.length);
  await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}#/requests?open=${encodeURIComponent(id)}` });
  await (browser as unknown as { notifications?: typeof browser.notifications }).notifications?.clear(notificationId).catch(() => undefined);
}

const onClicked = (id: string) => void onReminderClicked(id);

/** Listens for clicks on our notifications, once, when the browser gives the extension the API (it does only while the permission is granted). */
export function listenToReminderClicks(): void {
  const clicked = (browser as unknown as { notifications?: typeof browser.notifications }).notifications?.onClicked;
  if (clicked && !clicked.hasListener(onClicked)) clicked.addListener(onClicked);
}

/** Wires the listeners; call synchronously when the background starts. */
export function startReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => void onReminderAlarm(alarm).catch((e: unknown) => console.warn('Privacy Ledger: reminder failed', e)));
  listenToReminderClicks();
  // Granted later, from the Requests page: the API appears then.
  (browser as unknown as { permissions?: { onAdded?: { addListener: (cb: () => void) => void } } }).permissions?.onAdded?.addListener(listenToReminderClicks);
  const resync = () => void rescheduleAll(database(), Date.now()).catch((e: unknown) => console.warn('Privacy Ledger: reminders not rescheduled', e));
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
}
