import { daysBetween } from './days';
import { regimeById, isRegimeId } from './regimes';
import type { IsoDay, PauseKind } from './types';

/** What a company may ask for first under a law, stopping the clock; none where the law has no such rule (or is unknown). */
export function pauseKindsOf(regime: string): PauseKind[] {
  return isRegimeId(regime) ? regimeById(regime).pauses.map((p) => p.kind) : [];
}

/** The provision that stops the clock under a law, null where none does. */
export function pauseCitationOf(regime: string): string | null {
  return isRegimeId(regime) ? (regimeById(regime).pauses[0]?.citation ?? null) : null;
}

/**
 * The clock once the user has sent what the company asked for on `since`, on
 * `on` (UK GDPR Art. 12A): identity details or a fee start the period again
 * from the day the company has them; for a clarification, the days between
 * the question and the answer do not count.
 */
export function afterReply(
  kind: PauseKind,
  since: IsoDay,
  on: IsoDay,
  clock: { pausedDays?: number; restartOn?: IsoDay | null },
): { pausedDays: number; restartOn: IsoDay | null } {
  const pausedDays = clock.pausedDays ?? 0;
  const restartOn = clock.restartOn ?? null;
  if (kind === 'clarification') return { pausedDays: pausedDays + Math.max(0, daysBetween(since, on)), restartOn };
  // A restart begins a whole new period: days paused before it no longer matter.
  return { pausedDays: 0, restartOn: restartOn && restartOn > on ? restartOn : on };
}
