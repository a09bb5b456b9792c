import type { PurposeChoices } from '../../consent/purposes';
import type { ConsentOutcome, ConsentRecord } from '../../consent/record';

/** The user's answer on a site, as the site received it: what was refused and when. */
export interface Refusal {
  /** When the answer started; the time of its `consent.answer` event. */
  at: number;
  /** The purposes as answered: false = refused. */
  choices: PurposeChoices;
}

/** Outcomes where the site was actually given the answer. Left alone, failed or unfinished answers told it nothing. */
const GIVEN: readonly ConsentOutcome[] = ['respected', 'notRespected', 'unverified'];

/**
 * The refusal a `consent.answer` event carries, or null when the site was not
 * given an answer (left alone, failed). An answer that refused nothing is
 * still returned: it is the latest word and replaces older refusals.
 */
export function refusalOf(answer: ConsentRecord, at: number): Refusal | null {
  if (!answer.intent || !GIVEN.includes(answer.outcome)) return null;
  return { at, choices: { ...answer.intent.purposes } };
}
