import type { UnsureReason } from './heuristic/choose';
import type { ConsentIntent } from './intent';
import type { CmpSnapshot } from './cmps/types';
import type { StoredConsent, Verdict } from './verify';

/** How a banner was answered. */
export type AnswerMethod =
  | 'adapter' // our per-purpose adapter, through the CMP's own API
  | 'optOut' // autoconsent's reject path (rules or heuristic clicks)
  | 'optIn' // autoconsent's accept path
  | 'heuristic' // our own multilingual detector pressed a refusal on a banner no rule knows
  | 'none'; // left alone

/** The outcome shown to the user, one word. */
export type ConsentOutcome =
  | 'respected' // answered and the CMP stored exactly the choice
  | 'notRespected' // answered, but the CMP stored something else
  | 'unverified' // answered, but nothing readable proves what was stored
  | 'leftAlone' // the user asked us to leave this site's banners
  | 'failed' // we tried and could not answer in time
  | 'working';

/** One banner, from detection to verdict: the ledger event `consent.answer` and the popup card. */
export interface ConsentRecord {
  site: string;
  frameUrl: string;
  cmp: string;
  /** The name autoconsent detected the banner under (a rule, or HEURISTIC-…). */
  detectedBy?: string;
  /** The adapter that read (and maybe answered) the banner, if any. */
  adapterId: string | null;
  /** What the banner asked, as first read. */
  asked: CmpSnapshot | null;
  intent: ConsentIntent | null;
  method: AnswerMethod;
  /** True when the user's mix could not be expressed and the fallback setting answered. */
  fallback: boolean;
  /** Why it was left alone or failed, when it was. */
  /** `hiddenOnly`: autoconsent knew the banner only by a cosmetic rule, so it hid it and gave no answer. */
  reason: 'siteRuleOff' | 'askMe' | 'applyFailed' | 'timeout' | 'loopGuard' | 'noAcceptPath' | 'alreadyStored' | 'unsure' | 'hiddenOnly' | null;
  /** For `unsure`: why the unknown-banner heuristic pressed nothing. */
  unsure?: UnsureReason;
  /** Page repairs made after answering (a scroll lock undone). */
  repairs?: string[];
  stored: (StoredConsent & { otherOn: string[] }) | null;
  verdict: Verdict | null;
  outcome: ConsentOutcome;
  startedAt: number;
  durationMs: number | null;
}

/**
 * autoconsent's result for a banner it knew only by a cosmetic rule: hidden,
 * not answered. Nothing was pressed and nothing stored is ours, so it is
 * neither an answer nor something to verify.
 */
export function hiddenOnly(record: ConsentRecord): ConsentRecord {
  return { ...record, method: 'none', outcome: 'leftAlone', reason: 'hiddenOnly', stored: null, verdict: null };
}
