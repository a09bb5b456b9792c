import { allows } from './categories';
import mapping from './usercentrics.json';
import { purposeOfLabel, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * Usercentrics, both generations. v2 keeps its banner in the shadow root of
 * `#usercentrics-root` and answers through `window.UC_UI`; v3 uses
 * `#usercentrics-cmp-ui` and `window.__ucCmp`. autoconsent reports both as
 * `usercentrics-api`, so one adapter reads whichever the page has. Consent is
 * per service; each service belongs to one category.
 */
interface UcService {
  id: string;
  name: string;
  /** Category slug ('essential', 'marketing', 'customCategory-…'). */
  category: string;
  /** The category's display name, where the CMP tells it (v2 only). */
  categoryLabel: string;
  essential: boolean;
  consent: boolean;
}
export interface UsercentricsRaw {
  version: 2 | 3;
  services: UcService[];
  answered: boolean;
  /** The stored record as `key=value` lines: v2 localStorage `uc_settings` and `uc_user_interaction`, v3 `ucString` and `ucData`. */
  record: string;
  hasDeny: boolean;
}
export interface UsercentricsPlan {
  /** Service id -> consent, for every optional service. */
  services: Record<string, boolean>;
}

/**
 * Both generations answer through promises (v2's newer builds even for
 * `getServicesBaseInfo`). `scripting.executeScript` waits for a promise the
 * function returns, so async `read`/`apply` work at run time; the contract
 * types them as synchronous, hence this identity cast.
 */

async function readUsercentrics(): Promise<UsercentricsRaw | null> {
  const w = window as unknown as { __ucCmp?: any; UC_UI?: any };
  const shadowOf = (id: string) => document.getElementById(id)?.shadowRoot ?? null;
  // `name=value` lines, one per localStorage entry, so the record names what to forget on "answer again".
  const stored = (keys: string[]) =>
    keys.flatMap((k) => {
      const v = localStorage.getItem(k);
      return v === null ? [] : [`${k}=${v}`];
    }).join('\n');
  if (w.__ucCmp && typeof w.__ucCmp.getConsentDetails === 'function') {
    const details = await w.__ucCmp.getConsentDetails();
    if (!details || typeof details !== 'object') return null;
    const services = Object.entries((details.services ?? {}) as Record<string, any>).map(([id, s]) => ({
      id,
      name: String(s?.name ?? id),
      category: String(s?.category ?? ''),
      categoryLabel: '',
      essential: Boolean(s?.essential),
      consent: s?.consent?.given === true,
    }));
    const consent = details.consent ?? {};
    const given = Object.fromEntries(services.map((s) => [s.id, s.consent]));
    return {
      version: 3,
      services,
      // IMPLICIT is the pre-interaction default; only an EXPLICIT, no-longer-required consent is an answer.
      answered: consent.type === 'EXPLICIT' && consent.required !== true,
      record: stored(['ucString', 'ucData']) || `__ucCmp.getConsentDetails(): ${JSON.stringify({ status: consent.status ?? null, services: given })}`,
      hasDeny: shadowOf('usercentrics-cmp-ui')?.querySelector('[data-action-type="deny"]') != null,
    };
  }
  const ui = w.UC_UI;
  if (!ui || typeof ui.getServicesBaseInfo !== 'function') return null;
  const base = await ui.getServicesBaseInfo();
  if (!Array.isArray(base)) return null;
  const core = typeof ui.getSettingsCore === 'function' ? await ui.getSettingsCore() : null;
  const labels: Record<string, string> = {};
  for (const c of (core?.categories ?? []) as any[]) if (c?.slug) labels[String(c.slug)] = String(c.label ?? '');
  return {
    version: 2,
    services: base.map((s: any) => ({
      id: String(s.id),
      name: String(s.name ?? s.id),
      category: String(s.categorySlug ?? ''),
      categoryLabel: labels[String(s.categorySlug)] ?? '',
      essential: Boolean(s.isEssential) || s.categorySlug === 'essential',
      consent: s.consent?.status === true,
    })),
    // uc_settings is written with implicit defaults before any choice; this flag marks a real one.
    answered: localStorage.getItem('uc_user_interaction') === 'true',
    record: stored(['uc_settings', 'uc_user_interaction']) || 'UC_UI.getServicesBaseInfo()',
    hasDeny: shadowOf('usercentrics-root')?.querySelector('[data-testid="uc-deny-all-button"]') != null,
  };
}

async function applyUsercentrics(plan: { services: Record<string, boolean> }): Promise<boolean> {
  const w = window as unknown as { __ucCmp?: any; UC_UI?: any };
  const ids = Object.keys(plan.services);
  const on = ids.filter((id) => plan.services[id]);
  const off = ids.filter((id) => !plan.services[id]);
  const cmp = w.__ucCmp;
  if (cmp && typeof cmp.getConsentDetails === 'function') {
    if (typeof cmp.updateServicesConsents !== 'function' || typeof cmp.saveConsents !== 'function') return false;
    // Uniform answers go through the CMP's own accept/deny, which record the same action as its buttons.
    if (off.length === 0 && typeof cmp.acceptAllConsents === 'function') await cmp.acceptAllConsents();
    else if (on.length === 0 && typeof cmp.denyAllConsents === 'function') await cmp.denyAllConsents();
    else await cmp.updateServicesConsents(ids.map((id) => ({ id, consent: plan.services[id] })));
    // v3 keeps updates pending until they are saved.
    await cmp.saveConsents();
    if (typeof cmp.closeCmp === 'function') await cmp.closeCmp();
    return true;
  }
  const ui = w.UC_UI;
  if (!ui) return false;
  if (off.length === 0 && typeof ui.acceptAllConsents === 'function') await ui.acceptAllConsents();
  else if (on.length === 0 && typeof ui.denyAllConsents === 'function') await ui.denyAllConsents();
  else if (typeof ui.acceptServices === 'function' && typeof ui.rejectServices === 'function') {
    if (on.length) await ui.acceptServices(on);
    if (off.length) await ui.rejectServices(off);
  } else if (typeof ui.acceptService === 'function' && typeof ui.rejectService === 'function') {
    for (const id of on) await ui.acceptService(id);
    for (const id of off) await ui.rejectService(id);
  } else return false;
  // The setters store the choice but leave the banner open; its own buttons close it the same way.
  if (typeof ui.closeCMP === 'function') await ui.closeCMP();
  return true;
}

const CATEGORY_PURPOSE = mapping.categories as Record<string, LabelPurpose>;

/** A service's purpose: its category's known slug, else the category's name, else the service's own name. */
export function purposeOfService(s: Pick<UcService, 'category' | 'categoryLabel' | 'name' | 'essential'>): LabelPurpose | null {
  if (s.essential) return 'necessary';
  return CATEGORY_PURPOSE[s.category] ?? purposeOfLabel(s.categoryLabel, s.category, s.name);
}

export const usercentrics: CmpAdapter<UsercentricsRaw, UsercentricsPlan> = {
  id: 'usercentrics',
  name: 'Usercentrics',
  autoconsentNames: ['usercentrics-api'],
  read: readUsercentrics,
  apply: applyUsercentrics,
  snapshot: (raw) => ({
    cmp: raw.version === 3 ? 'Usercentrics v3' : 'Usercentrics v2',
    categories: raw.services.map((s) => ({
      id: s.id,
      label: [s.name, s.categoryLabel || s.category].filter(Boolean).join(' · '),
      purpose: purposeOfService(s),
      required: s.essential,
      consented: raw.answered ? s.consent : null,
    })),
    vendorCount: raw.services.length,
    legitimateInterestOn: [],
    firstLayerReject: raw.hasDeny,
    answered: raw.answered,
    evidence: raw.record,
  }),
  plan: (snapshot, intent) => ({
    services: Object.fromEntries(snapshot.categories.filter((c) => !c.required).map((c) => [c.id, allows(intent, c)])),
  }),
};
