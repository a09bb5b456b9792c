import { allows, planStorage, storageAsMeans } from './categories';
import table from './quantcast.json';
import type { LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * Quantcast Choice (InMobi Choice): an IAB TCF v2 CMP in the light DOM
 * (`#qc-cmp2-container` › `#qc-cmp2-ui`). It has no setter API of its own, so
 * the adapter answers through its second layer, the way a visitor would:
 * purpose and special-feature toggles, "Object all" on the legitimate-interest
 * screen, then "Save & exit". State is read back from `__tcfapi`.
 */
export interface QuantcastRaw {
  tcString: string;
  eventStatus: string;
  purposeConsents: Record<string, boolean>;
  purposeLegitimateInterests: Record<string, boolean>;
  specialFeatureOptins: Record<string, boolean>;
  vendorCount: number | null;
  /** The `euconsent-v2` cookie as stored, when there is one. */
  cookie: string | null;
  hasReject: boolean;
}
export interface QuantcastPlan {
  /** 'p1'..'p11', 'sf1', 'sf2' -> on. */
  consents: Record<string, boolean>;
  /** For toggles whose title we do not know. */
  unknown: boolean;
  objectLegitimateInterest: boolean;
  /** Everything on and legitimate interest allowed: the banner's own "Agree" says exactly that. */
  acceptAll: boolean;
  /** Normalised toggle title -> key, so `apply` can place toggles without importing the table. */
  names: Record<string, string>;
  words: { legitimateInterest: string[]; objectAll: string[]; saveAndExit: string[] };
}

/** `__tcfapi` answers by callback and Quantcast's layer renders asynchronously; executeScript awaits a returned promise. */

async function readQuantcast(): Promise<QuantcastRaw | null> {
  const api = (window as unknown as { __tcfapi?: (...args: unknown[]) => void }).__tcfapi;
  if (typeof api !== 'function') return null;
  // getTCData is deprecated in TCF 2.2: listen once, take the current state, stop listening.
  const data: any = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 2000);
    try {
      api('addEventListener', 2, (tcData: any, ok: boolean) => {
        if (!ok || !tcData) return;
        clearTimeout(timer);
        if (tcData.listenerId !== undefined && tcData.listenerId !== null) api('removeEventListener', 2, () => undefined, tcData.listenerId);
        resolve(tcData);
      });
    } catch {
      resolve(null);
    }
  });
  if (!data || data.gdprApplies === false) return null;
  const flags = (o: unknown) => Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v === true]));
  const vendors = new Set([...Object.keys(data.vendor?.consents ?? {}), ...Object.keys(data.vendor?.legitimateInterests ?? {})]);
  return {
    tcString: String(data.tcString ?? ''),
    eventStatus: String(data.eventStatus ?? ''),
    purposeConsents: flags(data.purpose?.consents),
    purposeLegitimateInterests: flags(data.purpose?.legitimateInterests),
    specialFeatureOptins: flags(data.specialFeatureOptins),
    vendorCount: vendors.size || null,
    cookie: document.cookie.split('; ').find((c) => c.startsWith('euconsent-v2=')) ?? null,
    hasReject: document.querySelectorAll('.qc-cmp2-summary-buttons > button[mode="secondary"]').length > 1 || document.querySelector('#disagree-btn') !== null,
  };
}

