import type { RequestRecord } from '../../core/ledger/records';
import { database, type LedgerDatabase } from '../db';
import type { HandlerModule } from '../messaging/router';
import { clearReminders, scheduleReminders } from '../requests/reminders';
import { deleteRequest, pauseRequest, resumeRequest, saveRequest, setReceivedOn, setRequestStatus } from '../requests/store';

/** Makes a change to a stored request, then replaces its reminders with those the changed request has. */
async function withReminders(change: (db: LedgerDatabase, now: number) => Promise<RequestRecord>): Promise<RequestRecord> {
  const record = await change(database(), Date.now());
  await scheduleReminders(record, Date.now());
  return record;
}

/** The request tracker: every change reschedules the request's reminders. */
export const requestHandlers: HandlerModule = {
  extension: {
    'requests.save': ({ request }) => withReminders((db, now) => saveRequest(db, request, now)),
    'requests.setStatus': ({ id, status, on }) => withReminders((db, now) => setRequestStatus(db, id, status, on, now)),
    'requests.setReceived': ({ id, on }) => withReminders((db) => setReceivedOn(db, id, on)),
    'requests.pause': ({ id, kind, on }) => withReminders((db, now) => pauseRequest(db, id, kind, on, now)),
    'requests.resume': ({ id, on }) => withReminders((db, now) => resumeRequest(db, id, on, now)),
    'requests.delete': async ({ id }) => {
      await deleteRequest(database(), id);
      await clearReminders(id);
      return { deleted: true } as const;
    },
  },
};
