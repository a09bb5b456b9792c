import type { ConsentIntent } from '../intent';
import type { Purpose } from '../purposes';
import type { LabelPurpose } from '../labels/match';

/** One category of a banner, as the site names it, and what we make of it. */
export interface Category {
  id: string;
  label: string;
  /** Our purpose for it; null when its name says nothing we know. */
  purpose: LabelPurpose | null;
  /**
   * Every purpose of ours it serves, where that is more than one (TrustArc's
   * "Advertising" covers advertising, personalization and social): it is
   * allowed only when all of them are, and what it stores counts for each.
   * `purpose` is then the most sensitive of them, for showing.
   */
  covers?: Purpose[];
  required: boolean;
  /** Stored consent for it, or null before the user has answered. */
  consented: boolean | null;
}

/** What a CMP shows and holds at one moment, read from the page's main world. */
export interface CmpSnapshot {
  cmp: string;
  categories: Category[];
  vendorCount: number | null;
  /** Purposes or vendors the site claims under legitimate interest, still on. */
  legitimateInterestOn: string[];
  /** Whether the first layer of the banner offers a reject button. */
  firstLayerReject: boolean | null;
  /** True once the CMP holds an answer. */
  answered: boolean;
  /** The raw stored record (cookie or API answer), shown to the user as proof. */
  evidence: string;
}

/**
 * A per-CMP adapter. `read` and `apply` run in the page's main world through
 * `scripting.executeScript`, so each must be self-contained: no imports, no
 * closures, JSON in and out. `snapshot` and `plan` are pure and run in the
 * background.
 */
export interface CmpAdapter<Raw = unknown, Plan = unknown> {
  id: string;
  /** Display name. */
  name: string;
  /** autoconsent rule names this adapter answers for. */
  autoconsentNames: string[];
  /**
   * Where `read` and `apply` run: the frame that showed the banner (default),
   * or the top frame, for CMPs whose banner is a cross-origin iframe while
   * their API lives in the page (Sourcepoint, TrustArc).
   */
  runIn?: 'bannerFrame' | 'topFrame';
  /** May be async: executeScript awaits a returned promise. */
  read: () => Raw | null | Promise<Raw | null>;
  apply: (plan: Plan) => boolean | Promise<boolean>;
  snapshot: (raw: Raw) => CmpSnapshot;
  plan: (snapshot: CmpSnapshot, intent: ConsentIntent) => Plan;
}
