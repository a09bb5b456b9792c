import { allows } from './categories';
import mapping from './cookiebot.json';
import { purposeOfKnownId, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * Cookiebot (Usercentrics group): four fixed categories, read from
 * `Cookiebot.consent.{necessary,preferences,statistics,marketing}`; stored in
 * the `CookieConsent` cookie (`{stamp:'…',necessary:true,preferences:false,…}`).
 */
export interface CookiebotRaw {
  /** Every boolean of `Cookiebot.consent`, in its order. */
  consent: { id: string; on: boolean }[];
  hasResponse: boolean;
  /** The `CookieConsent=…` cookie as the page sees it. */
  cookie: string | null;
  hasDecline: boolean;
}
/** The three choices `submitCustomConsent` takes, by category key. */
export type CookiebotPlan = Record<string, boolean>;

function readCookiebot(): CookiebotRaw | null {
  const cb = (window as unknown as { Cookiebot?: any }).Cookiebot;
  if (!cb || typeof cb.consent !== 'object' || cb.consent === null) return null;
  return {
    // `method` and `stamp` share the object; only the booleans are categories.
    consent: Object.entries(cb.consent as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'boolean')
      .map(([id, v]) => ({ id, on: v === true })),
    hasResponse: Boolean(cb.hasResponse),
    cookie: document.cookie.split('; ').find((c) => c.startsWith('CookieConsent=')) ?? null,
    hasDecline:
      document.querySelector('#CybotCookiebotDialog #CybotCookiebotDialogBodyButtonDecline, #CybotCookiebotDialog #CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll') !== null,
  };
}

/** One call stores all three choices (documented on Cookiebot's developer page); then the dialog is closed if it is still up. */
function applyCookiebot(plan: Record<string, boolean>): boolean {
  const cb = (window as unknown as { Cookiebot?: any }).Cookiebot;
  if (!cb || typeof cb.submitCustomConsent !== 'function') return false;
  cb.submitCustomConsent(plan.preferences === true, plan.statistics === true, plan.marketing === true);
  if (cb.dialog?.visible && typeof cb.hide === 'function') cb.hide();
  return true;
}

const KNOWN: Record<string, string> = mapping.categories;

/** The purpose of a category: Cookiebot's fixed keys from the data file, else what its name says. */
export function purposeOfCategory(id: string): LabelPurpose | null {
  return purposeOfKnownId(KNOWN, id, id);
}

export const cookiebot: CmpAdapter<CookiebotRaw, CookiebotPlan> = {
  id: 'cookiebot',
  name: 'Cookiebot',
  autoconsentNames: ['Cybotcookiebot'],
  read: readCookiebot,
  apply: applyCookiebot,
  snapshot: (raw) => ({
    cmp: 'Cookiebot',
    categories: raw.consent.map((c) => {
      const purpose = purposeOfCategory(c.id);
      return { id: c.id, label: c.id, purpose, required: purpose === 'necessary', consented: raw.hasResponse ? c.on : null };
    }),
    vendorCount: null,
    legitimateInterestOn: [],
    firstLayerReject: raw.hasDecline,
    answered: raw.hasResponse,
    evidence: raw.cookie ?? `Cookiebot.consent ${JSON.stringify(Object.fromEntries(raw.consent.map((c) => [c.id, c.on])))}`,
  }),
  plan: (snapshot, intent) => Object.fromEntries(snapshot.categories.filter((c) => !c.required).map((c) => [c.id, allows(intent, c)])),
};
