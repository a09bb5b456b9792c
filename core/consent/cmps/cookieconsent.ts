import { allows } from './categories';
import { purposeOfLabel } from '../labels/match';
import type { CmpAdapter } from './types';

/** vanilla-cookieconsent v3 (orestbida): named categories; state in `CookieConsent` and the `cc_cookie` cookie. */
interface CookieConsentRaw {
  categories: { id: string; title: string; readOnly: boolean }[];
  accepted: string[];
  valid: boolean;
  cookie: string | null;
  hasReject: boolean;
}
interface CookieConsentPlan {
  accept: string[];
}

function readCookieConsent(): CookieConsentRaw | null {
  const cc = (window as unknown as { CookieConsent?: any }).CookieConsent;
  if (!cc || typeof cc.getUserPreferences !== 'function' || typeof cc.getConfig !== 'function') return null;
  const config = cc.getConfig() ?? {};
  const lang: string = cc.getUserPreferences()?.languageCode || config.language?.default || 'en';
  const sections = (config.language?.translations?.[lang]?.preferencesModal?.sections ?? []) as { title?: string; linkedCategory?: string }[];
  const titleOf = (id: string) => sections.find((s) => s.linkedCategory === id)?.title ?? '';
  const prefs = cc.getUserPreferences() ?? {};
  const cookieName: string = config.cookie?.name || 'cc_cookie';
  return {
    categories: Object.entries((config.categories ?? {}) as Record<string, { readOnly?: boolean }>).map(([id, c]) => ({
      id,
      title: String(titleOf(id)),
      readOnly: Boolean(c?.readOnly),
    })),
    accepted: ((prefs.acceptedCategories ?? []) as unknown[]).map(String),
    valid: Boolean(cc.validConsent()),
    cookie: document.cookie.split('; ').find((c) => c.startsWith(`${cookieName}=`)) ?? null,
    hasReject: document.querySelector('#cc-main .cm [data-role="necessary"]') !== null,
  };
}

function applyCookieConsent(plan: { accept: string[] }): boolean {
  const cc = (window as unknown as { CookieConsent?: any }).CookieConsent;
  if (!cc || typeof cc.acceptCategory !== 'function') return false;
  cc.acceptCategory(plan.accept);
  cc.hide();
  cc.hidePreferences();
  return true;
}

export const cookieconsent: CmpAdapter<CookieConsentRaw, CookieConsentPlan> = {
  id: 'cookieconsent',
  name: 'CookieConsent (vanilla)',
  autoconsentNames: ['cookieconsent3', 'cookieconsent2'],
  read: readCookieConsent,
  apply: applyCookieConsent,
  snapshot: (raw) => ({
    cmp: 'CookieConsent',
    categories: raw.categories.map((c) => ({
      id: c.id,
      label: c.title || c.id,
      purpose: c.readOnly ? 'necessary' : purposeOfLabel(c.id, c.title),
      required: c.readOnly,
      consented: raw.valid ? raw.accepted.includes(c.id) : null,
    })),
    vendorCount: null,
    legitimateInterestOn: [],
    firstLayerReject: raw.hasReject,
    answered: raw.valid,
    evidence: raw.cookie ?? 'CookieConsent.getUserPreferences()',
  }),
  plan: (snapshot, intent) => ({ accept: snapshot.categories.filter((c) => allows(intent, c)).map((c) => c.id) }),
};
