import { decodeTcString, tcfBitsOf, tcfCategories, tcfLegitimateInterestOn, tcfPlan, tcfVendorCount, type TcfPlan } from './tcfCmp';
import type { CmpAdapter } from './types';

/**
 * Sourcepoint: the banner is a cross-origin iframe (`sp_message_iframe_*`),
 * so autoconsent reports it from that frame ('Sourcepoint-frame'), while the
 * state lives in the top page: `__tcfapi` (with Sourcepoint's extra commands
 * `postRejectAll` and `postCustomConsent`), `_sp_`, and the cookies
 * `euconsent-v2` and `consentUUID`. Hence `runIn: 'topFrame'`.
 */
export interface SourcepointRaw {
  /** '' while no answer is stored. */
  tcString: string;
  eventStatus: string | null;
  gdprApplies: boolean | null;
  /** The `euconsent-v2` cookie, as stored. */
  cookie: string | null;
  consentUUID: string | null;
  messageOpen: boolean;
}

/** Main world of the top frame; self-contained (serialised by source). */
async function readSourcepoint(): Promise<SourcepointRaw | null> {
  const api = (window as any).__tcfapi;
  if (typeof api !== 'function') return null;
  const data: any = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 2000);
    try {
      api('addEventListener', 2, (tcData: any, ok: boolean) => {
        clearTimeout(timer);
        // One answer is all we need; a listener left behind would fire on every later change.
        if (ok && typeof tcData?.listenerId === 'number') api('removeEventListener', 2, () => undefined, tcData.listenerId);
        resolve(ok ? tcData : null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
  const cookie = (name: string) => {
    const entry = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
    return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
  };
  return {
    tcString: typeof data?.tcString === 'string' ? data.tcString : '',
    eventStatus: typeof data?.eventStatus === 'string' ? data.eventStatus : null,
    gdprApplies: typeof data?.gdprApplies === 'boolean' ? data.gdprApplies : null,
    cookie: cookie('euconsent-v2'),
    consentUUID: cookie('consentUUID'),
    messageOpen: document.querySelector('div[id^="sp_message_container_"]') !== null,
  };
}

/**
 * Main world of the top frame; self-contained. Resets with `postRejectAll`,
 * then grants what the plan allows with `postCustomConsent` (IAB purpose ids;
 * special features as `sf<id>`), and checks through `__tcfapi` that the CMP now
 * publishes exactly that before closing the message. If the CMP does not
 * accept the call, the message is left open and false returned, so the engine
 * falls back to autoconsent's clicks in the banner frame.
 */
async function applySourcepoint(plan: TcfPlan): Promise<boolean> {
  const api = (window as any).__tcfapi;
  if (typeof api !== 'function') return false;
  const call = (command: string, ...args: unknown[]): Promise<{ ok: boolean; data: any }> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, data: null }), 3000);
      try {
        api(command, 2, (data: any, ok: boolean) => {
          clearTimeout(timer);
          resolve({ ok: ok !== false, data });
        }, ...args);
      } catch {
        clearTimeout(timer);
        resolve({ ok: false, data: null });
      }
    });
  if (!(await call('postRejectAll')).ok) return false;
  const granted = [...plan.purposes, ...plan.specialFeatures.map((id) => `sf${id}`)];
  if (granted.length > 0 || plan.legitimateInterests.length > 0) {
    if (!(await call('postCustomConsent', [], granted, plan.legitimateInterests)).ok) return false;
  }
  // addEventListener answers at once with the current data (getTCData is deprecated in TCF 2.2).
  const now = await call('addEventListener');
  if (typeof now.data?.listenerId === 'number') api('removeEventListener', 2, () => undefined, now.data.listenerId);
  const same = (bits: any, wanted: number[], ids: number[]) => ids.every((id) => (bits?.[id] === true) === wanted.includes(id));
  const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const exact =
    now.ok &&
    same(now.data?.purpose?.consents, plan.purposes, ids) &&
    same(now.data?.purpose?.legitimateInterests, plan.legitimateInterests, ids) &&
    same(now.data?.specialFeatureOptins, plan.specialFeatures, [1, 2]);
  if (!exact) return false;
  // The commands store the answer but leave the message up: close it, and undo its scroll lock.
  document.querySelectorAll('div[id^="sp_message_container_"]').forEach((el) => el.remove());
  document.documentElement.classList.remove('sp-message-open');
  document.body?.classList.remove('sp-message-open');
  return true;
}

export const sourcepoint: CmpAdapter<SourcepointRaw, TcfPlan> = {
  id: 'sourcepoint',
  name: 'Sourcepoint',
  autoconsentNames: ['Sourcepoint-frame'],
  runIn: 'topFrame',
  // `read` and `apply` resolve asynchronously; executeScript awaits the Promise, which the adapter type does not express.
  read: readSourcepoint,
  apply: applySourcepoint,
  snapshot: (raw) => {
    const model = decodeTcString(raw.tcString || raw.cookie);
    const applies = raw.gdprApplies !== false;
    const answered = applies && model !== null;
    const proof = raw.cookie ? `euconsent-v2=${raw.cookie}` : raw.tcString ? `__tcfapi tcString ${raw.tcString}` : `__tcfapi: eventStatus ${raw.eventStatus ?? 'unknown'}, no TC string yet`;
    return {
      cmp: 'Sourcepoint',
      categories: applies ? tcfCategories(tcfBitsOf(model), answered) : [],
      vendorCount: tcfVendorCount(model),
      legitimateInterestOn: tcfLegitimateInterestOn(model),
      // The buttons live in a cross-origin frame the top page cannot look into.
      firstLayerReject: null,
      answered,
      evidence: raw.consentUUID ? `${proof}; consentUUID=${raw.consentUUID}` : proof,
    };
  },
  plan: (_snapshot, intent) => tcfPlan(intent),
};
