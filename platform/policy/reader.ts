import { analysePolicy, isLikelyPolicyPage, policyText, rankPolicyLinks } from '../../core/policy';
import type { PolicyStatus } from '../../core/ledger/records';
import type { PolicyReadResult } from '../../core/messaging/protocol';
import type { AnalyseInput, PolicySummary } from '../../core/policy/types';
import type { LedgerDatabase } from '../db';
import { fetchPolicy, type FetchedPolicy } from './fetchPolicy';
import type { PageScan } from './pageScan';
import { saveFailure, saveVersion } from './policyStore';

/** What one reading did, for the popup's "Read now". */
export type ReadResult = PolicyReadResult;

export interface ReaderDeps {
  db: LedgerDatabase;
  /** The tab's top page, scanned for links (null when it could not be scanned). */
  scan: () => Promise<PageScan | null>;
  fetch?: typeof fetchPolicy;
  now?: () => number;
}

/** At most this many candidate URLs are fetched in one reading: the best few links, in order. */
export const MAX_TRIES = 3;

/** The URLs to try, best first: the page itself when it is a policy, then the privacy links the finder ranks. */
export function candidateUrls(scan: PageScan): string[] {
  const self = isLikelyPolicyPage({ text: scan.text, title: scan.title, url: scan.url }).likely ? [scan.url] : [];
  const ranked = rankPolicyLinks(scan.links, scan.url).filter((link) => link.kind === 'privacy').map((link) => link.href);
  return [...new Set([...self, ...ranked].map((u) => u.split('#')[0]!))].slice(0, MAX_TRIES);
}

/** The normalised text the summary's evidence points into, and the summary. */
export function analyse(fetched: Extract<FetchedPolicy, { ok: true }>): { text: string; summary: PolicySummary } {
  const input: AnalyseInput = fetched.contentType === 'html'
    ? { html: fetched.body, url: fetched.url }
    : { text: fetched.body, url: fetched.url, contentType: 'text/plain' };
  return { text: policyText(input), summary: analysePolicy(input) };
}

/**
 * Finds, fetches, reads and keeps the site's privacy policy. Every way it can
 * fail ends as a status row the interface shows, never silently.
 */
export async function readSitePolicy(site: string, deps: ReaderDeps): Promise<ReadResult> {
  const now = deps.now ?? Date.now;
  const scan = await deps.scan();
  const urls = scan ? candidateUrls(scan) : [];
  if (!scan || urls.length === 0) {
    await saveFailure(deps.db, site, scan?.url ?? '', 'noLink', scan ? null : 'the page could not be scanned', now());
    return { status: 'noLink', outcome: null, url: null };
  }
  return readFrom(site, urls, deps);
}

/** Fetches the candidates in order and keeps the first that reads as a privacy policy. */
export async function readFrom(site: string, urls: string[], deps: Omit<ReaderDeps, 'scan'>): Promise<ReadResult> {
  const now = deps.now ?? Date.now;
  const get = deps.fetch ?? fetchPolicy;
  let failure: { status: Exclude<PolicyStatus, 'ok'>; detail: string | null; url: string } | null = null;
  for (const url of urls) {
    const fetched = await get(url, site, true);
    if (!fetched.ok) {
      failure ??= { status: fetched.status, detail: fetched.detail, url };
      continue;
    }
    const { text, summary } = analyse(fetched);
    if (!isLikelyPolicyPage({ text, title: summary.title, url: fetched.url }).likely) {
      failure ??= { status: 'notAPolicy', detail: summary.title, url: fetched.url };
      continue;
    }
    const outcome = await saveVersion(deps.db, site, fetched.url, text, summary, now());
    return { status: 'ok', outcome, url: fetched.url };
  }
  await saveFailure(deps.db, site, failure!.url, failure!.status, failure!.detail, now());
  return { status: failure!.status, outcome: null, url: failure!.url };
}
