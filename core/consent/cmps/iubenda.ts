import { allows } from './categories';
import mapping from './iubenda.json';
import { purposeOfKnownId, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * iubenda Privacy Controls and Cookie Solution: purposes by fixed number,
 * read from `_iub.cs.api.getPreferences().purposes` and stored in the
 * `_iub_cs-<cookie policy id>` cookie (`{"purposes":{"1":true,…}}`).
 */
export interface IubendaRaw {
  /** Purposes with a switch in the preferences panel (`.purposes-item.purpose-item-<n>`), when it is drawn. */
  panel: { id: string; label: string; required: boolean }[];
  /** `getPreferences().purposes`; null before the visitor answered. */
  stored: Record<string, boolean> | null;
  /** `getPreferences()` as JSON, the evidence when no cookie is readable. */
  preferences: string | null;
  cookie: string | null;
  hasReject: boolean;
}
export type IubendaPlan = Record<string, boolean>;

function readIubenda(): IubendaRaw | null {
  const api = (window as unknown as { _iub?: { cs?: { api?: any } } })._iub?.cs?.api;
  if (!api || typeof api.getPreferences !== 'function') return null;
  const prefs = api.getPreferences();
  const purposes = prefs && typeof prefs === 'object' && prefs.purposes && typeof prefs.purposes === 'object' ? (prefs.purposes as Record<string, unknown>) : null;
  const panel = [...document.querySelectorAll<HTMLElement>('#iubenda-iframe .purposes-item')].flatMap((item) => {
    const id = /(?:^|\s)purpose-item-(\d+)(?:\s|$)/.exec(item.className)?.[1];
    if (!id) return [];
    const box = item.querySelector<HTMLInputElement>('input[type=checkbox]');
    const title = item.querySelector('.purposes-item-title, label, h4, h3');
    return [{ id, label: title?.textContent?.trim() ?? '', required: Boolean(box?.disabled) }];
  });
  return {
    panel,
    stored: purposes ? Object.fromEntries(Object.entries(purposes).map(([k, v]) => [k, v === true])) : null,
    preferences: prefs ? JSON.stringify(prefs) : null,
    cookie: document.cookie.split('; ').find((c) => /^_iub_cs-\d+=/.test(c)) ?? null,
    hasReject: document.querySelector('#iubenda-cs-banner .iubenda-cs-reject-btn') !== null,
  };
}

/**
 * iubenda has no documented call that sets purposes one by one, so the answer
 * goes through its preferences panel, as a visitor's would: open it, set each
 * purpose's switch, press its Save button (`#iubFooterBtn`). Returns false
 * (autoconsent answers instead) when the panel or its button is missing.
 */
function applyIubenda(plan: Record<string, boolean>): boolean {
  const api = (window as unknown as { _iub?: { cs?: { api?: any } } })._iub?.cs?.api;
  if (typeof api?.openPreferences === 'function') api.openPreferences();
  else document.querySelector<HTMLElement>('#iubenda-cs-banner .iubenda-cs-customize-btn')?.click();
  const panel = document.getElementById('iubenda-iframe');
  const save = document.getElementById('iubFooterBtn');
  if (!panel || !save || !panel.querySelector('.purposes-item')) return false;
  for (const [id, on] of Object.entries(plan)) {
    // A purpose the site does not use has no switch: there is nothing to answer for it.
    const box = panel.querySelector<HTMLInputElement>(`.purpose-item-${id} input[type=checkbox]`);
    if (box && !box.disabled && box.checked !== on) box.click();
  }
  save.click();
  return true;
}

const KNOWN: Record<string, string> = mapping.purposes;

/** The purpose of an iubenda purpose: its fixed number from the data file, else what its name says. */
export function purposeOfId(id: string, label?: string): LabelPurpose | null {
  return purposeOfKnownId(KNOWN, id, label);
}

export const iubenda: CmpAdapter<IubendaRaw, IubendaPlan> = {
  id: 'iubenda',
  name: 'iubenda',
  autoconsentNames: ['iubenda'],
  read: readIubenda,
  apply: applyIubenda,
  snapshot: (raw) => {
    // The panel may not be drawn before it is first opened: then the stored answer, else the five standard purposes, say what is asked.
    const ids = [...new Set([...raw.panel.map((p) => p.id), ...Object.keys(raw.stored ?? {})])];
    const asked = ids.length > 0 ? ids : Object.keys(KNOWN);
    return {
      cmp: 'iubenda',
      categories: asked.map((id) => {
        const shown = raw.panel.find((p) => p.id === id);
        const purpose = purposeOfId(id, shown?.label);
        return {
          id,
          label: shown?.label || `Purpose ${id}`,
          purpose,
          required: purpose === 'necessary' || shown?.required === true,
          consented: raw.stored ? raw.stored[id] === true : null,
        };
      }),
      vendorCount: null,
      legitimateInterestOn: [],
      firstLayerReject: raw.hasReject,
      answered: raw.stored !== null,
      evidence: raw.cookie ?? raw.preferences ?? '_iub.cs.api.getPreferences(): no answer stored',
    };
  },
  plan: (snapshot, intent) => Object.fromEntries(snapshot.categories.map((c) => [c.id, allows(intent, c)])),
};
