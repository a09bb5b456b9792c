import { database } from '../db';
import type { HandlerModule } from '../messaging/router';
import { clearReminders, scheduleReminders } from '../requests/reminders';
import { deleteRequest, pauseRequest, resumeRequest, saveRequest, setReceivedOn, setRequestStatus } from '../requests/store';

/** The request tracker: every change reschedules the request's reminders. */
export const requestHandlers: HandlerModule = {
  extension: {
    'requests.save': async ({ request }) => {
      const record = await saveRequest(database(), request, Date.now());
      await scheduleReminders(record, Date.now());
      return record;
    },
    'requests.setStatus': async ({ id, status, on }) => {
      const record = await setRequestStatus(database(), id, status, on, Date.now());
      await scheduleReminders(record, Date.now());
      return record;
    },
    'requests.setReceived': async ({ id, on }) => {
      const record = await setReceivedOn(database(), id, on);
      await scheduleReminders(record, Date.now());
      return record;
    },
    'requests.pause': async ({ id, kind, on }) => {
      const record = await pauseRequest(database(), id, kind, on, Date.now());
      await scheduleReminders(record, Date.now());
      return record;
    },
    'requests.resume': async ({ id, on }) => {
      const record = await resumeRequest(database(), id, on, Date.now());
      await scheduleReminders(record, Date.now());
      return record;
    },
    'requests.delete': async ({ id }) => {
      await deleteRequest(database(), id);
      await clearReminders(id);
      return { deleted: true } as const;
    },
  },
};
