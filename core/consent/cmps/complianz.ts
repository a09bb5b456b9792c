import { allows } from './categories';
import mapping from './complianz.json';
import { purposeOfKnownId, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * Complianz (WordPress): fixed categories, stored one cookie each
 * (`cmplz_marketing=allow|deny`, prefix from `complianz.prefix`), and
 * `cmplz_banner-status=dismissed` once answered. Its script exposes
 * `cmplz_set_consent(category, 'allow'|'deny')` and `cmplz_set_banner_status`.
 */
export interface ComplianzRaw {
  categories: { id: string; label: string; required: boolean }[];
  /** Every cookie with the Complianz prefix, decoded. */
  cookies: Record<string, string>;
  prefix: string;
  /** `optin` (EU), `optout` (US) or `other`: what a missing cookie means. */
  consentType: string;
  hasDeny: boolean;
}
export type ComplianzPlan = Record<string, boolean>;

function readComplianz(): ComplianzRaw | null {
  const w = window as unknown as { complianz?: any; cmplz_categories?: unknown };
  const banner = document.querySelector('#cmplz-cookiebanner-container .cmplz-cookiebanner');
  if (!w.complianz && !banner) return null;
  const prefix: string = typeof w.complianz?.prefix === 'string' ? w.complianz.prefix : 'cmplz_';
  const cookies: Record<string, string> = {};
  for (const part of document.cookie.split('; ')) {
    const at = part.indexOf('=');
    if (at > 0 && part.startsWith(prefix)) cookies[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
  }
  const boxes = [...(banner?.querySelectorAll<HTMLInputElement>('input.cmplz-consent-checkbox[data-category]') ?? [])];
  const fromBanner = boxes.map((box) => String(box.dataset.category).replace(prefix, ''));
  const ids: string[] = Array.isArray(w.cmplz_categories)
    ? w.cmplz_categories.map(String)
    : fromBanner.length > 0
      ? fromBanner
      : ['functional', 'preferences', 'statistics', 'marketing'];
  const deny = banner?.querySelector<HTMLElement>('.cmplz-deny');
  return {
    categories: ids.map((id) => {
      const box = banner?.querySelector<HTMLInputElement>(`input.cmplz-${id}`) ?? null;
      const item = box?.closest('.cmplz-category') ?? banner?.querySelector(`.cmplz-category.cmplz-${id}`) ?? null;
      return {
        id,
        label: item?.querySelector('.cmplz-category-title')?.textContent?.trim() ?? '',
        required: id === 'functional' || Boolean(box?.disabled) || item?.querySelector('.cmplz-always-active') != null,
      };
    }),
    cookies,
    prefix,
    consentType: String(w.complianz?.consenttype ?? 'optin'),
    hasDeny: deny != null && getComputedStyle(deny).display !== 'none',
  };
}

/**
 * Through Complianz's own functions, the way its Save button works: one
 * `cmplz_set_consent` per category, then the banner dismissed and the site's
 * scripts told. Without them, the banner's switches and Save button.
 */
function applyComplianz(plan: Record<string, boolean>): boolean {
  const w = window as unknown as Record<string, any>;
  if (typeof w.cmplz_set_consent === 'function') {
    for (const [id, allow] of Object.entries(plan)) w.cmplz_set_consent(id, allow ? 'allow' : 'deny');
    if (typeof w.cmplz_set_banner_status === 'function') w.cmplz_set_banner_status('dismissed');
    if (typeof w.cmplz_fire_categories_event === 'function') w.cmplz_fire_categories_event();
    if (typeof w.cmplz_track_status === 'function') w.cmplz_track_status();
    return true;
  }
  const banner = document.querySelector('#cmplz-cookiebanner-container .cmplz-cookiebanner');
  const save = banner?.querySelector<HTMLElement>('.cmplz-save-preferences');
  if (!banner || !save) return false;
  const boxes = Object.keys(plan).map((id) => banner.querySelector<HTMLInputElement>(`input.cmplz-${id}`));
  if (boxes.some((box) => box === null)) return false;
  // The Save handler reads `checked` when pressed, so setting it is enough.
  Object.values(plan).forEach((allow, i) => {
    if (!boxes[i]!.disabled) boxes[i]!.checked = allow;
  });
  save.click();
  return true;
}

const KNOWN: Record<string, string> = mapping.categories;

/** The purpose of a category: Complianz's fixed ids from the data file, else what its name says. */
export function purposeOfCategory(id: string, label?: string): LabelPurpose | null {
  return purposeOfKnownId(KNOWN, id, label, id);
}

/** Consent for a category as Complianz itself decides it (`cmplz_has_consent`): the cookie, else the region's default. */
function consentOf(raw: ComplianzRaw, id: string): boolean {
  const value = raw.cookies[`${raw.prefix}${id}`];
  if (value === 'allow' || value === 'deny') return value === 'allow';
  return raw.consentType !== 'optin';
}

export const complianz: CmpAdapter<ComplianzRaw, ComplianzPlan> = {
  id: 'complianz',
  name: 'Complianz',
  autoconsentNames: ['Complianz banner'],
  read: readComplianz,
  apply: applyComplianz,
  snapshot: (raw) => {
    const answered = raw.cookies[`${raw.prefix}banner-status`] === 'dismissed';
    return {
      cmp: 'Complianz',
      categories: raw.categories.map((c) => {
        const purpose = c.required ? 'necessary' : purposeOfCategory(c.id, c.label);
        return { id: c.id, label: c.label || c.id, purpose, required: c.required || purpose === 'necessary', consented: answered ? consentOf(raw, c.id) : null };
      }),
      vendorCount: null,
      legitimateInterestOn: [],
      firstLayerReject: raw.hasDeny,
      answered,
      evidence:
        Object.entries(raw.cookies)
          .map(([name, value]) => `${name}=${value}`)
          .join('; ') || `no ${raw.prefix}* cookies`,
    };
  },
  plan: (snapshot, intent) => Object.fromEntries(snapshot.categories.map((c) => [c.id, allows(intent, c)])),
};
