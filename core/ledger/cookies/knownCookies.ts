import type { CookiePurpose } from '../records';
import table from './knownCookies.json';

/** One vendor's or one software's cookies, as listed in `knownCookies.json`. */
export interface KnownCookieGroup {
  vendor: string;
  purpose: CookiePurpose;
  /** Registrable domains the group is limited to; absent: any domain. */
  domains?: string[];
  names?: string[];
  prefixes?: string[];
  suffixes?: string[];
}

/** The table of well-known cookie names, as data. Its unit test checks every entry. */
export const KNOWN_COOKIE_GROUPS = table.groups as KnownCookieGroup[];
