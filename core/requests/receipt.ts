import { localIsoDay } from './days';
import type { ContactChannel, IsoDay } from './types';

/** The day a request was sent: as the user gave it, or (rows saved before that was kept) read from its local midnight. */
export function sentDay(record: { sentOn?: IsoDay | null; sentAt: number | null }): IsoDay | null {
  return record.sentOn ?? (record.sentAt === null ? null : localIsoDay(record.sentAt));
}

/** A request addressed to a postal address: it reaches the company days after it is posted. */
export const isByPost = (contact: { channel: ContactChannel | string } | null | undefined): boolean => contact?.channel === 'postal';

/**
 * The day the legal period starts: the company's receipt of the request.
 * An email or web form arrives the day it is sent. A letter arrives later, on
 * a day only the user can learn (tracking, a delivery receipt): until it is
 * given, the period has no start, and the request no due day.
 */
export function receiptDay(byPost: boolean, sentOn: IsoDay | null, receivedOn: IsoDay | null | undefined): IsoDay | null {
  if (!sentOn) return null;
  return byPost ? (receivedOn ?? null) : sentOn;
}

/**
 * The day the period runs from: the receipt, or a later day where the law
 * starts it again once the company has what it asked for (core/requests/pause.ts).
 */
export function periodStart(receipt: IsoDay | null, restartOn: IsoDay | null | undefined): IsoDay | null {
  if (!receipt) return null;
  return restartOn && restartOn > receipt ? restartOn : receipt;
}

/** What a stored request says about when it reached the company (core/ledger/records.ts RequestRecord). */
export interface ReceiptFacts {
  contact: { channel: string } | null;
  sentOn?: IsoDay | null;
  sentAt: number | null;
  receivedOn?: IsoDay | null;
  restartOn?: IsoDay | null;
}

/** `periodStart` of a stored request: sent, received, started again. */
export function periodStartOf(request: ReceiptFacts): IsoDay | null {
  return periodStart(receiptDay(isByPost(request.contact), sentDay(request), request.receivedOn), request.restartOn);
}
