import { create } from 'zustand';
import type { Locale } from '../core/i18n/translate';
import type { RequestRecord } from '../core/ledger/records';
import type { RequestInput } from '../core/messaging/protocol';
import {
  authorityFor, buildIcs, isByPost, isRunningStatus, localIsoDay, pauseCitationOf, pauseKindsOf, periodStartOf, sentDay, regimeById, reminderDays,
  renderFollowUp, replyChecklist, statusAt, uiCitation,
  type FollowUpKind, type IsoDay, type LetterLanguage, type PauseKind, type RegimeId, type RequestStatus, type RequestType, type UiText,
} from '../core/requests';
import type { Identity } from '../core/settings/schema';
import { downloadText } from '../platform/download';
import { send } from '../platform/messaging/client';

/** Running requests are tracked against their due day, counted from the company's receipt; the rest keep their status. */
export function effectiveStatus(record: RequestRecord, today: IsoDay): RequestStatus {
  return statusAt(
    {
      regime: record.regime as RegimeId, type: record.type as RequestType, status: record.status as RequestStatus,
      sentAt: periodStartOf(record), pausedDays: record.pausedDays ?? 0, dueDate: record.dueDate,
    },
    today,
  );
}

/** The reminder days still ahead (today included) of a request waiting for an answer: the days the background's alarms fire. */
export function upcomingReminders(record: RequestRecord, status: RequestStatus, today: IsoDay): IsoDay[] {
  if (!isRunningStatus(status) || !record.dueDate) return [];
  return reminderDays(record.dueDate).filter((day) => day >= today);
}

/** A letter by post still waiting for an answer: the day it arrived (given or not), and the days it may be given as. */
export interface DeliveryRow {
  on: IsoDay | null;
  min: IsoDay | null;
  max: IsoDay;
}

/**
 * A request under a law that lets the company stop the clock (UK GDPR Art. 12A): what it may ask for,
 * since when the clock stands if it does, the days the next step may be dated, and the provision.
 */
export interface ClockRow {
  kinds: PauseKind[];
  stoppedSince: IsoDay | null;
  min: IsoDay;
  max: IsoDay;
  citation: UiText;
}

function clockRow(record: RequestRecord, status: RequestStatus, today: IsoDay): ClockRow | null {
  const kinds = pauseKindsOf(record.regime);
  const citation = pauseCitationOf(record.regime);
  if (!kinds.length || !citation) return null;
  if (status === 'paused' && record.pause) return { kinds, stoppedSince: record.pause.since, min: record.pause.since, max: today, citation: uiCitation(citation) };
  const start = periodStartOf(record);
  return isRunningStatus(status) && start ? { kinds, stoppedSince: null, min: start, max: today, citation: uiCitation(citation) } : null;
}

/** The tracker's order: overdue first, then by due day (soonest first), drafts and requests without one last. */
export function trackerRows(records: RequestRecord[], today: IsoDay): {
  record: RequestRecord; status: RequestStatus; sent: IsoDay | null; delivery: DeliveryRow | null; clock: ClockRow | null; reminders: IsoDay[];
}[] {
  return records
    .map((record) => {
      const status = effectiveStatus(record, today);
      const sent = sentDay(record);
      const delivery = sent && isByPost(record.contact) && isRunningStatus(status) ? { on: record.receivedOn ?? null, min: sent, max: today } : null;
      return { record, status, sent, delivery, clock: clockRow(record, status, today), reminders: upcomingReminders(record, status, today) };
    })
    .sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue')
      || (a.record.dueDate ?? '9999').localeCompare(b.record.dueDate ?? '9999')
      || b.record.createdAt - a.record.createdAt);
}

export const regimeName = (id: string): string => {
  try {
    return regimeById(id as RegimeId).name;
  } catch {
    return id;
  }
};

/** A reminder or complaint letter, or the reply checklist, for a stored request. */
export function followUpView(record: RequestRecord, kind: FollowUpKind | 'checklist', identity: Identity | null) {
  const regime = record.regime as RegimeId;
  const type = record.type as RequestType;
  const checklist = kind === 'checklist' ? replyChecklist(regime, type) : [];
  const authority = kind === 'complaint' ? authorityFor(regime, identity?.country || null) : null;
  let letter = null;
  let error: string | null = null;
  if (kind !== 'checklist') {
    try {
      letter = renderFollowUp(kind, {
        regime, type, language: record.language as LetterLanguage,
        company: { name: record.company || record.site, site: record.site, contact: record.contact?.value ?? null },
        identity: { name: identity?.name ?? '', email: identity?.email || null, postalAddress: null, accountIds: [] },
        facts: { asked: { purposes: [], vendors: [], formFields: [], permissions: [] }, refused: { purposes: [], at: null }, cookiesDespiteRefusal: [], storedConsent: null, thirdParties: [], policy: null },
        today: localIsoDay(Date.now()),
        original: { sentAt: sentDay(record) ?? localIsoDay(record.createdAt), dueDate: record.dueDate ?? localIsoDay(Date.now()), channel: record.channel },
        authority,
      });
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
  }
  return { record, kind, letter, error, authority, checklist };
}

interface RequestActions {
  save: (input: RequestInput) => Promise<RequestRecord>;
  setStatus: (id: string, status: RequestStatus) => Promise<void>;
  /** The day a request by post reached the company. */
  setReceived: (id: string, on: IsoDay) => Promise<void>;
  /** The company asked for something first, on a day. */
  pause: (id: string, kind: PauseKind, on: IsoDay) => Promise<void>;
  /** The user sent what it asked for, on a day. */
  resume: (id: string, on: IsoDay) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** Saves the due days of running requests as an .ics calendar. */
  exportIcs: (records: RequestRecord[], locale: Locale) => void;
}

export const useRequestsStore = create<RequestActions>(() => ({
  save: (input) => send('requests.save', { request: input }),
  setStatus: async (id, status) => void (await send('requests.setStatus', { id, status, on: localIsoDay(Date.now()) })),
  setReceived: async (id, on) => void (await send('requests.setReceived', { id, on })),
  pause: async (id, kind, on) => void (await send('requests.pause', { id, kind, on })),
  resume: async (id, on) => void (await send('requests.resume', { id, on })),
  remove: async (id) => void (await send('requests.delete', { id })),
  exportIcs: (records, locale) => {
    const today = localIsoDay(Date.now());
    const entries = records
      .filter((r) => r.dueDate && isRunningStatus(effectiveStatus(r, today)))
      .map((r) => ({
        id: r.id,
        summary: locale === 'vi' ? `Hạn trả lời: ${r.site}` : `Answer due: ${r.site}`,
        description: `${regimeName(r.regime)} · ${r.type}${r.contact ? ` · ${r.contact.value}` : ''}`,
        dueDate: r.dueDate!,
        alarmDaysBefore: [3, 0],
      }));
    downloadText(`privacy-ledger-requests-${today}.ics`, buildIcs(entries, Date.now()), 'text/calendar');
  },
}));
