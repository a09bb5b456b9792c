import { allows } from './categories';
import mapping from './osano.json';
import { purposeOfKnownId, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * Osano Cookie Consent: fixed categories read from `Osano.cm.getConsent()`
 * (`{ESSENTIAL, STORAGE, MARKETING, PERSONALIZATION, ANALYTICS, OPT_OUT}` =
 * 'ACCEPT' | 'DENY'). Its `osano_consentmanager` cookie is opaque, so the API
 * answer is the evidence; the cookie only tells that a choice was saved.
 */
export interface OsanoRaw {
  consent: Record<string, string>;
  /** Category names shown in the preferences drawer, when it is drawn. */
  labels: Record<string, string>;
  saved: boolean;
  hasDeny: boolean;
}
/** Whether each category's switch ends on. */
export type OsanoPlan = Record<string, boolean>;

function readOsano(): OsanoRaw | null {
  const cm = (window as unknown as { Osano?: { cm?: any } }).Osano?.cm;
  if (!cm || typeof cm.getConsent !== 'function') return null;
  const consent = (cm.getConsent() ?? {}) as Record<string, unknown>;
  const labels: Record<string, string> = {};
  document.querySelectorAll<HTMLInputElement>('input.osano-cm-toggle__input[data-category]').forEach((box) => {
    const id = box.dataset.category;
    const holder = box.closest('.osano-cm-toggle, label, li');
    const label = (holder?.querySelector('.osano-cm-label') ?? holder)?.textContent?.trim();
    if (id && label && !labels[id]) labels[id] = label;
  });
  return {
    consent: Object.fromEntries(Object.entries(consent).map(([k, v]) => [k, String(v)])),
    labels,
    saved: document.cookie.split('; ').some((c) => c.startsWith('osano_consentmanager=')),
    hasDeny: document.querySelector('.osano-cm-dialog .osano-cm-denyAll, .osano-cm-dialog .osano-cm-deny') !== null,
  };
}

/**
 * Osano documents no call that sets consent, so the answer goes through its
 * own preferences drawer, as a visitor's would: open it, set each category's
 * switch, press Save. Returns false (autoconsent answers instead) when the
 * drawer has no switch for a category or no Save button.
 */
function applyOsano(plan: Record<string, boolean>): boolean {
  const cm = (window as unknown as { Osano?: { cm?: any } }).Osano?.cm;
  if (!cm) return false;
  if (typeof cm.showDrawer === 'function') cm.showDrawer();
  const drawer: ParentNode = document.querySelector('.osano-cm-info-dialog') ?? document;
  const entries = Object.entries(plan);
  const boxes = entries.map(([id]) => drawer.querySelector<HTMLInputElement>(`input.osano-cm-toggle__input[data-category="${id}"], #osano-cm-drawer-toggle--category_${id}`));
  const save = drawer.querySelector<HTMLElement>('.osano-cm-save, .osano-cm-button--type_save');
  if (!save || boxes.some((box) => box === null)) {
    if (typeof cm.hideDrawer === 'function') cm.hideDrawer();
    return false;
  }
  // Clicks, not `checked =`: the drawer's own change handlers must see them.
  entries.forEach(([, on], i) => {
    const box = boxes[i]!;
    if (!box.disabled && box.checked !== on) box.click();
  });
  save.click();
  if (cm.drawerOpen && typeof cm.hideDrawer === 'function') cm.hideDrawer();
  return true;
}

const KNOWN: Record<string, string> = mapping.categories;
const IGNORED: readonly string[] = mapping.ignored;
const ORDER = Object.keys(KNOWN);
const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);

/** The purpose of a category: Osano's fixed keys from the data file, else what its name says. */
export function purposeOfCategory(id: string, label?: string): LabelPurpose | null {
  return purposeOfKnownId(KNOWN, id, label, id);
}

export const osano: CmpAdapter<OsanoRaw, OsanoPlan> = {
  id: 'osano',
  name: 'Osano',
  autoconsentNames: ['osano'],
  read: readOsano,
  apply: applyOsano,
  snapshot: (raw) => ({
    cmp: 'Osano',
    // Osano's own order (Essential first): the browser hands page objects back with their keys sorted.
    categories: Object.entries(raw.consent)
      .filter(([id]) => !IGNORED.includes(id))
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([id, value]) => {
        const purpose = purposeOfCategory(id, raw.labels[id]);
        return { id, label: raw.labels[id] || id, purpose, required: purpose === 'necessary', consented: raw.saved ? value === 'ACCEPT' : null };
      }),
    vendorCount: null,
    legitimateInterestOn: [],
    firstLayerReject: raw.hasDeny,
    answered: raw.saved,
    evidence: JSON.stringify(raw.consent),
  }),
  plan: (snapshot, intent) => Object.fromEntries(snapshot.categories.map((c) => [c.id, allows(intent, c)])),
};
