import { TCString, type TCModel } from '@iabtcf/core';
import { TCF_PURPOSE_IDS, TCF_SPECIAL_FEATURE_IDS } from '../tcf/mapping';
import type { StoredConsent } from '../verify';
import { tcfCategories } from './tcfCmp';
import type { CmpAdapter, CmpSnapshot } from './types';

/**
 * Any CMP implementing the IAB TCF v2 API (`window.__tcfapi`). There is no
 * standard call to set consent, so this adapter only reads: the engine
 * answers through autoconsent and verifies through `read` afterwards.
 */
export interface TcfRaw {
  /** '' while the CMP holds no answer. */
  tcString: string;
  eventStatus: string | null;
  cmpId: number | null;
  gdprApplies: boolean | null;
  purpose: { consents: Record<string, boolean>; legitimateInterests: Record<string, boolean> };
  specialFeatureOptins: Record<string, boolean>;
  /** Vendors with any positive signal in the API answer; null when none. */
  vendorCount: number | null;
}

/**
 * Runs in the page's main world, serialised by source: everything it uses is
 * declared inside. Resolves with the CMP's TC data once it is final
 * (`tcloaded` or `useractioncomplete`), with the last data seen after a short
 * grace while the CMP's own UI is showing, or with null when the API never answers.
 */
function readTcf(): Promise<TcfRaw | null> | null {
  const api = (window as unknown as { __tcfapi?: unknown }).__tcfapi;
  if (typeof api !== 'function') return null;
  const call = api as (command: string, version: number, callback: (data: any, ok: boolean) => void, param?: unknown) => void;
  const bits = (value: unknown): Record<string, boolean> =>
    Object.fromEntries(Object.entries(value && typeof value === 'object' ? value : {}).filter(([, v]) => typeof v === 'boolean'));
  const shape = (d: any): TcfRaw => {
    const vendors = new Set(
      [...Object.entries(bits(d.vendor?.consents)), ...Object.entries(bits(d.vendor?.legitimateInterests))].filter(([, v]) => v).map(([k]) => k),
    );
    return {
      tcString: typeof d.tcString === 'string' ? d.tcString : '',
      eventStatus: typeof d.eventStatus === 'string' ? d.eventStatus : null,
      cmpId: typeof d.cmpId === 'number' ? d.cmpId : null,
      gdprApplies: typeof d.gdprApplies === 'boolean' ? d.gdprApplies : null,
      purpose: { consents: bits(d.purpose?.consents), legitimateInterests: bits(d.purpose?.legitimateInterests) },
      specialFeatureOptins: bits(d.specialFeatureOptins),
      vendorCount: vendors.size || null,
    };
  };
  return new Promise((resolve) => {
    let latest: any = null;
    let done = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const forget = (listenerId: unknown) => {
      if (typeof listenerId !== 'number') return;
      try {
        call('removeEventListener', 2, () => undefined, listenerId);
      } catch {
        // A CMP that cannot remove a listener only keeps calling a finished one.
      }
    };
    const finish = () => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      forget(latest?.listenerId);
      resolve(latest ? shape(latest) : null);
    };
    const seen = (data: any, ok: boolean) => {
      if (!ok || !data || typeof data !== 'object') return;
      if (done) return forget(data.listenerId);
      latest = data;
      if (data.eventStatus === 'tcloaded' || data.eventStatus === 'useractioncomplete') finish();
      // The banner is up ('cmpuishown'): the data will not become final until someone answers it.
      else timers.push(setTimeout(finish, 400));
    };
    try {
      call('addEventListener', 2, seen);
    } catch {
      // Not a full TCF v2 API: the deprecated getTCData is all there is.
    }
    // Some CMPs never call listeners back; getTCData (deprecated in v2.2) still answers on most.
    const fallback = () => {
      try {
        if (!latest) call('getTCData', 2, seen);
      } catch {
        // Nothing more to ask: the overall timeout resolves with what there is.
      }
    };
    timers.push(setTimeout(fallback, 1000));
    timers.push(setTimeout(finish, 2000));
  });
}

function decode(tcString: string): TCModel | null {
  if (!tcString) return null;
  try {
    return TCString.decode(tcString);
  } catch {
    return null;
  }
}

/**
 * Builds the snapshot from the TC string when it decodes (it is what the CMP
 * stores and sends to vendors), from the API's own answer otherwise.
 */
function snapshotTcf(raw: TcfRaw): CmpSnapshot {
  const model = decode(raw.tcString);
  const consent = (id: number) => (model ? model.purposeConsents.has(id) : raw.purpose.consents[id] === true);
  const interest = (id: number) => (model ? model.purposeLegitimateInterests.has(id) : raw.purpose.legitimateInterests[id] === true);
  const optIn = (id: number) => (model ? model.specialFeatureOptins.has(id) : raw.specialFeatureOptins[id] === true);
  const cmpId = model?.cmpId || raw.cmpId;
  const cmp = cmpId ? `IAB TCF v2 CMP (CMP ID ${cmpId})` : 'IAB TCF v2 CMP';
  if (raw.gdprApplies === false) {
    return { cmp, categories: [], vendorCount: null, legitimateInterestOn: [], firstLayerReject: null, answered: false, evidence: '__tcfapi: gdprApplies false' };
  }
  const anyRecorded = TCF_PURPOSE_IDS.some(consent) || TCF_SPECIAL_FEATURE_IDS.some(optIn);
  const answered = raw.eventStatus === 'useractioncomplete' || (raw.eventStatus === 'tcloaded' && model !== null) || anyRecorded;
  const categories = tcfCategories({ consent, optIn }, answered);
  return {
    cmp,
    categories,
    vendorCount: model?.vendorsDisclosed.size || raw.vendorCount,
    // Every LI bit that is on, those v2.2 forbids (purposes 1, 3 to 6) included: a CMP that stores them is what verifying is for.
    legitimateInterestOn: TCF_PURPOSE_IDS.filter(interest).map((id) => `TCF purpose ${id} (legitimate interest)`),
    // A generic adapter cannot know the banner's buttons.
    firstLayerReject: null,
    answered,
    evidence: raw.tcString ? raw.tcString : `__tcfapi: eventStatus ${raw.eventStatus ?? 'unknown'}, no TC string yet`,
  };
}

export const tcf: CmpAdapter<TcfRaw, null> = {
  id: 'tcf',
  name: 'IAB TCF v2 CMP',
  autoconsentNames: [],
  // `read` resolves asynchronously; executeScript awaits the Promise, which the adapter type does not express.
  read: readTcf,
  apply: () => false,
  snapshot: snapshotTcf,
  plan: () => null,
};

/**
 * What a CMP's own record stored, with the legitimate interest its IAB TCF
 * answer on the same page still claims. Many CMPs (OneTrust, Cookiebot,
 * Usercentrics…) keep their categories in a record of their own, which has no
 * legitimate interest, and run the TCF beside it, where a refusal usually
 * leaves LI on: an objection is judged on both. `tcfAnswer` is the generic
 * adapter's snapshot of the frame, or null where it has no TCF API.
 */
export function withTcfLegitimateInterest<S extends StoredConsent>(stored: S, tcfAnswer: CmpSnapshot | null): S {
  if (!tcfAnswer?.answered || tcfAnswer.legitimateInterestOn.length === 0) return stored;
  return {
    ...stored,
    legitimateInterestOn: [...new Set([...stored.legitimateInterestOn, ...tcfAnswer.legitimateInterestOn])],
    evidence: `${stored.evidence}; ${tcfAnswer.evidence}`,
  };
}
