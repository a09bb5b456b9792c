/**
 * The rows of the extension's database (docs/data-model.md). Only the
 * background writes them; extension pages read them live.
 */

/** One website, keyed by its registrable domain. */
export interface SiteRecord {
  site: string;
  firstSeen: number;
  lastSeen: number;
  /** Top-level page loads seen on the site. */
  visits: number;
}

/** Something a site asked for or did, or something the extension did there. */
export interface LedgerEvent {
  id?: number;
  site: string;
  at: number;
  kind: string;
  data: unknown;
}

/** One fetched version of a site's privacy policy. */
export interface PolicyRecord {
  id?: number;
  site: string;
  url: string;
  fetchedAt: number;
  hash: string;
  text: string;
}

/** A rights request the user prepared or sent. */
export interface RequestRecord {
  id: string;
  site: string;
  regime: string;
  type: string;
  status: string;
  createdAt: number;
  sentAt: number | null;
  dueAt: number | null;
}
