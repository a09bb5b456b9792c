import { KnownFailure } from '../../core/messaging/failures';
import type { RequestInput } from '../../core/messaging/protocol';
import { noonOf, startOfDay } from '../../core/ledger/days';
import type { RequestSentData } from '../../core/ledger/eventData';
import type { RequestRecord } from '../../core/ledger/records';
import {
  afterReply, computeDeadline, isByPost, isRunningStatus as isRunning, localIsoDay, pauseKindsOf, periodStartOf, sentDay,
  type IsoDay, type PauseKind, type ReceiptFacts, type RegimeId, type RequestStatus, type RequestType,
} from '../../core/requests';
import type { LedgerDatabase } from '../db';

/**
 * The tracker's rows in the `requests` table. Only the background writes them
 * (through `requests.*` messages); the dashboard reads them live.
 */


/** Local midnight at the start of an ISO day. */
export const midnightOf = (day: IsoDay): number => startOfDay(noonOf(day));

type Clock = ReceiptFacts & Pick<RequestRecord, 'regime' | 'type' | 'pausedDays'>;

/**
 * The due days counted from the start of the period (core/requests/receipt.ts: the company's receipt,
 * or the day the law started it again), plus the days the clock stood still: none yet for a letter
 * whose day of receipt is not known. `extended`: the company extended, so the extended day is due.
 */
function deadlineFields(record: Clock, extended: boolean) {
  const start = periodStartOf(record);
  if (!start) return { dueDate: null, extendedDueDate: null, dueAt: null };
  const deadline = computeDeadline(record.regime as RegimeId, record.type as RequestType, start, { pausedDays: record.pausedDays ?? 0, extended });
  return { dueDate: deadline.dueDate, extendedDueDate: deadline.extendedDueDate, dueAt: midnightOf(deadline.dueDate) };
}

/** The stored request, or the failure the user is told when it is gone (erased in another window). */
async function storedRequest(db: LedgerDatabase, id: string): Promise<RequestRecord> {
  const record = await db.requests.get(id);
  if (!record) throw new KnownFailure('requestMissing', `No request ${id}`);
  return record;
}

/** A day of receipt must be a day the letter was already posted. */
function checkReceipt(sentOn: IsoDay, receivedOn: IsoDay): void {
  if (receivedOn < sentOn) throw new KnownFailure('receivedBeforeSent', `Received ${receivedOn}, before it was sent on ${sentOn}.`);
}

/**
 * A step the user dates must have happened: a day past tomorrow by the clock here (the page may be a
 * time zone ahead) has not. Read from the clock, not from the `now` that stamps the history.
 */
function checkPast(day: IsoDay): void {
  if (day > localIsoDay(Date.now() + 86_400_000)) throw new KnownFailure('dayInFuture', `${day} has not come yet.`);
}

/** Where a request stopped the clock may go: it can only end, or run again with requests.resume. */
const FROM_PAUSED: readonly RequestStatus[] = ['answered', 'closed'];

