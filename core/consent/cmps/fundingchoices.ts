import { decodeTcString, tcfBitsOf, tcfCategories, tcfLegitimateInterestOn, tcfPlan, tcfVendorCount, type TcfPlan } from './tcfCmp';
import type { CmpAdapter } from './types';

/**
 * Google Funding Choices ("Privacy & messaging"): a light-DOM dialog
 * (`.fc-consent-root`) whose answer is published only through `__tcfapi` and
 * kept in the FCCDCF cookie. Google offers no call to set consent, so `apply`
 * answers through the dialog's own "Manage options" switches; "Do not consent"
 * would leave legitimate interest on.
 */
export interface FundingChoicesRaw {
  /** '' while no answer is stored. */
  tcString: string;
  eventStatus: string | null;
  gdprApplies: boolean | null;
  /** The FCCDCF cookie, decoded: a JSON array holding the TC string (layout ⚠). */
  cookie: string | null;
  hasDoNotConsent: boolean;
}

/** Main world; self-contained (serialised by source). */
async function readFundingChoices(): Promise<FundingChoicesRaw | null> {
  const w = window as any;
  if (typeof w.__tcfapi !== 'function' || (!w.googlefc && !document.querySelector('.fc-consent-root'))) return null;
  const data: any = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 2000);
    try {
      w.__tcfapi('addEventListener', 2, (tcData: any, ok: boolean) => {
        clearTimeout(timer);
        // One answer is all we need; a listener left behind would fire on every later change.
        if (ok && typeof tcData?.listenerId === 'number') w.__tcfapi('removeEventListener', 2, () => undefined, tcData.listenerId);
        resolve(ok ? tcData : null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
  const entry = document.cookie.split('; ').find((c) => c.startsWith('FCCDCF='));
  return {
    tcString: typeof data?.tcString === 'string' ? data.tcString : '',
    eventStatus: typeof data?.eventStatus === 'string' ? data.eventStatus : null,
    gdprApplies: typeof data?.gdprApplies === 'boolean' ? data.gdprApplies : null,
    cookie: entry ? decodeURIComponent(entry.slice('FCCDCF='.length)) : null,
    hasDoNotConsent: document.querySelector('.fc-consent-root .fc-cta-do-not-consent') !== null,
  };
}

/**
 * Main world; self-contained. Opens "Manage options", sets every consent and
 * LI switch from the plan, and confirms. Rows are recognised by the official
 * (English) TCF names. A row we cannot place (another language, a vendor row)
 * is not a reason to stop half-way, which would strand autoconsent's fallback
 * in the second layer: its consent stays off unless everything is allowed,
 * and its LI is switched off when the user objects. Verification then reads
 * what was stored.
 */
async function applyFundingChoices(plan: TcfPlan): Promise<boolean> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const waitFor = async <T>(find: () => T | null, ms: number): Promise<T | null> => {
    for (let waited = 0; waited <= ms; waited += 50) {
      const found = find();
      if (found) return found;
      await sleep(50);
    }
    return null;
  };
  const root = document.querySelector('.fc-consent-root');
  if (!root) return false;
  root.querySelector<HTMLElement>('.fc-cta-manage-options')?.click();
  const boxes = await waitFor(() => {
    const found = root.querySelectorAll<HTMLInputElement>('input.fc-preference-consent');
    return found.length ? [...found] : null;
  }, 3000);
  if (!boxes) return false;
  const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const rowOf = (input: HTMLInputElement) => {
    const box = input.closest('.fc-preference-container') ?? input.parentElement?.parentElement;
    const text = norm(box?.querySelector('h3, h4, .fc-preference-title')?.textContent ?? box?.textContent);
    // The longest name the row mentions: a description may quote a shorter one.
    let best: TcfPlan['rows'][number] | null = null;
    for (const row of plan.rows) if (text.includes(norm(row.name)) && (!best || row.name.length > best.name.length)) best = row;
    return best;
  };
  const everything = plan.rows.every((row) => row.consent);
  const objects = plan.legitimateInterests.length === 0;
  const settings: [HTMLInputElement, boolean][] = [];
  for (const input of boxes) settings.push([input, rowOf(input)?.consent ?? everything]);
  for (const input of root.querySelectorAll<HTMLInputElement>('input.fc-preference-legitimate-interest')) {
    const row = rowOf(input);
    settings.push([input, row ? row.legitimateInterest : objects ? false : input.checked]);
  }
  // Clicks, not `checked =`: the dialog keeps its own state from its change handlers.
  for (const [input, on] of settings) if (input.checked !== on) input.click();
  const confirm = root.querySelector<HTMLElement>('.fc-confirm-choices');
  if (!confirm) return false;
  confirm.click();
  const closed = await waitFor(() => {
    const dialog = document.querySelector('.fc-dialog-container');
    return !dialog || dialog.getClientRects().length === 0 ? true : null;
  }, 3000);
  return closed === true;
}

/** The TC string inside FCCDCF: the first string in the array that decodes. */
function tcFromCookie(cookie: string | null): string | null {
  if (!cookie) return null;
  try {
    const strings = JSON.stringify(JSON.parse(cookie)).match(/"[A-Za-z0-9_.-]{20,}"/g) ?? [];
    return strings.map((s) => s.slice(1, -1)).find((s) => decodeTcString(s) !== null) ?? null;
  } catch {
    return null;
  }
}

export const fundingchoices: CmpAdapter<FundingChoicesRaw, TcfPlan> = {
  id: 'fundingchoices',
  name: 'Google Funding Choices',
  autoconsentNames: ['funding-choices'],
  // `read` and `apply` resolve asynchronously; executeScript awaits the Promise, which the adapter type does not express.
  read: readFundingChoices,
  apply: applyFundingChoices,
  snapshot: (raw) => {
    const model = decodeTcString(raw.tcString || tcFromCookie(raw.cookie));
    const applies = raw.gdprApplies !== false;
    const answered = applies && model !== null;
    return {
      cmp: 'Google Funding Choices',
      categories: applies ? tcfCategories(tcfBitsOf(model), answered) : [],
      vendorCount: tcfVendorCount(model),
      legitimateInterestOn: tcfLegitimateInterestOn(model),
      firstLayerReject: raw.hasDoNotConsent,
      answered,
      evidence: raw.cookie ? `FCCDCF=${raw.cookie}` : raw.tcString ? `__tcfapi tcString ${raw.tcString}` : `__tcfapi: eventStatus ${raw.eventStatus ?? 'unknown'}, no TC string yet`,
    };
  },
  plan: (_snapshot, intent) => tcfPlan(intent),
};