async function applyQuantcast(plan: QuantcastPlan): Promise<boolean> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const waitFor = async <T>(find: () => T | null | undefined, ms = 3000): Promise<T | null> => {
    const end = Date.now() + ms;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > end) return null;
      await sleep(50);
    }
  };
  const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const inUi = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(`#qc-cmp2-ui ${selector}`));
  const byText = (words: string[]) => inUi('button').find((b) => words.includes(norm(b.textContent)));
  if (!document.querySelector('#qc-cmp2-ui')) return false;
  if (plan.acceptAll) {
    const agree = document.querySelector<HTMLElement>('.qc-cmp2-summary-buttons > button[mode="primary"]');
    if (agree) {
      agree.click();
      return true;
    }
  }
  if (inUi('.qc-cmp2-consent-info').length === 0) {
    // The first secondary button of the summary is "More options" (autoconsent's rule relies on the same order).
    const more = document.querySelector<HTMLElement>('.qc-cmp2-summary-buttons > button[mode="secondary"]');
    if (!more) return false;
    more.click();
  }
  if (!(await waitFor(() => inUi('.qc-cmp2-consent-info')[0]))) return false;
  // Re-query on every step: a toggle may re-render its list.
  const count = inUi('.qc-cmp2-toggle-switch > button[aria-checked]').length;
  for (let i = 0; i < count; i++) {
    const toggle = inUi('.qc-cmp2-toggle-switch > button[aria-checked]')[i];
    if (!toggle) break;
    const title = toggle.getAttribute('aria-label') || toggle.closest('.qc-cmp2-list-item')?.querySelector('.qc-cmp2-list-item-title')?.textContent;
    const key = plan.names[norm(title)];
    const wanted = key !== undefined && key in plan.consents ? plan.consents[key] : plan.unknown;
    if ((toggle.getAttribute('aria-checked') === 'true') !== wanted) {
      toggle.click();
      await sleep(0);
    }
  }
  if (plan.objectLegitimateInterest) {
    const tab = byText(plan.words.legitimateInterest);
    if (!tab) return false;
    tab.click();
    const objectAll = await waitFor(() => byText(plan.words.objectAll));
    if (!objectAll) return false;
    objectAll.click();
    await sleep(0);
  }
  const save = await waitFor(() => inUi('.qc-cmp2-buttons-desktop > button[mode="primary"]')[0] ?? byText(plan.words.saveAndExit));
  if (!save) return false;
  save.click();
  return true;
}

const PURPOSES = table.purposes as Record<string, { name: string; purpose: LabelPurpose }>;
const FEATURES = table.specialFeatures as Record<string, { name: string; purpose: LabelPurpose }>;
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
/** TCF purpose 1: see `storageAsMeans`. */
const isStorage = (c: { id: string }) => c.id === 'p1';

/** Every purpose and special feature as a category, keyed 'p<id>' / 'sf<id>'. */
export const QUANTCAST_KEYS = [
  ...Object.entries(PURPOSES).map(([id, p]) => ({ key: `p${id}`, id, label: `Purpose ${id}: ${p.name}`, ...p })),
  ...Object.entries(FEATURES).map(([id, f]) => ({ key: `sf${id}`, id, label: `Special feature ${id}: ${f.name}`, ...f })),
];

export const quantcast: CmpAdapter<QuantcastRaw, QuantcastPlan> = {
  id: 'quantcast',
  name: 'Quantcast Choice',
  autoconsentNames: ['quantcast'],
  read: readQuantcast,
  apply: applyQuantcast,
  snapshot: (raw) => {
    // 'cmpuishown' with an empty string is the banner waiting; any stored string after that is an answer.
    const answered = raw.tcString !== '' && raw.eventStatus !== 'cmpuishown';
    return {
      cmp: 'Quantcast Choice',
      categories: storageAsMeans(
        QUANTCAST_KEYS.map((k) => ({
          id: k.key,
          label: k.label,
          purpose: k.purpose,
          required: false,
          consented: answered ? (k.key.startsWith('sf') ? raw.specialFeatureOptins[k.id] : raw.purposeConsents[k.id]) === true : null,
        })),
        isStorage,
      ),
      vendorCount: raw.vendorCount,
      legitimateInterestOn: Object.entries(raw.purposeLegitimateInterests)
        .filter(([, on]) => on)
        .map(([id]) => `Purpose ${id}: ${PURPOSES[id]?.name ?? 'unknown'} (legitimate interest)`),
      firstLayerReject: raw.hasReject,
      answered,
      evidence: raw.cookie ?? (raw.tcString ? `tcString=${raw.tcString}` : '__tcfapi addEventListener'),
    };
  },
  plan: (snapshot, intent) => {
    const consents = planStorage(Object.fromEntries(snapshot.categories.map((c) => [c.id, allows(intent, c)])), snapshot.categories, isStorage);
    const objectLegitimateInterest = intent.legitimateInterest === 'object';
    return {
      consents,
      unknown: allows(intent, { purpose: null, required: false }),
      objectLegitimateInterest,
      acceptAll: !objectLegitimateInterest && Object.values(consents).every(Boolean),
      names: Object.fromEntries(QUANTCAST_KEYS.map((k) => [norm(k.name), k.key])),
      words: table.words,
    };
  },
};
