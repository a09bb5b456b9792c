import { allows, planStorage, storageAsMeans } from './categories';
import mapping from './consentmanager.json';
import { purposeOfLabel, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * consentmanager.net: banner `#cmpbox` (overlay `#cmpbox2`) in the light DOM;
 * state and setters through the synchronous `__cmp(command, parameter)`.
 * Consent is per purpose (`purposesList`, ids like '1'..'11' for IAB purposes
 * and 'c51'.. for the site's own); legitimate interest per purpose in `purposeLI`.
 */
export interface ConsentmanagerRaw {
  purposes: { id: string; name: string }[];
  consents: Record<string, boolean>;
  legitimateInterest: Record<string, boolean>;
  vendorCount: number | null;
  answered: boolean;
  /** The stored consent: the `__cmpconsentx…` cookie, else the API's consent string. */
  record: string;
  hasReject: boolean;
}
export interface ConsentmanagerPlan {
  /** Purpose id -> consent. */
  purposes: Record<string, boolean>;
}

function readConsentmanager(): ConsentmanagerRaw | null {
  const cmp = (window as unknown as { __cmp?: (...args: unknown[]) => any }).__cmp;
  if (typeof cmp !== 'function') return null;
  const data = cmp('getCMPData');
  if (!data || typeof data !== 'object') return null;
  const status = cmp('consentStatus') ?? {};
  const flags = (o: unknown) => Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v === true || v === 1]));
  const cookie = document.cookie.split('; ').find((c) => /^__cmpconsentx\d*=/.test(c)) ?? null;
  return {
    purposes: ((data.purposesList ?? []) as any[]).map((p) => ({ id: String(p.id), name: String(p.name ?? '') })),
    consents: flags(data.purposeConsents),
    legitimateInterest: flags(data.purposeLI),
    vendorCount: Array.isArray(data.vendorsList) ? data.vendorsList.length : null,
    // `consentExists` is also true for a stored default; only `userChoiceExists` means the visitor answered.
    answered: Boolean(status.userChoiceExists ?? data.userChoiceExists),
    record: cookie ?? String(data.consentstring ?? "__cmp('getCMPData')"),
    hasReject: document.querySelector('#cmpbox .cmpboxbtnno') !== null,
  };
}

function applyConsentmanager(plan: { purposes: Record<string, boolean> }): boolean {
  const cmp = (window as unknown as { __cmp?: (...args: unknown[]) => any }).__cmp;
  const ids = Object.keys(plan.purposes);
  if (typeof cmp !== 'function' || ids.length === 0) return false;
  // Third field true: the purpose's vendors follow it, as when the visitor flips it in the layer.
  for (const id of ids) cmp('setPurposeConsent', [id, plan.purposes[id] ? 1 : 0, true]);
  cmp('close');
  return true;
}

const PURPOSE_IDS = mapping.purposes as Record<string, LabelPurpose>;
/** TCF purpose 1: see `storageAsMeans`. */
const isStorage = (c: { id: string }) => c.id === '1';

export const consentmanager: CmpAdapter<ConsentmanagerRaw, ConsentmanagerPlan> = {
  id: 'consentmanager',
  name: 'consentmanager.net',
  autoconsentNames: ['consentmanager.net'],
  read: readConsentmanager,
  apply: applyConsentmanager,
  snapshot: (raw) => ({
    cmp: 'consentmanager.net',
    categories: storageAsMeans(
      raw.purposes.map((p) => ({
        id: p.id,
        label: p.name || p.id,
        purpose: PURPOSE_IDS[p.id] ?? purposeOfLabel(p.name),
        required: false,
        consented: raw.answered ? raw.consents[p.id] === true : null,
      })),
      isStorage,
    ),
    vendorCount: raw.vendorCount,
    // A purpose the visitor consented to needs no legitimate interest; one refused but still claimed does.
    legitimateInterestOn: raw.purposes.filter((p) => raw.legitimateInterest[p.id] && !raw.consents[p.id]).map((p) => `${p.name || p.id} (${p.id})`),
    firstLayerReject: raw.hasReject,
    answered: raw.answered,
    evidence: raw.record,
  }),
  plan: (snapshot, intent) => ({ purposes: planStorage(Object.fromEntries(snapshot.categories.map((c) => [c.id, allows(intent, c)])), snapshot.categories, isStorage) }),
};
