import { allows, planStorage, storageAsMeans } from './categories';
import mapping from './didomi.json';
import { purposeOfLabel, type LabelPurpose } from '../labels/match';
import { PURPOSES } from '../purposes';
import type { ConsentIntent } from '../intent';
import type { CmpAdapter, CmpSnapshot } from './types';

/**
 * Didomi Web SDK: purposes by id (Didomi's names for the TCF purposes, plus a
 * site's custom ones), each claimed by vendors under consent (`purposeIds`) or
 * legitimate interest (`legIntPurposeIds`). State from
 * `Didomi.getCurrentUserStatus()` (`purposes: {id: {enabled}}`), stored in the
 * `didomi_token` cookie (base64 JSON).
 */
export interface DidomiRaw {
  purposes: { id: string; name: string; enabled: boolean; consent: boolean; legitimateInterest: boolean }[];
  vendorCount: number;
  answered: boolean;
  /** The `didomi_token=…` cookie as the page sees it. */
  cookie: string | null;
  /** `getCurrentUserStatus()`'s purposes and vendors as JSON: the evidence until the cookie exists. */
  status: string;
  hasDisagree: boolean;
}
/** The `enabled` each purpose id gets; vendors follow in the page, from what they declare. */
export interface DidomiPlan {
  purposes: Record<string, boolean>;
}

function readDidomi(): DidomiRaw | null {
  const didomi = (window as unknown as { Didomi?: any }).Didomi;
  if (!didomi || typeof didomi.getCurrentUserStatus !== 'function') return null;
  const status = didomi.getCurrentUserStatus() ?? {};
  const lang = (document.documentElement.lang || 'en').slice(0, 2);
  // Didomi names are either text or translations keyed by language.
  const text = (name: unknown): string => {
    if (typeof name === 'string') return name;
    if (!name || typeof name !== 'object') return '';
    const t = name as Record<string, unknown>;
    return String(t[lang] ?? t.en ?? Object.values(t)[0] ?? '');
  };
  const declared: any[] = typeof didomi.getRequiredPurposes === 'function' ? (didomi.getRequiredPurposes() ?? []) : [];
  const vendors: any[] = typeof didomi.getRequiredVendors === 'function' ? (didomi.getRequiredVendors() ?? []) : [];
  const ids = (list: unknown) => (Array.isArray(list) ? list.map(String) : []);
  const byConsent = new Set(vendors.flatMap((v) => ids(v?.purposeIds)));
  const byInterest = new Set(vendors.flatMap((v) => ids(v?.legIntPurposeIds)));
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('didomi_token=')) ?? null;
  return {
    purposes: Object.entries((status.purposes ?? {}) as Record<string, any>).map(([id, p]) => ({
      id,
      name: text(declared.find((d) => String(d?.id) === id)?.name),
      enabled: p?.enabled === true,
      // Without vendor data a purpose counts as asked by consent: the stricter reading.
      consent: byConsent.has(id) || !byInterest.has(id),
      legitimateInterest: byInterest.has(id),
    })),
    vendorCount: Object.keys(status.vendors ?? {}).length,
    answered: typeof didomi.shouldConsentBeCollected === 'function' ? !didomi.shouldConsentBeCollected() : cookie !== null,
    cookie,
    status: JSON.stringify({ purposes: status.purposes ?? {}, vendors: status.vendors ?? {} }),
    hasDisagree: document.querySelector('#didomi-notice-disagree-button, .didomi-continue-without-agreeing') !== null,
  };
}

/**
 * Sets every purpose in one `setCurrentUserStatus` call. A vendor is enabled
 * only when every purpose it declares (by consent or legitimate interest) is,
 * so objecting to a purpose also stops the vendors that rely on it.
 */
