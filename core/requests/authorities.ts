import fromDatenanfragen from './data/authorities.json';
import extra from './data/authoritiesExtra.json';
import type { Authority, RegimeId } from './types';

/**
 * Supervisory authorities for complaints: the EU/EEA, Swiss and UK ones from
 * the datenanfragen.de data (CC0), the others from authoritiesExtra.json.
 */


/** For Germany, where each state has its own authority, the federal one takes complaints and passes them on. */
const PREFERRED: Record<string, string> = { DE: 'debfdi' };

/** Every authority a complaint under `regime` could go to for someone in `country`. */
export function authoritiesFor(regime: RegimeId, country: string | null): Authority[] {
  const EUROPEAN = fromDatenanfragen.authorities as Authority[];
  const OTHERS = extra.authorities as (Authority & { regime: RegimeId })[];
  const code = (country ?? '').trim().toUpperCase();
  if (regime === 'gdpr') {
    const list = EUROPEAN.filter((a) => a.country === code && code !== 'GB' && code !== 'CH');
    const preferred = PREFERRED[code];
    return [...list.filter((a) => a.slug === preferred), ...list.filter((a) => a.slug !== preferred)];
  }
  if (regime === 'ukGdpr') return EUROPEAN.filter((a) => a.country === 'GB');
  return OTHERS.filter((a) => a.regime === regime).map(({ regime: _r, ...a }) => a);
}

/**
 * The authority to address by default: under the GDPR the one of the user's
 * country of residence (Art. 77(1)); the single national one elsewhere.
 * Null when none is known (the interface then asks the user).
 */
export function authorityFor(regime: RegimeId, country: string | null): Authority | null {
  return authoritiesFor(regime, country)[0] ?? null;
}
