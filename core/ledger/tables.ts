import type { CookieRecord, LedgerEvent, PolicyRecord, RequestRecord, SiteRecord, ThirdPartyDay } from './records';

/** The ledger's tables, in the order files list them. */
export const LEDGER_TABLES = ['sites', 'events', 'cookies', 'thirdParties', 'policies', 'requests'] as const;
export type LedgerTable = (typeof LEDGER_TABLES)[number];

/** Rows as files carry them: without the database's automatic ids, which mean nothing elsewhere. */
export interface LedgerRows {
  sites: SiteRecord[];
  events: Omit<LedgerEvent, 'id'>[];
  cookies: CookieRecord[];
  thirdParties: ThirdPartyDay[];
  policies: Omit<PolicyRecord, 'id'>[];
  requests: RequestRecord[];
}
export type LedgerRow<T extends LedgerTable> = LedgerRows[T][number];

/** Tables whose key the database makes up: the key is left out of files and out of identity. */
const AUTO_ID: ReadonlySet<LedgerTable> = new Set(['events', 'policies']);

/** A stored row as a file carries it. */
export function fileRow<T extends LedgerTable>(table: T, row: LedgerRow<T> & { id?: unknown }): LedgerRow<T> {
  if (!AUTO_ID.has(table)) return row;
  const { id: _, ...rest } = row;
  return rest as LedgerRow<T>;
}

/** The natural keys of the aggregate tables, as `core/ledger/records.ts` documents them. */
export const cookieId = (c: Pick<CookieRecord, 'site' | 'domain' | 'name'>): string => `${c.site}|${c.domain}|${c.name}`;
export const thirdPartyId = (t: Pick<ThirdPartyDay, 'site' | 'day' | 'party'>): string => `${t.site}|${t.day}|${t.party}`;

