import { KnownFailure } from '../../core/messaging/failures';
import type { RequestInput } from '../../core/messaging/protocol';
import { noonOf, startOfDay } from '../../core/ledger/days';
import type { RequestSentData } from '../../core/ledger/eventData';
import type { RequestRecord } from '../../core/ledger/records';
import { computeDeadline, type IsoDay, type RegimeId, type RequestStatus, type RequestType } from '../../core/requests';
import type { LedgerDatabase } from '../db';

/**
 * The tracker's rows in the `requests` table. Only the background writes them
 * (through `requests.*` messages); the dashboard reads them live.
 */


/** Local midnight at the start of an ISO day. */
export const midnightOf = (day: IsoDay): number => startOfDay(noonOf(day));

/** Statuses in which the company still owes an answer, so the clock runs and reminders stand. */
export const RUNNING_STATUSES: readonly string[] = ['sent', 'acknowledged', 'extended', 'overdue'];

function deadlineFields(regime: string, type: string, sentOn: IsoDay, extended: boolean) {
  const deadline = computeDeadline(regime as RegimeId, type as RequestType, sentOn, { extended });
  return { dueDate: deadline.dueDate, extendedDueDate: deadline.extendedDueDate, dueAt: midnightOf(deadline.dueDate) };
}

/** The `request.sent` ledger event of a request that just went out. */
async function logSent(db: LedgerDatabase, record: RequestRecord, sentOn: IsoDay, now: number): Promise<void> {
  const data: RequestSentData = {
    id: record.id, regime: record.regime, type: record.type, channel: record.channel, to: record.contact?.value ?? null, sentOn, dueDate: record.dueDate!,
  };
  await db.events.add({ site: record.site, at: now, kind: 'request.sent', data });
}

/** Stores a draft, or a sent request with its due day; a sent request also gets its `request.sent` event. */
export async function saveRequest(db: LedgerDatabase, input: RequestInput, now: number): Promise<RequestRecord> {
  return db.transaction('rw', db.requests, db.events, async () => {
    const existing = input.id ? await db.requests.get(input.id) : undefined;
    if (input.id && !existing) throw new KnownFailure('requestMissing', `No request ${input.id}`);
    if (existing && existing.status !== 'draft') throw new KnownFailure('requestAlreadySent', 'Only a draft can be rewritten; this request was already sent.');
    const status: RequestStatus = input.sentOn ? 'sent' : 'draft';
    const record: RequestRecord = {
      id: existing?.id ?? crypto.randomUUID(),
      site: input.site,
      company: input.company?.trim() || null,
      regime: input.regime,
      type: input.type,
      status,
      createdAt: existing?.createdAt ?? now,
      sentAt: input.sentOn ? midnightOf(input.sentOn) : null,
      sentOn: input.sentOn,
      dueAt: null,
      language: input.language,
      channel: input.channel,
      contact: input.contact,
      subject: input.subject,
      body: input.body,
      dueDate: null,
      extendedDueDate: null,
      history: [...(existing?.history ?? []), { status, at: now }],
      ...(input.sentOn ? deadlineFields(input.regime, input.type, input.sentOn, false) : {}),
    };
    await db.requests.put(record);
    if (input.sentOn) await logSent(db, record, input.sentOn, now);
    return record;
  });
}

/**
 * Moves a request on. `sent` on a sent request corrects the day it was sent
 * (and so its due day); `extended` moves the due day to the extended one.
 */
export async function setRequestStatus(db: LedgerDatabase, id: string, status: RequestStatus, on: IsoDay, now: number): Promise<RequestRecord> {
  return db.transaction('rw', db.requests, db.events, async () => {
    const record = await db.requests.get(id);
    if (!record) throw new KnownFailure('requestMissing', `No request ${id}`);
    if (record.status === 'draft' && status !== 'sent') throw new KnownFailure('requestNotSent', 'Send the request before tracking its answer.');
    const next: RequestRecord = { ...record, status, history: [...record.history, { status, at: now }] };
    if (status === 'sent') Object.assign(next, { sentAt: midnightOf(on), sentOn: on, ...deadlineFields(record.regime, record.type, on, false) });
    if (status === 'extended') {
      if (!record.extendedDueDate) throw new KnownFailure('noExtension', 'The law gives this request no extension.');
      Object.assign(next, { dueDate: record.extendedDueDate, dueAt: midnightOf(record.extendedDueDate) });
    }
    await db.requests.put(next);
    // A draft the user sent by other means: it goes out now, and the ledger says so (a corrected day does not log twice).
    if (status === 'sent' && record.status === 'draft') await logSent(db, next, on, now);
    return next;
  });
}

export async function deleteRequest(db: LedgerDatabase, id: string): Promise<void> {
  await db.requests.delete(id);
}