/** The `request.sent` ledger event of a request that just went out. */
async function logSent(db: LedgerDatabase, record: RequestRecord, sentOn: IsoDay, now: number): Promise<void> {
  const data: RequestSentData = {
    id: record.id, regime: record.regime, type: record.type, channel: record.channel, to: record.contact?.value ?? null, sentOn, dueDate: record.dueDate,
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
    const receivedOn = input.sentOn && isByPost(input.contact) ? (input.receivedOn ?? null) : null;
    if (input.sentOn) checkPast(input.sentOn);
    if (input.sentOn && receivedOn) {
      checkPast(receivedOn);
      checkReceipt(input.sentOn, receivedOn);
    }
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
      receivedOn,
      dueAt: null,
      language: input.language,
      channel: input.channel,
      contact: input.contact,
      subject: input.subject,
      body: input.body,
      dueDate: null,
      extendedDueDate: null,
      history: [...(existing?.history ?? []), { status, at: now }],
      ...(input.sentOn ? deadlineFields({ ...input, sentAt: null, receivedOn }, false) : {}),
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
    const record = await storedRequest(db, id);
    if (record.status === 'draft' && status !== 'sent') throw new KnownFailure('requestNotSent', 'Send the request before tracking its answer.');
    // The clock is stopped and started with requests.pause and requests.resume.
    if (status === 'paused' || (record.status === 'paused' && !FROM_PAUSED.includes(status))) {
      throw new KnownFailure('badTransition', `A request cannot go from ${record.status} to ${status} this way.`);
    }
    const next: RequestRecord = { ...record, status, pause: null, history: [...record.history, { status, at: now }] };
    if (status === 'sent') {
      // A day of receipt before the corrected day of posting no longer holds.
      const receivedOn = record.receivedOn && record.receivedOn >= on ? record.receivedOn : null;
      Object.assign(next, { sentAt: midnightOf(on), sentOn: on, receivedOn, ...deadlineFields({ ...record, sentOn: on, receivedOn }, false) });
    }
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

/**
 * Gives (or corrects) the day a request by post reached the company: its due
 * days are counted again from it, an extension already granted kept.
 */
export async function setReceivedOn(db: LedgerDatabase, id: string, on: IsoDay): Promise<RequestRecord> {
  return db.transaction('rw', db.requests, async () => {
    const record = await storedRequest(db, id);
    if (!isByPost(record.contact)) throw new KnownFailure('notByPost', 'Only a letter by post has a day of receipt apart from the day it was sent.');
    const sentOn = sentDay(record);
    if (!sentOn) throw new KnownFailure('requestNotSent', 'Send the request before giving the day it arrived.');
    if (!isRunning(record.status)) throw new KnownFailure('requestNotRunning', `A ${record.status} request no longer counts a deadline.`);
    checkPast(on);
    checkReceipt(sentOn, on);
    const next: RequestRecord = { ...record, receivedOn: on, ...deadlineFields({ ...record, receivedOn: on }, record.status === 'extended') };
    await db.requests.put(next);
    return next;
  });
}

/**
 * The company asked, on `on`, for something first (identity details, a
 * clarification, a fee): where the request's law says so, the clock stops
 * until the user has sent it (`resumeRequest`). Meanwhile there is no due day
 * and no reminder.
 */
export async function pauseRequest(db: LedgerDatabase, id: string, kind: PauseKind, on: IsoDay, now: number): Promise<RequestRecord> {
  return db.transaction('rw', db.requests, async () => {
    const record = await storedRequest(db, id);
    if (!pauseKindsOf(record.regime).includes(kind)) throw new KnownFailure('noPause', `The ${record.regime} does not stop the clock for ${kind}.`);
    if (!isRunning(record.status)) throw new KnownFailure(record.status === 'draft' ? 'requestNotSent' : 'requestNotRunning', `A ${record.status} request cannot be paused.`);
    const start = periodStartOf(record);
    if (!start) throw new KnownFailure('deliveryDayFirst', 'The period of a letter by post starts on its delivery day, not given yet.');
    checkPast(on);
    if (on < start) throw new KnownFailure('dayOutOfOrder', `Asked on ${on}, before the period started on ${start}.`);
    const next: RequestRecord = {
      ...record,
      status: 'paused',
      pause: { kind, since: on, from: record.status === 'overdue' ? 'sent' : record.status },
      dueDate: null, extendedDueDate: null, dueAt: null,
      history: [...record.history, { status: 'paused', at: now }],
    };
    await db.requests.put(next);
    return next;
  });
}

/** The user sent what the company asked for on `on`: the clock runs again, counted as the law says (core/requests/pause.ts). */
export async function resumeRequest(db: LedgerDatabase, id: string, on: IsoDay, now: number): Promise<RequestRecord> {
  return db.transaction('rw', db.requests, async () => {
    const record = await storedRequest(db, id);
    if (record.status !== 'paused' || !record.pause) throw new KnownFailure('notPaused', `Request ${id} is not paused.`);
    const { kind, since, from } = record.pause;
    checkPast(on);
    if (on < since) throw new KnownFailure('dayOutOfOrder', `Answered on ${on}, before the company asked on ${since}.`);
    const clock = afterReply(kind as PauseKind, since, on, record);
    const status = (isRunning(from) ? from : 'sent') as RequestStatus;
    const resumed = { ...record, ...clock };
    const next: RequestRecord = {
      ...resumed,
      status,
      pause: null,
      ...deadlineFields(resumed, status === 'extended'),
      history: [...record.history, { status, at: now }],
    };
    await db.requests.put(next);
    return next;
  });
}

export async function deleteRequest(db: LedgerDatabase, id: string): Promise<void> {
  await db.requests.delete(id);
}
