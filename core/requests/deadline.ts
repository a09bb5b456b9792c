import { addBusinessDays, addCalendarDays, addMonths, daysBetween, nextWorkingDay, parseIsoDay } from './days';
import { regimeById, requestTypeSpec } from './regimes';
import type { DeadlineOptions, DeadlineResult, Duration, IsoDay, RegimeId, RequestStatus, RequestType, TrackedRequest } from './types';

/**
 * The deadline engine. A period starts on the day the company received the
 * request; that day itself never counts (Regulation 1182/71 Art. 3(1); Cal.
 * Civ. Code §10). Month periods end on the same date, or the month's last day
 * when there is no such date; a last day on a Saturday, Sunday or listed
 * holiday moves to the next working day where the rule says so. Paused days
 * (where the regime has a pause) are added before that move.
 */

function addPeriod(start: IsoDay, period: Duration, holidays: ReadonlySet<IsoDay>): IsoDay {
  switch (period.unit) {
    case 'months':
      return addMonths(start, period.amount);
    case 'calendarDays':
      return addCalendarDays(start, period.amount);
    case 'businessDays':
      return addBusinessDays(start, period.amount, holidays);
  }
}

function describe(period: Duration): string {
  const unit = { months: 'month', calendarDays: 'calendar day', businessDays: 'business day' }[period.unit];
  return `${period.amount} ${unit}${period.amount === 1 ? '' : 's'}`;
}

/** The last day of a period of `period` from `start`, with pause and roll-forward. */
function lastDay(start: IsoDay, period: Duration, pausedDays: number, rollForward: boolean, holidays: ReadonlySet<IsoDay>): IsoDay {
  const end = addCalendarDays(addPeriod(start, period, holidays), pausedDays);
  return rollForward && period.unit !== 'businessDays' ? nextWorkingDay(end, holidays) : end;
}

export function computeDeadline(regime: RegimeId, type: RequestType, receivedOn: IsoDay, opts: DeadlineOptions = {}): DeadlineResult {
  parseIsoDay(receivedOn);
  const spec = requestTypeSpec(regime, type);
  const rule = spec.deadline;
  const holidays = new Set(opts.holidays ?? []);
  for (const h of holidays) parseIsoDay(h);
  const requestedPause = Math.max(0, Math.floor(opts.pausedDays ?? 0));
  const pauseAllowed = regimeById(regime).pauses.length > 0;
  const paused = pauseAllowed ? requestedPause : 0;

  const normalDue = lastDay(receivedOn, rule, paused, rule.rollForward, holidays);
  let extendedDueDate: IsoDay | null = null;
  if (spec.extension) {
    // An extension lengthens the whole period: one month + two further months is three months from receipt.
    const total: Duration =
      spec.extension.unit === rule.unit ? { amount: rule.amount + spec.extension.amount, unit: rule.unit } : rule;
    const base = lastDay(receivedOn, total, paused, false, holidays);
    const end = spec.extension.unit === rule.unit ? base : addPeriod(base, spec.extension, holidays);
    extendedDueDate = rule.rollForward ? nextWorkingDay(end, holidays) : end;
  }
  const extended = Boolean(opts.extended) && extendedDueDate !== null;
  const acknowledgeBy = spec.acknowledgement ? addPeriod(receivedOn, spec.acknowledgement.within, holidays) : null;
  const notice = spec.extension?.noticeWithin ?? null;
  const extensionNoticeBy = notice ? lastDay(receivedOn, notice, paused, rule.rollForward, holidays) : null;

  const parts = [`${describe(rule)} from receipt on ${receivedOn}`];
  if (paused) parts.push(`plus ${paused} paused day${paused === 1 ? '' : 's'}`);
  if (requestedPause && !pauseAllowed) parts.push('(this law has no pause: paused days not counted)');
  if (extended && spec.extension) parts.push(`extended by ${describe(spec.extension)}`);
  if (rule.rollForward) parts.push('moved to the next working day if it ends on a weekend or holiday');
  if (!rule.statutory) parts.push('(no statutory period: a day to follow up)');

  return {
    dueDate: extended && extendedDueDate ? extendedDueDate : normalDue,
    extendedDueDate,
    acknowledgeBy,
    extensionNoticeBy,
    basis: parts.join(', '),
    citation: extended && spec.extension ? spec.extension.citation : rule.citation,
    statutory: rule.statutory,
    confirmed: rule.confirmed && (!extended || Boolean(spec.extension?.confirmed)),
  };
}

/** Statuses in which the company still owes an answer, so the clock runs and reminders stand (not while it is paused). */
export const RUNNING_STATUSES: readonly RequestStatus[] = ['sent', 'acknowledged', 'extended', 'overdue'];

/** Whether a stored status (any string) is one of RUNNING_STATUSES. */
export const isRunningStatus = (status: string): boolean => (RUNNING_STATUSES as readonly string[]).includes(status);

/** The due day of a tracked request, or null for a draft. */
export function dueDateOf(request: TrackedRequest, holidays: IsoDay[] = []): IsoDay | null {
  if (!request.sentAt) return null;
  return computeDeadline(request.regime, request.type, request.sentAt, {
    extended: request.extended || request.status === 'extended',
    pausedDays: request.pausedDays ?? 0,
    holidays,
  }).dueDate;
}

/**
 * The status to show on `today`: a request still waiting for an answer after
 * its due day is overdue; every other status stands as stored.
 */
export function statusAt(request: TrackedRequest, today: IsoDay): RequestStatus {
  if (!RUNNING_STATUSES.includes(request.status)) return request.status;
  const due = request.dueDate ?? dueDateOf(request);
  if (!due) return request.status;
  return daysBetween(due, today) > 0 ? 'overdue' : request.status === 'overdue' ? 'sent' : request.status;
}

/** Days to remind on: three days before, on the due day, and the day after. */
export function reminderDays(dueDate: IsoDay): IsoDay[] {
  return [addCalendarDays(dueDate, -3), dueDate, addCalendarDays(dueDate, 1)];
}
