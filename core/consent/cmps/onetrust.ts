import { allows } from './categories';
import mapping from './onetrust.json';
import { purposeOfKnownId, type LabelPurpose } from '../labels/match';
import type { CmpAdapter } from './types';

/**
 * OneTrust (also CookiePro, Optanon): cookie groups C0001..C0005 and any the
 * site adds, listed by `OneTrust.GetDomainData().Groups`. What was stored is
 * the `groups=` field of the `OptanonConsent` cookie (`C0001:1,C0002:0,…`);
 * an answer exists once `OptanonAlertBoxClosed` is set.
 */
export interface OneTrustRaw {
  groups: { id: string; name: string; alwaysActive: boolean }[];
  /** `OnetrustActiveGroups`, e.g. ",C0001,C0003,": what the page's tags go by. */
  activeGroups: string;
  closed: boolean;
  /** The `OptanonConsent=…` cookie as the page sees it. */
  cookie: string | null;
  hasReject: boolean;
}
/** Every optional group's wanted state, by CustomGroupId. */
export type OneTrustPlan = Record<string, boolean>;

function readOneTrust(): OneTrustRaw | null {
  const w = window as unknown as { OneTrust?: any; OnetrustActiveGroups?: unknown; OptanonActiveGroups?: unknown };
  const ot = w.OneTrust;
  if (!ot || typeof ot.GetDomainData !== 'function') return null;
  const data = ot.GetDomainData() ?? {};
  const groups: OneTrustRaw['groups'] = [];
  // Sites nest groups (IAB stacks, sub-categories); each has its own entry in `groups=`.
  const walk = (list: unknown) => {
    for (const g of Array.isArray(list) ? list : []) {
      const id = String(g?.CustomGroupId ?? g?.OptanonGroupId ?? '');
      if (id && !groups.some((x) => x.id === id)) {
        groups.push({ id, name: String(g?.GroupName ?? ''), alwaysActive: String(g?.Status ?? '').toLowerCase() === 'always active' });
      }
      walk(g?.SubGroups);
    }
  };
  walk(data.Groups);
  const cookies = document.cookie.split('; ');
  const active = w.OnetrustActiveGroups ?? w.OptanonActiveGroups;
  return {
    groups,
    activeGroups: typeof active === 'string' ? active : '',
    closed: typeof ot.IsAlertBoxClosed === 'function' ? Boolean(ot.IsAlertBoxClosed()) : cookies.some((c) => c.startsWith('OptanonAlertBoxClosed=')),
    cookie: cookies.find((c) => c.startsWith('OptanonConsent=')) ?? null,
    hasReject: document.querySelector('#onetrust-banner-sdk #onetrust-reject-all-handler') !== null,
  };
}

/**
 * Everything allowed: `AllowAll()`. Otherwise `RejectAll()` first, which
 * stores an answer and closes the banner, then grant the allowed groups one
 * by one with `UpdateConsent`: nothing is ever on that the user refused,
 * not even for a moment.
 */
function applyOneTrust(plan: Record<string, boolean>): boolean {
  const ot = (window as unknown as { OneTrust?: any }).OneTrust;
  if (!ot || typeof ot.AllowAll !== 'function' || typeof ot.RejectAll !== 'function') return false;
  const entries = Object.entries(plan);
  if (entries.every(([, on]) => on)) {
    ot.AllowAll();
    return true;
  }
  const grant = entries.filter(([, on]) => on).map(([id]) => id);
  if (grant.length > 0 && typeof ot.UpdateConsent !== 'function') return false;
  ot.RejectAll();
  for (const id of grant) ot.UpdateConsent('Category', `${id}:1`);
  return true;
}

const KNOWN: Record<string, string> = mapping.groups;

/** The purpose of a group: OneTrust's default ids from the data file, else the site's name for it. */
export function purposeOfGroup(id: string, name: string): LabelPurpose | null {
  return purposeOfKnownId(KNOWN, id, name);
}

/** `groups=C0001:1,C0002:0` of an `OptanonConsent` cookie, or null when it has none. */
export function storedGroups(cookie: string | null): Record<string, boolean> | null {
  if (!cookie) return null;
  const field = new URLSearchParams(cookie.slice(cookie.indexOf('=') + 1)).get('groups');
  if (field === null) return null;
  const groups: Record<string, boolean> = {};
  for (const pair of field.split(',')) {
    const [id, value] = pair.split(':');
    if (id) groups[id] = value === '1';
  }
  return groups;
}

export const onetrust: CmpAdapter<OneTrustRaw, OneTrustPlan> = {
  id: 'onetrust',
  name: 'OneTrust',
  autoconsentNames: ['Onetrust'],
  read: readOneTrust,
  apply: applyOneTrust,
  snapshot: (raw) => {
    const stored = storedGroups(raw.cookie);
    const active = new Set(raw.activeGroups.split(',').filter(Boolean));
    return {
      cmp: 'OneTrust',
      categories: raw.groups.map((g) => {
        const purpose = purposeOfGroup(g.id, g.name);
        const required = g.alwaysActive || purpose === 'necessary';
        // The cookie is what OneTrust keeps; the active list stands in when it lacks a group.
        return { id: g.id, label: g.name || g.id, purpose, required, consented: raw.closed ? (stored?.[g.id] ?? active.has(g.id)) : null };
      }),
      vendorCount: null,
      legitimateInterestOn: [],
      firstLayerReject: raw.hasReject,
      answered: raw.closed,
      evidence: raw.cookie ?? `OnetrustActiveGroups=${raw.activeGroups}`,
    };
  },
  // Required groups are left out: OneTrust keeps them on whatever is asked.
  plan: (snapshot, intent) => Object.fromEntries(snapshot.categories.filter((c) => !c.required).map((c) => [c.id, allows(intent, c)])),
};
