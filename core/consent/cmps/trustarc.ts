import { allows, coveredPurposes, expressible, strictestPurpose } from './categories';
import table from './trustarc.json';
import type { LabelPurpose } from '../labels/match';
import type { Category, CmpAdapter } from './types';

/**
 * TrustArc (TRUSTe): the bar `#truste-consent-track` in the top page, numbered
 * consent levels (trustarc.json), state in the cookies cmapi_cookie_privacy
 * ('permit 1,2,3') and notice_gdpr_prefs ('0,1,2:'), and
 * `PrivacyManagerAPI.callApi('getGDPRConsentDecision', host).consentDecision`
 * (0 no decision, 1 required, 2 + functional, 3 + advertising).
 */
export interface TrustArcRaw {
  decision: number | null;
  /** cmapi_cookie_privacy, as stored. */
  permit: string | null;
  /** notice_gdpr_prefs, as stored. */
  gdprPrefs: string | null;
  hasRequiredOnly: boolean;
}
export interface TrustArcPlan {
  /** Category numbers to permit, 1 (required) included. */
  permit: number[];
  all: boolean;
}

/** Main world of the top frame; self-contained (serialised by source). */
function readTrustArc(): TrustArcRaw | null {
  const w = window as any;
  const api = w.PrivacyManagerAPI;
  if (!api && !w.truste && !document.querySelector('#truste-consent-track')) return null;
  let decision: number | null = null;
  try {
    const answer = api?.callApi?.('getGDPRConsentDecision', location.hostname)?.consentDecision;
    // A level; some deployments are said to answer a list of levels (⚠), of which the highest counts.
    if (typeof answer === 'number') decision = answer;
    else if (Array.isArray(answer) && answer.length) decision = Math.max(...answer.map(Number));
  } catch {
    // No API answer: the cookies are still there to read.
  }
  const cookie = (name: string) => {
    const entry = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
    return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
  };
  return {
    decision,
    permit: cookie('cmapi_cookie_privacy'),
    gdprPrefs: cookie('notice_gdpr_prefs'),
    hasRequiredOnly: document.querySelector('#truste-consent-required') !== null,
  };
}

/**
 * Main world of the top frame; self-contained. All or nothing goes through
 * TrustArc's own bar buttons; a mix through `truste.eu.actmessage`, the
 * handler its preference manager posts `submit_preferences` to (⚠), with
 * notice_gdpr_prefs numbering (one lower than cmapi's).
 */
function applyTrustArc(plan: TrustArcPlan | null): boolean {
  if (!plan) return false;
  const w = window as any;
  const click = (selector: string) => {
    const el = document.querySelector<HTMLElement>(selector);
    el?.click();
    return el !== null;
  };
  const requiredOnly = plan.permit.every((n) => n === 1);
  let done = false;
  if (plan.all) done = click('#truste-consent-button');
  else if (requiredOnly) done = click('#truste-consent-required');
  if (!done && typeof w.truste?.eu?.actmessage === 'function') {
    w.truste.eu.actmessage({ source: 'preference_manager', message: 'submit_preferences', data: { value: plan.permit.map((n) => n - 1).join(',') } });
    done = true;
  }
  if (!done) return false;
  // The bar hides itself on an answer; make sure, in case a deployment only hides it on its own clicks.
  document.querySelectorAll<HTMLElement>('#truste-consent-track, .truste_box_overlay').forEach((el) => (el.style.display = 'none'));
  return true;
}

const CATEGORIES = Object.entries(table.categories).map(([n, c]) => ({
  n: Number(n),
  label: c.label,
  purpose: strictestPurpose(c.purposes as LabelPurpose[]),
  covers: coveredPurposes(c.purposes as LabelPurpose[]),
}));

/** The permitted levels, from the most precise record there is. */
export function permittedOf(raw: TrustArcRaw): number[] | null {
  const permit = /permit\s+([\d,\s]+)/.exec(raw.permit ?? '');
  if (permit) return permit[1]!.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  const prefs = /^([\d,\s]+):?/.exec(raw.gdprPrefs ?? '');
  if (prefs) return prefs[1]!.split(',').filter((s) => s.trim() !== '').map((s) => Number(s) + 1);
  if (raw.decision && raw.decision > 0) return CATEGORIES.map((c) => c.n).filter((n) => n <= raw.decision!);
  return null;
}

export const trustarc: CmpAdapter<TrustArcRaw, TrustArcPlan | null> = {
  id: 'trustarc',
  name: 'TrustArc',
  autoconsentNames: ['TrustArc-top'],
  runIn: 'topFrame',
  read: readTrustArc,
  apply: applyTrustArc,
  snapshot: (raw) => {
    const permitted = permittedOf(raw);
    const categories: Category[] = CATEGORIES.map((c) => ({
      id: String(c.n),
      label: c.label,
      purpose: c.purpose,
      ...(c.covers ? { covers: c.covers } : {}),
      required: c.n === 1,
      consented: permitted ? c.n === 1 || permitted.includes(c.n) : null,
    }));
    const records = [
      raw.permit !== null ? `cmapi_cookie_privacy=${raw.permit}` : null,
      raw.gdprPrefs !== null ? `notice_gdpr_prefs=${raw.gdprPrefs}` : null,
      raw.decision !== null ? `PrivacyManagerAPI getGDPRConsentDecision: ${raw.decision}` : null,
    ].filter(Boolean);
    return {
      cmp: 'TrustArc',
      categories,
      vendorCount: null,
      legitimateInterestOn: [],
      firstLayerReject: raw.hasRequiredOnly,
      answered: permitted !== null,
      evidence: records.join('; ') || 'no TrustArc record yet',
    };
  },
  plan: (snapshot, intent) => {
    if (!expressible(intent, snapshot.categories)) return null;
    const permit = snapshot.categories.filter((c) => allows(intent, c)).map((c) => Number(c.id));
    return { permit, all: permit.length === snapshot.categories.length };
  },
};