function applyDidomi(plan: { purposes: Record<string, boolean> }): boolean {
  const didomi = (window as unknown as { Didomi?: any }).Didomi;
  if (!didomi || typeof didomi.getCurrentUserStatus !== 'function' || typeof didomi.setCurrentUserStatus !== 'function') return false;
  const current = didomi.getCurrentUserStatus() ?? {};
  const purposes: Record<string, { id: string; enabled: boolean }> = {};
  for (const [id, p] of Object.entries((current.purposes ?? {}) as Record<string, any>)) {
    purposes[id] = { id, enabled: Object.hasOwn(plan.purposes, id) ? plan.purposes[id] === true : p?.enabled === true };
  }
  const declared: any[] = typeof didomi.getRequiredVendors === 'function' ? (didomi.getRequiredVendors() ?? []) : [];
  const vendors: Record<string, { id: string; enabled: boolean }> = {};
  for (const id of Object.keys(current.vendors ?? {})) {
    const vendor = declared.find((v) => String(v?.id) === id);
    const needs: string[] = vendor ? [...(vendor.purposeIds ?? []), ...(vendor.legIntPurposeIds ?? [])].map(String) : Object.keys(purposes);
    // A purpose missing from the status is not the user's to choose (essential): it does not hold a vendor back.
    vendors[id] = { id, enabled: needs.length > 0 && needs.every((p) => purposes[p] === undefined || purposes[p].enabled) };
  }
  didomi.setCurrentUserStatus({ purposes, vendors });
  if (typeof didomi.notice?.hide === 'function') didomi.notice.hide();
  if (typeof didomi.preferences?.hide === 'function') didomi.preferences.hide();
  return true;
}

type Target = LabelPurpose | 'anyOptional';
const TARGETS: readonly string[] = ['anyOptional', 'necessary', ...PURPOSES];
const KNOWN: Record<string, string> = mapping.purposes;

/** What a Didomi purpose stands for: its TCF id from the data file, else what its name (or id) says. */
/** Storage on a device (TCF purpose 1): see `storageAsMeans`. */
const isStorage = (c: { id: string; label: string }) => targetOfPurpose(c.id, c.label) === 'anyOptional';

export function targetOfPurpose(id: string, name?: string): Target | null {
  const known = KNOWN[id];
  return known && TARGETS.includes(known) ? (known as Target) : purposeOfLabel(name, id);
}

function snapshotDidomi(raw: DidomiRaw): CmpSnapshot {
  const asked = raw.purposes.filter((p) => p.consent);
  const categories = storageAsMeans(
    asked.map((p) => {
      const target = targetOfPurpose(p.id, p.name);
      return { id: p.id, label: p.name || p.id, purpose: target === 'anyOptional' ? 'necessary' : target, required: false, consented: raw.answered ? p.enabled : null };
    }),
    isStorage,
  );
  return {
    cmp: 'Didomi',
    categories,
    vendorCount: raw.vendorCount,
    // Purposes only claimed under legitimate interest, by id: the plan answers them from this list.
    legitimateInterestOn: raw.purposes.filter((p) => p.legitimateInterest && !p.consent && p.enabled).map((p) => p.id),
    firstLayerReject: raw.hasDisagree,
    answered: raw.answered,
    evidence: raw.cookie ?? raw.status,
  };
}

function planDidomi(snapshot: CmpSnapshot, intent: ConsentIntent): DidomiPlan {
  const purposes = planStorage(Object.fromEntries(snapshot.categories.map((c) => [c.id, !isStorage(c) && allows(intent, c)])), snapshot.categories, isStorage);
  for (const id of snapshot.legitimateInterestOn) {
    const target = targetOfPurpose(id);
    purposes[id] = intent.legitimateInterest === 'allow' && target !== 'anyOptional' && allows(intent, { purpose: target, required: false });
  }
  return { purposes };
}

export const didomi: CmpAdapter<DidomiRaw, DidomiPlan> = {
  id: 'didomi',
  name: 'Didomi',
  autoconsentNames: ['didomi'],
  read: readDidomi,
  apply: applyDidomi,
  snapshot: snapshotDidomi,
  plan: planDidomi,
};
