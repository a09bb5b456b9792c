import { allows } from './categories';
import mapping from './cookieyes.json';
import { purposeOfKnownId, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * CookieYes (formerly CookieLawInfo): categories by slug, read from the
 * documented `getCkyConsent()`; stored in the `cookieyes-consent` cookie
 * (`consentid:…,action:yes,necessary:yes,functional:no,…`).
 */
export interface CookieYesRaw {
  categories: { id: string; title: string; on: boolean }[];
  answered: boolean;
  /** The `cookieyes-consent=…` cookie as the page sees it. */
  cookie: string | null;
  hasReject: boolean;
}
/** Every optional category's wanted state, by slug. */
export type CookieYesPlan = Record<string, boolean>;

function readCookieYes(): CookieYesRaw | null {
  const get = (window as unknown as { getCkyConsent?: () => any }).getCkyConsent;
  if (typeof get !== 'function') return null;
  const consent = get() ?? {};
  // The preference centre names each category; its title helps place slugs a site made up.
  const titleOf = (id: string) =>
    document.querySelector(`#ckyDetailCategory${id} [data-cky-tag="detail-category-title"], label[for="ckySwitch${id}"]`)?.textContent?.trim() ?? '';
  return {
    categories: Object.entries((consent.categories ?? {}) as Record<string, unknown>).map(([id, on]) => ({ id, title: titleOf(id), on: on === true })),
    answered: Boolean(consent.isUserActionCompleted),
    cookie: document.cookie.split('; ').find((c) => c.startsWith('cookieyes-consent=')) ?? null,
    hasReject: document.querySelector('.cky-consent-container [data-cky-tag="reject-button"]') !== null,
  };
}

/**
 * CookieYes documents no setter. Its banner script answers through the global
 * `performBannerAction('reject' | 'accept_all' | 'accept_partial')`, the last
 * reading the `#ckySwitch<slug>` toggles (⚠ secondary sources); without it the
 * banner's own buttons are pressed. A mixed answer needs every toggle present,
 * else autoconsent's path is better than a guess.
 */
function applyCookieYes(plan: Record<string, boolean>): boolean {
  const entries = Object.entries(plan);
  const none = entries.every(([, on]) => !on);
  const all = entries.every(([, on]) => on);
  let missing = false;
  for (const [id, on] of entries) {
    const toggle = document.getElementById(`ckySwitch${id}`) as HTMLInputElement | null;
    if (!toggle) missing = true;
    // A click, not `.checked =`: the banner may track its toggles by their events.
    else if (toggle.checked !== on) toggle.click();
  }
  const perform = (window as unknown as { performBannerAction?: (action: string) => void }).performBannerAction;
  if (typeof perform === 'function' && (none || all || !missing)) {
    perform(none ? 'reject' : all ? 'accept_all' : 'accept_partial');
    return true;
  }
  const press = (selector: string) => {
    const button = document.querySelector<HTMLElement>(selector);
    button?.click();
    return button !== null;
  };
  if (none) return press('.cky-consent-container [data-cky-tag="reject-button"]');
  if (all) return press('.cky-consent-container [data-cky-tag="accept-button"]');
  return !missing && press('[data-cky-tag="detail-save-button"]');
}

const KNOWN: Record<string, string> = mapping.categories;

/** The purpose of a category: CookieYes's default slugs from the data file, else what its slug or title says. */
export function purposeOfCategory(id: string, title: string): LabelPurpose | null {
  return purposeOfKnownId(KNOWN, id, id, title);
}

export const cookieyes: CmpAdapter<CookieYesRaw, CookieYesPlan> = {
  id: 'cookieyes',
  name: 'CookieYes',
  autoconsentNames: ['cookieyes'],
  read: readCookieYes,
  apply: applyCookieYes,
  snapshot: (raw) => ({
    cmp: 'CookieYes',
    categories: raw.categories.map((c) => {
      const purpose = purposeOfCategory(c.id, c.title);
      return { id: c.id, label: c.title || c.id, purpose, required: purpose === 'necessary', consented: raw.answered ? c.on : null };
    }),
    vendorCount: null,
    legitimateInterestOn: [],
    firstLayerReject: raw.hasReject,
    answered: raw.answered,
    evidence: raw.cookie ?? `getCkyConsent() ${JSON.stringify(Object.fromEntries(raw.categories.map((c) => [c.id, c.on])))}`,
  }),
  plan: (snapshot, intent) => Object.fromEntries(snapshot.categories.filter((c) => !c.required).map((c) => [c.id, allows(intent, c)])),
};
