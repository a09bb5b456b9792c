import { allows, coveredPurposes, expressible, strictestPurpose } from './categories';
import { purposeOfLabel } from '../labels/match';
import type { CmpAdapter } from './types';

/** Klaro (kiprotect/klaro): services, each with purposes; state in `klaro.getManager()`. */
interface KlaroRaw {
  services: { name: string; title: string; purposes: string[]; purposeTitles: string[]; required: boolean; consent: boolean }[];
  confirmed: boolean;
  cookie: string | null;
  hasDecline: boolean;
}
type KlaroPlan = Record<string, boolean>;

function readKlaro(): KlaroRaw | null {
  const klaro = (window as unknown as { klaro?: { getManager?: () => any } }).klaro;
  if (!klaro || typeof klaro.getManager !== 'function') return null;
  const manager = klaro.getManager();
  const config = manager?.config ?? {};
  const lang: string = config.lang || document.documentElement.lang || 'en';
  const names = (config.translations?.[lang]?.purposes ?? config.translations?.zz?.purposes ?? {}) as Record<string, unknown>;
  const cookieName: string = config.storageName || config.cookieName || 'klaro';
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${cookieName}=`)) ?? null;
  return {
    services: ((config.services ?? config.apps ?? []) as any[]).map((s) => ({
      name: String(s.name),
      title: String(s.title ?? s.name),
      purposes: ((s.purposes ?? []) as unknown[]).map(String),
      purposeTitles: ((s.purposes ?? []) as unknown[]).map((p) => {
        const t = names[String(p)];
        return typeof t === 'string' ? t : typeof (t as { title?: unknown })?.title === 'string' ? String((t as { title: string }).title) : '';
      }),
      required: Boolean(s.required),
      consent: manager.consents?.[s.name] === true,
    })),
    confirmed: Boolean(manager.confirmed),
    cookie,
    hasDecline: document.querySelector('.klaro .cookie-notice .cn-decline') !== null,
  };
}

function applyKlaro(plan: Record<string, boolean> | null): boolean {
  if (!plan) return false;
  const klaro = (window as unknown as { klaro?: { getManager?: () => any } }).klaro;
  const manager = klaro?.getManager?.();
  if (!manager || typeof manager.updateConsent !== 'function') return false;
  for (const [name, value] of Object.entries(plan)) manager.updateConsent(name, value);
  manager.saveAndApplyConsents();
  // The notice stays mounted until Klaro re-renders; close it the way its own buttons do.
  document.querySelectorAll<HTMLElement>('.klaro .cookie-notice, .klaro .cookie-modal').forEach((el) => el.remove());
  return true;
}

export const klaro: CmpAdapter<KlaroRaw, KlaroPlan | null> = {
  id: 'klaro',
  name: 'Klaro',
  autoconsentNames: ['Klaro'],
  read: readKlaro,
  apply: applyKlaro,
  snapshot: (raw) => ({
    cmp: 'Klaro',
    categories: raw.services.map((s) => {
      const purposes = s.purposes.map((p, i) => purposeOfLabel(p, s.purposeTitles[i]));
      const covers = s.required ? undefined : coveredPurposes(purposes);
      return {
        id: s.name,
        label: [s.title, ...s.purposeTitles].filter(Boolean).join(' · '),
        purpose: s.required ? 'necessary' : strictestPurpose(purposes),
        ...(covers ? { covers } : {}),
        required: s.required,
        consented: raw.confirmed ? s.consent : null,
      };
    }),
    vendorCount: raw.services.length,
    legitimateInterestOn: [],
    firstLayerReject: raw.hasDecline,
    answered: raw.confirmed,
    evidence: raw.cookie ?? 'klaro.getManager().consents',
  }),
  plan: (snapshot, intent) => (expressible(intent, snapshot.categories) ? Object.fromEntries(snapshot.categories.map((c) => [c.id, allows(intent, c)])) : null),
};
